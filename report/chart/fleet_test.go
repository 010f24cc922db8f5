package chart

import (
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/report"
)

// fleet returns n hosts' results made from the fixtures, as issue 13's
// fleets of 9 and 30: a knight with hardware AES, its --no-aesni run
// (its --interleave pair every other time) and a padawan without AES-NI,
// in turn, each with a long label, faster by a few per cent than the one
// before, and every fourth missing its aes-256-gcm cells.
func fleet(t *testing.T, n int) []*result.Results {
	t.Helper()
	kinds := []string{"knight", "knight-noaesni", "padawan"}
	var out []*result.Results
	for i := range n {
		r := fixtures(t, kinds[i%3])[0]
		r.Label = fmt.Sprintf("prod-eu-west-1-c7i-metal-48xl-rack%02d-%s", i, kinds[i%3])
		if r.Probe != nil && i%3 < 2 {
			r.Probe.Model = fmt.Sprintf("Intel Xeon model %d", i/3)
		}
		if i%3 < 2 && (i/3)%2 == 0 {
			r.Pair = &result.Pair{ID: fmt.Sprintf("pair-%d", i/3), Role: []string{"a", "b"}[i%3], Mode: "interleaved"}
		} else {
			r.Pair = nil
		}
		f := 1 + 0.04*float64(i)
		var ms []result.Measurement
		for _, m := range r.Measurements {
			if i%4 == 3 && m.Algo == "aes-256-gcm" {
				continue
			}
			for k := range m.SamplesKBps {
				m.SamplesKBps[k] *= f
			}
			m.KBps, m.MinKBps, m.MaxKBps = m.KBps*f, m.MinKBps*f, m.MaxKBps*f
			m.CILowKBps, m.CIHighKBps = m.CILowKBps*f, m.CIHighKBps*f
			ms = append(ms, m)
		}
		r.Measurements = ms
		out = append(out, r)
	}
	return out
}

// TestFleetCharts draws every chart of comparisons of 2, 9 and 30 hosts
// with long labels. Set AESBENCH_CHART_DIR to keep them (as
// <hosts>-<chart>.png and .svg) to look at.
func TestFleetCharts(t *testing.T) {
	keep := os.Getenv("AESBENCH_CHART_DIR")
	for _, n := range []int{2, 9, 30} {
		c, err := report.Compare(fleet(t, n), report.CompareOptions{})
		if err != nil {
			t.Fatal(err)
		}
		chs, _, err := charts(c, 256)
		if err != nil {
			t.Fatalf("%d hosts: %v", n, err)
		}
		if len(chs) < 3 {
			t.Errorf("%d hosts: %d charts, want throughput, speedup, sizes and files", n, len(chs))
		}
		for _, ch := range chs {
			w := io.Discard
			if keep != "" {
				f, err := os.Create(filepath.Join(keep, fmt.Sprintf("%d-%s.png", n, ch.Name)))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				w = f
				s, err := os.Create(filepath.Join(keep, fmt.Sprintf("%d-%s.svg", n, ch.Name)))
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				if err := ch.WriteSVG(s); err != nil {
					t.Errorf("%d hosts, %s.svg: %v", n, ch.Name, err)
				}
			}
			if err := ch.WritePNG(w); err != nil {
				t.Errorf("%d hosts, %s.png: %v", n, ch.Name, err)
			}
		}
	}
}

// TestHostColorsDistinct checks that no two of 30 hosts share a colour,
// nor any of them is too close to another to tell apart at a glance.
func TestHostColorsDistinct(t *testing.T) {
	var seen []color.RGBA
	for i := range 30 {
		r, g, b, _ := hostColor(i).RGBA()
		c := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xFF}
		if j := slices.Index(seen, c); j >= 0 {
			t.Errorf("hosts %d and %d share the colour %v", j, i, c)
		}
		for j, s := range seen {
			d := abs(int(s.R)-int(c.R)) + abs(int(s.G)-int(c.G)) + abs(int(s.B)-int(c.B))
			if d < 40 {
				t.Errorf("hosts %d %v and %d %v are %d apart, too close", j, s, i, c, d)
			}
		}
		seen = append(seen, c)
	}
}

// TestSpeedupPairs: each host with hardware AES is paired with its own
// --no-aesni run by label before any masked run of its CPU model.
func TestSpeedupPairs(t *testing.T) {
	c := &report.Comparison{Hosts: []report.Host{
		{Label: "a", Model: "M", HardwareAES: true},
		{Label: "z-noaesni", Model: "M", Masked: true},
		{Label: "b", Model: "M", HardwareAES: true},
		{Label: "a-noaesni", Model: "M", Masked: true},
	}}
	got := speedupPairs(c, []int{0, 2}, []int{1, 3})
	want := [][2]int{{0, 3}, {2, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("pairs %v, want %v (a with a-noaesni, b with the first masked run of its model)", got, want)
	}
}
