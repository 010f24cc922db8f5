package report

import (
	"fmt"
	"math"
	"strconv"

	"github.com/aesbench/aesbench/bench/stats"
)

// RatioStat is the uncertainty of one ratio of a comparison: its 95%
// interval and whether the difference is significant (stats.Ratio).
type RatioStat struct {
	Lo float64 `json:"lo"` // low end of the ratio's 95% interval; 0 when unbounded or untested
	Hi float64 `json:"hi"` // high end; 0 when unbounded or untested
	P  float64 `json:"p"`  // p-value of no difference; 1 when no test is possible
	// Significant is true when the two figures differ at the 5% level:
	// only then does a table print the ratio as a difference.
	Significant bool `json:"significant"`
	// Test names how: "u-test" (two independent runs, as benchstat),
	// "paired" (the rounds of one same-host A/B run, side by side), or
	// "none" (a side has one figure, as an import, or nothing).
	Test string `json:"test"`
	// Rerun is true when the interval also holds how far a rerun of
	// either side could move its median (stats.CompareRuns): separate
	// runs with at least stats.MinSamplesForRerun figures a side.
	// false otherwise.
	Rerun bool `json:"rerun,omitempty"`
	// WithinRerun is true when the U test alone would have called the
	// difference significant, but a rerun of either side could move its
	// median that far: it is then not significant.
	WithinRerun bool `json:"within_rerun,omitempty"`
	// WithinDrift is true when the difference was significant by
	// itself, but no larger than the host's own drift between the two
	// runs (a dependent ADD chain timed beside the cells moved as
	// much): it is then not significant. Separate runs of one CPU
	// model only; false otherwise.
	WithinDrift bool `json:"within_drift,omitempty"`
	N1          int  `json:"n1"` // figures of the baseline
	N2          int  `json:"n2"` // figures of the other host
	// Rounds are the ratio of each round of a paired test, in round
	// order: how many times faster the baseline was in that round (its
	// kB/s over the other's; for a file, the other's seconds over its);
	// absent for other tests.
	Rounds []float64 `json:"rounds,omitempty"`
}

// ratioStat turns a stats.Ratio into what the comparison reports.
func ratioStat(r stats.Ratio) RatioStat {
	s := RatioStat{P: r.P, Significant: r.Significant(), N1: r.N1, N2: r.N2, Test: "none", Rerun: r.Rerun, WithinRerun: r.WithinRerun, WithinDrift: r.WithinDrift, Rounds: r.Rounds}
	switch {
	case !r.Testable():
		s.P = 1
	case r.Paired:
		s.Test = "paired"
	default:
		s.Test = "u-test"
	}
	if r.Testable() && r.Bounded() {
		s.Lo, s.Hi = r.Lo, r.Hi
	}
	return s
}

// formatRatio writes a ratio with its uncertainty for a table: "3.05x
// [2.98-3.12]" when significant, "~ (p=0.39)" when not, as benchstat
// writes it, "~ (rerun)" when the U test finds a difference that a rerun
// could make, "~ (drift)" when the host itself moved as far between
// two separate runs, "1.02x (no test)" when no test was possible, and "n/a"
// when there is no ratio.
func formatRatio(x float64, s RatioStat) string {
	switch {
	case x <= 0:
		return "n/a"
	case s.Test == "none":
		return strconv.FormatFloat(x, 'f', 2, 64) + "x (no test)"
	case !s.Significant && s.WithinRerun:
		return "~ (rerun)"
	case !s.Significant && s.WithinDrift:
		return "~ (drift)"
	case !s.Significant:
		return fmt.Sprintf("~ (p=%.2f)", s.P)
	case s.Lo > 0 && s.Hi > 0 && !math.IsInf(s.Hi, 0):
		return fmt.Sprintf("%.2fx [%s-%s]", x, short(s.Lo), short(s.Hi))
	}
	return strconv.FormatFloat(x, 'f', 2, 64) + "x"
}

// short writes an interval end with two decimals, three below 1.
func short(x float64) string {
	if x < 1 {
		return strconv.FormatFloat(x, 'f', 3, 64)
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// Interval returns the 95% rerun interval of host h's median in the row
// (stats.RerunInterval), in kB/s, the interval run's table states; 0, 0
// when it is unbounded (fewer than stats.MinSamplesForRerun samples) or h
// did not measure the cell.
func (r CompRow) Interval(h int) (lo, hi float64) { return interval(r.samples, r.hosts, h) }

// Interval is host h's 95% rerun interval of the median seconds, as
// CompRow's.
func (f FileRow) Interval(h int) (lo, hi float64) { return interval(f.samples, nil, h) }

// interval is host h's rerun interval from its samples, against its
// host factor when hosts has one.
func interval(samples [][]float64, hosts []stats.Host, h int) (lo, hi float64) {
	if h >= len(samples) || len(samples[h]) == 0 {
		return 0, 0
	}
	var host stats.Host
	if h < len(hosts) {
		host = hosts[h]
	}
	ci := host.RerunInterval(samples[h], 0)
	if math.IsInf(ci.Lo, 0) || math.IsInf(ci.Hi, 0) {
		return 0, 0
	}
	return ci.Lo, ci.Hi
}

// RatioOf compares host a's figures of row r with host b's: how many times
// faster a is, with the interval and significance, paired when the two
// are the sides of one same-host A/B run (as the comparison's ratios are).
func (c *Comparison) RatioOf(r CompRow, a, b int) (float64, RatioStat) {
	st := compareRuns(c.Results[a].PairedWith(c.Results[b]), r.samples[a], r.samples[b], r.hosts[a], r.hosts[b], driftOf(c.Results[a], c.Results[b]))
	if !st.Paired && r.KBps[b] > 0 {
		return r.KBps[a] / r.KBps[b], ratioStat(st) // the medians' ratio, as the table's
	}
	return st.Ratio, ratioStat(st)
}
