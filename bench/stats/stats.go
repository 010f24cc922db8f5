package stats

import (
	"fmt"
	"math"
	"slices"

	"golang.org/x/perf/benchmath"
)

// Confidence is the level of the confidence intervals aesbench reports,
// as benchstat does.
const Confidence = 0.95

// MinSamplesForCI is the fewest samples for which benchmath gives a finite
// 95% confidence interval of the median, assuming nothing about the
// distribution. With 5 or fewer the interval is unbounded on at least one
// side; with 6 or 7 it is the whole range of the samples, minimum to
// maximum; from 8 its high end, and from 9 both ends, lie strictly inside
// the range.
const MinSamplesForCI = 6

// DefaultNoisyPct is the default width, as ± percent of the median, above
// which a cell's interval is called noisy.
const DefaultNoisyPct = 3.0

// Noisy is aesbench's one rule for a noisy figure, in run, compare and
// report alike: its interval, the 95% rerun interval (RerunInterval), is
// unbounded (too few samples) or wider than ±pct percent of the median.
// The interval, not the samples' spread, says how far the median may
// move on a rerun, which is what a table or a ratio rests on. pct <= 0:
// never.
func Noisy(ci CI, pct float64) bool {
	return pct > 0 && (math.IsInf(ci.Pct, 0) || ci.Pct > pct)
}

// Median returns the median of xs (the mean of the middle two for an even
// count); 0 for none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// CI is a median with its confidence interval.
type CI struct {
	Median, Lo, Hi float64
	// Pct is the half width of the interval as a percentage of the
	// median: the larger of (Hi-Median) and (Median-Lo), over Median,
	// as benchstat's ±x%. +Inf when it cannot be computed.
	Pct float64
}

// MedianCI computes the median of xs with its 95% confidence interval,
// assuming nothing about their distribution, exactly as benchstat does
// (benchmath.AssumeNothing). With fewer than MinSamplesForCI samples the
// interval is unbounded (Lo -Inf or Hi +Inf) and Pct is +Inf.
func MedianCI(xs []float64) CI {
	if len(xs) == 0 {
		return CI{Pct: math.Inf(1)}
	}
	s := benchmath.NewSample(slices.Clone(xs), &benchmath.DefaultThresholds)
	sum := benchmath.AssumeNothing.Summary(s, Confidence)
	ci := CI{Median: sum.Center, Lo: sum.Lo, Hi: sum.Hi, Pct: math.Inf(1)}
	if len(xs) > 1 && sum.Center > 0 && !math.IsInf(sum.Lo, 0) && !math.IsInf(sum.Hi, 0) {
		ci.Pct = 100 * math.Max(sum.Hi/sum.Center-1, 1-sum.Lo/sum.Center)
	}
	return ci
}

// WideAt is the half-width, in percent, from which Width gives an
// interval's two sides apart: intervals are even in logarithms, so a
// median ×/÷ 2.5 reaches +150% and only -60%, and "±150%" would reach
// below nothing. Under it the sides differ by less than a fifth, and
// "±x%" gives the wider.
const WideAt = 20

// Width says how far ci reaches either side of its median, as a table
// shows it: "±4.6%", the wider side; from WideAt on, both sides,
// "+152%/-60%"; "±∞" when unbounded.
func (ci CI) Width() string {
	switch {
	case math.IsInf(ci.Pct, 0) || math.IsNaN(ci.Pct) || ci.Pct < 0:
		return "±∞"
	case ci.Pct < WideAt || ci.Median <= 0:
		return fmt.Sprintf("±%.1f%%", ci.Pct)
	}
	return fmt.Sprintf("+%.0f%%/-%.0f%%", 100*(ci.Hi/ci.Median-1), 100*(1-ci.Lo/ci.Median))
}
