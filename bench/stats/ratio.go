package stats

import (
	"math"
	"slices"
	"sync"

	"github.com/aclements/go-moremath/stats"
	"golang.org/x/perf/benchmath"
)

// Alpha is the significance level of every comparison aesbench reports,
// benchstat's: a difference is significant when p < Alpha, and intervals
// are at the 1-Alpha = 95% level (Confidence).
const Alpha = 1 - Confidence

// Ratio is how many times one figure is another, with its uncertainty:
// the ratio of two cells' medians, the 95% interval of that ratio, and
// whether the two differ significantly.
type Ratio struct {
	Ratio float64 // median(a) / median(b); 0 when either is missing
	// Lo and Hi bound the ratio's 95% interval. With too few samples for
	// one the interval is unbounded: Lo 0, Hi +Inf.
	Lo, Hi float64
	// P is the p-value of the hypothesis that a and b do not differ;
	// 1 when no test is possible.
	P      float64
	N1, N2 int
	// Paired is true when a[i] and b[i] were measured side by side,
	// round by round, and the ratio is the median of their ratios.
	Paired bool
	// Rounds are those ratios, a[i]/b[i], in round order; nil unless
	// Paired.
	Rounds []float64
	// Rerun is true when the comparison also asked whether a rerun of
	// either side could move its median as far (CompareRuns); false
	// when it could not (fewer than MinSamplesForRerun samples a side)
	// or did not.
	Rerun bool
	// WithinRerun is true when the U test found a difference but a
	// rerun of either side could move its median that far: the
	// difference is then not significant.
	WithinRerun bool
	// WithinDrift is true when the difference is significant by itself
	// but no larger than the host's own drift between the runs
	// (BeyondDrift): it is then not significant.
	WithinDrift bool
}

// Testable reports whether a test was possible: each side has more
// than one figure (an imported openssl speed figure is one).
func (r Ratio) Testable() bool { return r.N1 > 1 && r.N2 > 1 }

// Significant reports whether a and b differ at level Alpha.
func (r Ratio) Significant() bool {
	return r.Testable() && r.P < Alpha && !r.WithinRerun && !r.WithinDrift
}

// Inverse is the same comparison the other way round, b over a: the
// ratio and interval inverted, the test unchanged (the U test and the
// sign test are symmetric), as CompareSamples(b, a) would give it.
func (r Ratio) Inverse() Ratio {
	inv := func(x float64) float64 {
		switch {
		case x == 0:
			return math.Inf(1)
		case math.IsInf(x, 1):
			return 0
		}
		return 1 / x
	}
	s := r
	s.N1, s.N2 = r.N2, r.N1
	if r.Ratio > 0 {
		s.Ratio = 1 / r.Ratio
	}
	s.Lo, s.Hi = inv(r.Hi), inv(r.Lo)
	if r.Rounds != nil {
		s.Rounds = make([]float64, len(r.Rounds))
		for i, x := range r.Rounds {
			s.Rounds[i] = inv(x)
		}
	}
	return s
}

// Bounded reports whether the interval is finite.
func (r Ratio) Bounded() bool { return r.Lo > 0 && !math.IsInf(r.Hi, 0) }

// CompareSamples compares two independent samples of one cell, a on one
// host and b on another: the ratio of their medians, significance by
// the Mann-Whitney U test exactly as benchstat (benchmath.AssumeNothing),
// and the distribution-free interval of the ratio that inverts the same
// test (Hodges-Lehmann, on the logarithms: the order statistics of all
// a[i]/b[j] at the test's critical values), so that the interval
// excludes 1 when, and only when, the difference is significant. It
// assumes nothing about the distributions but that each sample's
// figures are independent and alike.
func CompareSamples(a, b []float64) Ratio {
	r := Ratio{N1: len(a), N2: len(b), P: 1, Hi: math.Inf(1)}
	if len(a) == 0 || len(b) == 0 {
		return r
	}
	r.Ratio = Median(a) / Median(b)
	if !r.Testable() {
		return r
	}
	t := benchmath.DefaultThresholds
	cmp := benchmath.AssumeNothing.Compare(benchmath.NewSample(slices.Clone(a), &t), benchmath.NewSample(slices.Clone(b), &t))
	r.P = cmp.P
	k := uCritical(len(a), len(b))
	if k < 1 {
		return r // too few samples for a bounded interval
	}
	ratios := make([]float64, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			ratios = append(ratios, x/y)
		}
	}
	slices.Sort(ratios)
	r.Lo, r.Hi = ratios[k-1], ratios[len(ratios)-k]
	return r
}

// uCritical returns the largest k with P(U <= k-1) <= Alpha/2 under the
// hypothesis of no difference, for samples of n1 and n2 (no ties): the
// interval of the shift runs from the k-th smallest to the k-th largest
// pairwise difference. 0 when no such k exists (too few samples). It
// takes U's distribution as the U test (moremath's MannWhitneyUTest)
// does, so that the interval excludes no shift the test would not call
// significant: exact up to stats.MannWhitneyExactLimit samples a side,
// else the normal approximation with its continuity correction. The
// exact one costs a fraction of a second at 50 samples a side, so each
// (n1, n2) is worked out once.
func uCritical(n1, n2 int) int {
	uCriticalMu.Lock()
	defer uCriticalMu.Unlock()
	key := [2]int{n1, n2}
	if k, ok := uCriticals[key]; ok {
		return k
	}
	k := 0
	if n1 > stats.MannWhitneyExactLimit || n2 > stats.MannWhitneyExactLimit {
		// P(U <= u) = Φ((u + 0.5 - μ)/σ) <= Alpha/2 for u <= μ - zσ - 0.5.
		mean := float64(n1*n2) / 2
		sd := math.Sqrt(float64(n1*n2*(n1+n2+1)) / 12)
		k = max(0, int(math.Floor(mean-1.959963984540054*sd+0.5)))
	} else {
		d := stats.UDist{N1: n1, N2: n2}
		for d.CDF(float64(k)) <= Alpha/2 {
			k++
		}
	}
	uCriticals[key] = k
	return k
}

var (
	uCriticalMu sync.Mutex
	uCriticals  = map[[2]int]int{}
)

// compareRunsLevel is the level of each of CompareRuns's two rerun
// intervals: at 97.5% each, both hold at once at 95% (Bonferroni).
const compareRunsLevel = 1 - Alpha/2

// CompareRuns compares two separate runs of one cell, a on one host (or
// at one moment) and b on another: CompareSamples, and then the question
// the U test cannot ask. The U test takes each run's samples as draws
// from one distribution, but a shared host drifts between runs, so that
// two runs of one configuration minutes apart differ by more than their
// samples say (measured on a 2-vCPU cloud VM: the U test called 12-22%
// of the cells of back-to-back runs different, against its 5%). A rerun
// interval (RerunInterval) bounds how far a rerun's median falls from
// the samples of a run. So if b were a rerun of a up to a factor θ
// (b's figures θ times a's), θ·median(b) would be the median of a rerun
// of a, inside a's rerun interval; likewise median(a)/θ inside b's. Each
// gives an interval for the ratio θ; with both rerun intervals at the
// 97.5% level, θ lies in both at once with probability at least 95%
// (Bonferroni), so their intersection is a 95% interval. The ratio's
// interval spans it and the U test's, and the difference is significant
// only when that excludes 1: when the U test finds it and one median is
// beyond the other's rerun reach.
//
// With fewer than MinSamplesForRerun samples on a side, no rerun
// interval is bounded, and the comparison is CompareSamples alone
// (Rerun false), as benchstat's.
func CompareRuns(a, b []float64) Ratio { return CompareRunsOn(a, b, Host{}, Host{}) }

// CompareRunsOn is CompareRuns with each run's rerun interval drawn
// against its host (Host.RerunInterval): the cells a and b of two runs
// whose host factors, from all of each run's cells, are ha and hb.
func CompareRunsOn(a, b []float64, ha, hb Host) Ratio {
	r := CompareSamples(a, b)
	if !r.Testable() || len(a) < MinSamplesForRerun || len(b) < MinSamplesForRerun {
		return r
	}
	pa, pb := ha.rerunInterval(a, len(b), compareRunsLevel), hb.rerunInterval(b, len(a), compareRunsLevel)
	if math.IsInf(pa.Pct, 0) || math.IsInf(pb.Pct, 0) || pa.Median <= 0 || pb.Median <= 0 {
		return r
	}
	r.Rerun = true
	lo := math.Max(pa.Lo/pb.Median, pa.Median/pb.Hi)
	hi := math.Min(pa.Hi/pb.Median, pa.Median/pb.Lo)
	r.WithinRerun = r.P < Alpha && lo <= 1 && 1 <= hi
	if r.Bounded() {
		r.Lo, r.Hi = math.Min(r.Lo, lo), math.Max(r.Hi, hi)
	}
	return r
}

// MinPairedRounds is the fewest rounds in which ComparePaired's sign
// test can find a difference at all: over n rounds its smallest p-value,
// every round's ratio on one side of 1, is 2/2^n, which falls below Alpha
// at 6 rounds (0.031; 5 give 0.063).
const MinPairedRounds = 6

// ComparePaired compares two samples taken side by side, a[i] and b[i]
// in the same round (aesbench run --interleave): the median of the
// paired ratios a[i]/b[i], the sign test's p-value for a median ratio of
// 1, and the 95% interval that inverts that test, so that it excludes 1
// exactly when the difference is significant: the k-th smallest to the
// k-th largest ratio, k the largest with 2·P(B <= k-1) < Alpha for B
// Binomial(n, 1/2) (the distribution-free interval of a median; none
// below MinPairedRounds rounds). A round whose ratio is exactly 1 counts
// against a difference in the test, as it does in the interval (it is
// never beyond 1). Pairing cancels what the host did to both in a round,
// so a drift of the host between rounds does not widen the interval.
// Unequal lengths pair the first min(len) rounds.
func ComparePaired(a, b []float64) Ratio {
	n := min(len(a), len(b))
	r := Ratio{N1: n, N2: n, P: 1, Hi: math.Inf(1), Paired: true}
	if n == 0 {
		return r
	}
	ratios := make([]float64, n)
	above, below := 0, 0
	for i := range n {
		ratios[i] = a[i] / b[i]
		switch {
		case ratios[i] > 1:
			above++
		case ratios[i] < 1:
			below++
		}
	}
	r.Rounds = ratios
	sorted := slices.Clone(ratios)
	slices.Sort(sorted)
	r.Ratio = Median(sorted)
	if !r.Testable() {
		return r
	}
	// Under no difference, the rounds above 1 are Binomial(n, 1/2); the
	// test counts the fewer side, with the ties, as the interval's end
	// is beyond 1 only when so many rounds are.
	ties := n - above - below
	signs := stats.BinomialDist{N: n, P: 0.5}
	r.P = min(1, 2*signs.CDF(float64(min(above, below)+ties)))
	if k := signCritical(n); k >= 1 {
		r.Lo, r.Hi = sorted[k-1], sorted[n-k]
	}
	return r
}

// signCritical returns the largest k with 2·P(B <= k-1) < Alpha for B
// Binomial(n, 1/2): the rank of the ends of the sign test's interval.
// 0 when there is none (fewer than MinPairedRounds rounds).
func signCritical(n int) int {
	d := stats.BinomialDist{N: n, P: 0.5}
	k := 0
	for 2*d.CDF(float64(k)) < Alpha {
		k++
	}
	return k
}
