package chart

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/report"
)

// svgText returns the text elements of an SVG, unescaped, in order.
func svgText(t *testing.T, ch *Chart) []string {
	t.Helper()
	var b bytes.Buffer
	if err := ch.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile(`<text[^>]*>([^<]*)</text>`).FindAllStringSubmatch(b.String(), -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// TestChartText checks the words a reader sees, written out here rather
// than taken from the constants they were drawn from: the units of the
// axes (kB/s are 1000s of bytes per second), the titles and the labels of
// the bars, each a whole text element of the SVG.
func TestChartText(t *testing.T) {
	all, err := report.Compare(fixtures(t, "knight", "padawan", "knight-noaesni"), report.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		chart func() (*Chart, error)
		want  []string
		not   []string // e.g. a pair the speedup chart must not draw
	}{
		{func() (*Chart, error) { return Throughput(all, 256) }, []string{
			"kB/s (1000s of bytes per second)",
			"Encryption throughput at 256-byte messages, log scale (higher is faster)",
			"algorithm", "aes-256-cbc", "312k", "22.4k", "knight", "padawan", "knight-noaesni",
		}, nil},
		{func() (*Chart, error) { return Sizes(all) }, []string{
			"kB/s (1000s of bytes per second), log scale",
			"Encryption throughput by message size (higher is faster)",
			"message size, bytes (log2 scale)", "16", "1K", "16K", "knight aes-256-cbc",
		}, nil},
		{func() (*Chart, error) { return Files(all) }, []string{
			"seconds",
			"Time to encrypt a file of 80.0 MB, with the disk I/O (lower is faster)",
			"workload", "aes-256-cbc", "1.42 s", "8.93 s", // the size in the title
		}, nil},
		{func() (*Chart, error) { return Speedup(all, 256) }, []string{
			"x faster with hardware AES",
			"AES-NI speedup at 256-byte messages (1x = no difference)",
			"algorithm", "4.38x", "20.20x", "knight over knight-noaesni",
			// 3DES differs by 1.01x at p=0.06: "~", not a figure; so does
			// ChaCha20's 1.02x, which the U test finds (p=0.009) but a
			// rerun of either run could move a median as far.
			"~", "1x: same speed; ~: no significant difference",
		}, []string{"knight over padawan", "1.01x", "1.02x"}}, // knight has its own --no-aesni run
	}
	for _, tt := range tests {
		ch, err := tt.chart()
		if err != nil || ch == nil {
			t.Fatalf("got %v, %v; want a chart", ch, err)
		}
		t.Run(ch.Name, func(t *testing.T) {
			text := svgText(t, ch)
			for _, w := range tt.want {
				if !slices.Contains(text, w) {
					t.Errorf("svg has no text %q; it has %q", w, text)
				}
			}
			for _, w := range tt.not {
				if slices.Contains(text, w) {
					t.Errorf("svg has the text %q", w)
				}
			}
		})
	}
}

// TestSpeedupLegendTilde checks that the speedup chart explains "~" only
// when a label says it: with 3DES and ChaCha20 dropped, every ratio left
// is significant, and a legend about "~" would explain nothing there.
func TestSpeedupLegendTilde(t *testing.T) {
	rs := fixtures(t, "knight", "knight-noaesni")
	for _, r := range rs {
		r.Measurements = slices.DeleteFunc(r.Measurements, func(m result.Measurement) bool {
			return !strings.HasPrefix(m.Algo, "aes-")
		})
	}
	c, err := report.Compare(rs, report.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := Speedup(c, 256)
	if err != nil || ch == nil {
		t.Fatalf("got %v, %v; want a chart", ch, err)
	}
	text := svgText(t, ch)
	if !slices.Contains(text, "1x: same speed") {
		t.Errorf("svg has no legend %q; it has %q", "1x: same speed", text)
	}
	for _, s := range text {
		if strings.Contains(s, "~") {
			t.Errorf("svg has %q, with no label \"~\" to explain", s)
		}
	}
}
