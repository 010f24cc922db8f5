package report

import (
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

// TestHostDrift checks when compare says the host's own speed moved
// between two runs: only for separate runs of one CPU model whose ADD
// chains differ significantly, never for different CPUs (the chain's
// difference is then theirs) nor the two sides of one interleaved run.
func TestHostDrift(t *testing.T) {
	ref := func(ghz ...float64) []result.HostRef {
		return []result.HostRef{{Threads: 1, SamplesGHz: ghz, GHz: ghz[len(ghz)/2]}}
	}
	steady := []float64{3.20, 3.21, 3.19, 3.22, 3.18, 3.20, 3.21, 3.19, 3.20, 3.22, 3.18}
	slow := make([]float64, len(steady))
	for i, x := range steady {
		slow[i] = 0.97 * x
	}
	tests := []struct {
		name string
		edit func(a, b *result.Results)
		want string // "" for no warning
	}{
		{"slower", func(a, b *result.Results) { a.HostRef, b.HostRef = ref(steady...), ref(slow...) },
			"ran 3.0% [2.7% to 3.3%] slower in padawan than in knight (3.10 GHz against 3.20)"},
		{"faster", func(a, b *result.Results) { a.HostRef, b.HostRef = ref(slow...), ref(steady...) },
			"faster in padawan than in knight"},
		{"steady", func(a, b *result.Results) { a.HostRef, b.HostRef = ref(steady...), ref(steady...) }, ""},
		{"different CPUs", func(a, b *result.Results) {
			a.HostRef, b.HostRef = ref(steady...), ref(slow...)
			b.Probe.Model = "another CPU"
		}, ""},
		{"one interleaved run", func(a, b *result.Results) {
			a.HostRef, b.HostRef = ref(steady...), ref(slow...)
			a.Pair, b.Pair = &result.Pair{ID: "x", Role: "a"}, &result.Pair{ID: "x", Role: "b"}
		}, ""},
		{"no samples", func(a, b *result.Results) {
			a.HostRef, b.HostRef = ref(steady...), []result.HostRef{{Threads: 1, GHz: 3.1}}
		}, ""},
		{"threads only", func(a, b *result.Results) {
			a.HostRef, b.HostRef = ref(steady...), ref(slow...)
			b.HostRef[0].Threads = 2
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := fixtures(t, "knight", "padawan")
			rs[1].Probe.Model = rs[0].Probe.Model
			tt.edit(rs[0], rs[1])
			c, err := Compare(rs, CompareOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got := driftWarnings(c)
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("warned %q, want nothing", got)
			case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0], tt.want)):
				t.Errorf("warned %q, want one with %q", got, tt.want)
			}
		})
	}
}

// TestHostDriftMany: many runs of one model get one line, not one each.
func TestHostDriftMany(t *testing.T) {
	rs := fixtures(t, "knight", "padawan", "knight", "padawan", "knight")
	for i, r := range rs {
		r.Probe.Model = rs[0].Probe.Model
		g := 3.2 * (1 - 0.02*float64(i))
		r.HostRef = []result.HostRef{{Threads: 1, GHz: g, SamplesGHz: []float64{g, 1.001 * g, 0.999 * g, g, 1.002 * g, 0.998 * g}}}
	}
	c, err := Compare(rs, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := driftWarnings(c)
	if len(got) != 1 || !strings.Contains(got[0], "knight-3 8.0% [") || !strings.Contains(got[0], "padawan 2.0% [") {
		t.Errorf("warned %q, want one line naming each run", got)
	}

	// A fleet: the line names the four that moved furthest, first, and
	// counts the rest, as the other warnings do, not a screenful.
	rs = fixtures(t, "knight", "padawan", "knight", "padawan", "knight", "padawan", "knight", "padawan")
	for i, r := range rs {
		r.Probe.Model = rs[0].Probe.Model
		g := 3.2 * (1 - 0.02*float64((i*3)%8)) // moved 6%, 12%, 2%, 8%, 14%, 4%, 10%
		r.HostRef = []result.HostRef{{Threads: 1, GHz: g, SamplesGHz: []float64{g, 1.001 * g, 0.999 * g, g, 1.002 * g, 0.998 * g}}}
	}
	if c, err = Compare(rs, CompareOptions{}); err != nil {
		t.Fatal(err)
	}
	got = driftWarnings(c)
	if len(got) != 1 {
		t.Fatalf("warned %q, want one line", got)
	}
	var order []int
	for _, moved := range []string{"14.0%", "12.0%", "10.0%", "8.0%", "6.0%"} {
		order = append(order, strings.Index(got[0], " "+moved+" ["))
	}
	if order[0] < 0 || order[1] < order[0] || order[2] < order[1] || order[3] < order[2] || order[4] >= 0 || !strings.Contains(got[0], "and 3 more") {
		t.Errorf("warned %q, want the four furthest moves, furthest first, and 3 more", got[0])
	}
}

// driftWarnings are c's warnings that the host's own speed moved.
func driftWarnings(c *Comparison) []string {
	var got []string
	for _, w := range c.Warnings {
		if strings.Contains(w, "own speed moved") {
			got = append(got, w)
		}
	}
	return got
}

// TestCompareWithinDrift: two separate runs of one CPU model whose cells
// are all 3% slower in the second, as its ADD chain is, call no cell
// different ("~ (drift)", and the table's note says what that means);
// cells 10% slower, beyond the chain's 3%, stay different; and without
// the chain's move the 3% is a difference.
func TestCompareWithinDrift(t *testing.T) {
	spread := []float64{1, 1.004, 0.996, 1.002, 0.998, 1, 1.003, 0.997, 1.001, 0.999, 1}
	scaled := func(k, f float64) []float64 {
		var s []float64
		for _, x := range spread {
			s = append(s, k*f*x)
		}
		return s
	}
	tests := []struct {
		name        string
		cells, host float64 // the second run's factor
		want        string  // in every throughput ratio
	}{
		{"moved with the host", 0.97, 0.97, "~ (drift)"},
		{"beyond the host", 0.90, 0.97, "1.11x ["},
		{"host steady", 0.97, 1, "1.03x ["},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := fixtures(t, "knight", "padawan")
			rs[1].Probe.Model = rs[0].Probe.Model
			for h, r := range rs {
				f := []float64{1, tt.cells}[h]
				for i := range r.Measurements {
					m := &r.Measurements[i]
					k := rs[0].Measurements[i].KBps
					m.SamplesKBps, m.KBps = scaled(k, f), k*f
				}
				g := []float64{1, tt.host}[h]
				r.HostRef = []result.HostRef{{Threads: 1, GHz: 3.2 * g, SamplesGHz: scaled(3.2, g)}}
			}
			c, err := Compare(rs, CompareOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := WriteCompareText(&b, c); err != nil {
				t.Fatal(err)
			}
			for _, r := range c.Rows {
				if got := formatRatio(r.Ratios[0], r.RatioStats[0]); !strings.Contains(got, tt.want) {
					t.Errorf("%s: %q, want %q", r.RowLabel(), got, tt.want)
				}
			}
			var csv strings.Builder
			if err := WriteCompareCSV(&csv, c); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(csv.String(), ",false,u-test,drift\n"); got != (tt.want == "~ (drift)") {
				t.Errorf("CSV says within drift %v:\n%s", got, csv.String())
			}
			flat := strings.Join(strings.Fields(b.String()), " ") // the title is wrapped
			note := strings.Contains(flat, "~ (drift): no more than the host itself moved")
			if note != (tt.want == "~ (drift)") {
				t.Errorf("the note on ~ (drift) shown %v:\n%s", note, b.String())
			}
		})
	}
}
