package chart

import (
	"io"
	"math"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/report"
)

// TestChartsOfWildFigures draws every chart of comparisons whose figures
// no results file holds (result.Parse refuses them), as a comparison
// built otherwise could: each chart must be drawn, left out or refused
// with an error, never panic or rasterize for ever. Figures of 1.7e308
// kB/s made report panic ("Values must be greater than 0 for a log
// scale") beside another host and spin in freetype alone.
func TestChartsOfWildFigures(t *testing.T) {
	tests := []struct {
		name  string
		hosts []string
		kbps  float64 // every figure of the last host
		secs  float64 // every file time of the last host
		want  string  // in the error; "" for a chart or none
	}{
		{"huge beside another", []string{"knight", "padawan"}, 1.7e308, 1.7e308, "cannot draw the figure 1.7e+308"},
		{"huge alone", []string{"knight"}, 1.7e308, 1.7e308, "cannot draw the figure 1.7e+308"},
		{"infinite", []string{"knight", "padawan"}, math.Inf(1), math.Inf(1), "cannot draw the figure +Inf"},
		{"not a number", []string{"knight", "padawan"}, math.NaN(), math.NaN(), "cannot draw the figure NaN"},
		{"negative", []string{"knight", "padawan"}, -1, -1, "cannot draw the figure -1"},
		{"subnormal", []string{"knight", "padawan"}, 5e-324, 5e-324, "cannot draw the figure 5e-324"},
		{"all zero alone", []string{"knight"}, 0, 0, ""},
		{"all zero beside another", []string{"knight", "padawan"}, 0, 0, ""},
		{"at the edges", []string{"knight", "padawan"}, maxDrawable, minDrawable, ""},
		{"ratios beyond the edges", []string{"knight", "padawan"}, 1e-99, 1e-99, "chart aesni-speedup: cannot draw the figure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := report.Compare(fixtures(t, tt.hosts...), report.CompareOptions{})
			if err != nil {
				t.Fatal(err)
			}
			last := len(c.Hosts) - 1
			for i := range c.Rows {
				c.Rows[i].KBps[last] = tt.kbps
			}
			for i := range c.Files {
				c.Files[i].Seconds[last] = tt.secs
			}
			// A host without hardware AES beside one with: the speedup chart.
			c.Hosts[last].HardwareAES = false
			charts := map[string]func() (*Chart, error){
				"throughput":    func() (*Chart, error) { return Throughput(c, 256) },
				"sizes":         func() (*Chart, error) { return Sizes(c) },
				"files":         func() (*Chart, error) { return Files(c) },
				"aesni-speedup": func() (*Chart, error) { return Speedup(c, 256) },
			}
			refused := 0
			for name, draw := range charts {
				ch, err := draw()
				if err != nil {
					refused++
					if tt.want == "" || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "chart "+name+": ") {
						t.Errorf("%s: error %v, want %q", name, err, tt.want)
					}
					continue
				}
				if ch == nil {
					continue
				}
				if err := ch.WritePNG(io.Discard); err != nil {
					t.Errorf("%s: png: %v", name, err)
				}
			}
			if tt.want != "" && refused == 0 {
				t.Errorf("no chart refused the figures; want %q", tt.want)
			}
		})
	}
}

// TestFit checks that a legend entry or category label is cut to fit,
// so that a long host name does not push the plot off the chart.
func TestFit(t *testing.T) {
	p := newPlot("t", "x", "y")
	sty := p.Legend.TextStyle
	for _, s := range []string{"", "knight", "knight-noaesni chacha20-poly1305", strings.Repeat("W", 255), strings.Repeat("東京", 100)} {
		got := fit(s, sty, maxLegend)
		switch {
		case sty.Width(got) > maxLegend:
			t.Errorf("fit(%q) = %q, %v wide, over %v", s, got, sty.Width(got), maxLegend)
		case sty.Width(s) <= maxLegend && got != s:
			t.Errorf("fit(%q) = %q, want it whole", s, got)
		case got != s && (!strings.HasSuffix(got, "…") || !strings.HasPrefix(s, strings.TrimSuffix(got, "…"))):
			t.Errorf("fit(%q) = %q, want a prefix and an ellipsis", s, got)
		}
	}
}
