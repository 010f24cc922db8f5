package stats

import (
	"math"
	"sync"

	"github.com/aclements/go-moremath/stats"
)

// A rerun interval answers the question a user asks of a figure: run it
// again, where will the new median fall? A confidence interval of the
// median does not answer it. It bounds the true median, but a rerun's
// median has its own sampling error, and on a shared host the rerun
// also meets a host that has moved: its slowdowns come in episodes of
// seconds (a neighbour on the sibling hyperthread, a busy core) that
// hit several rounds in a row, and its clock drifts. Samples taken one
// after another are then neither independent nor alike, and an interval
// that takes them for independent draws, however exact for those, holds
// a rerun's median less often than it says.
//
// So the interval comes from batch means, the standard method for the
// mean of a correlated series (Schmeiser 1982; Law and Kelton,
// Simulation Modeling and Analysis, ch. 9): the samples, in the order
// they were taken, go into RerunBatches consecutive batches, and the
// batch figures, the mean of the logarithms of their samples, are taken
// as independent and normal. An episode or a drift within the run then
// moves whole batches, and the spread of the batch figures, s, carries
// it. A rerun of m samples differs from this run by the sampling error
// of both, so its figure falls within
//
//	median × exp(± t(K-1) · s · sqrt(1/K + b/m))
//
// (K batches of b = n/K samples, t(K-1) Student's quantile at the
// level) with the stated probability. Logarithms, because throughputs
// are compared as ratios and slowdowns are factors.
//
// The figure stays the median of the samples; the interval's width is
// that of a mean. On samples that are independent and normal a median
// moves 1.25 times as far as a mean, and the interval holds a rerun's
// median 92.5% of the time, not 95%; with the slow outliers a shared
// host gives, 99%; with a host whose speed wanders from sample to
// sample, 85.5%, where taking every sample as a batch of its own holds
// it 55% (seeded simulations of 16 samples, rerun_test.go). The
// measurements on a real host below are what the interval is for.
//
// Measured on a shared 2-vCPU cloud VM, over all ordered pairs of the
// runs of ten sets of 5 or 8 back-to-back runs of the default suite (24
// cells of 16 samples of 0.05 s each) within 55 minutes, the same saved
// samples under each version of the statistics (repro -from): 4 batches
// held a rerun's median 91.1% of the time pooled (69.8% to 97.1% a
// set), with a median half-width of ±1.8% to ±6.6% a set, and compare
// called 2.0% of back-to-back cells different. The exact
// distribution-free prediction interval for independent samples
// (Wilks's, from order statistics, aesbench's before) held it 92.6%
// (81.0% to 100%) at ±2.1% to ±9.8% (±6-10% in eight of the ten sets),
// 0.8% different; 8 batches 87.3% (55.2% to 97.5%) at ±1.4% to ±5.3%,
// 3.6% different, 13.5% in one set. RerunBatches is 4, the narrowest of
// these whose pooled coverage held 90%. Where every interval held a
// rerun's median least (order statistics 85.6%, 4 batches 69.8%), the
// host's speed shifted from run to run (medians moved a median 10.5%)
// while each run's samples moved less: no interval drawn from one run
// can see a change of the host slower than the run. A bootstrap of the
// median that takes the samples as independent held it only 90.6% and
// 82.4% of the first two sets (±2.2%, ±1.5%); a moving-block bootstrap
// of 3 rounds 88.3% and 79.9%.

// RerunBatches is how many consecutive batches a cell's samples go into
// for its rerun interval.
const RerunBatches = 4

// MinSamplesForRerun is the fewest samples for which a cell has a
// bounded rerun interval: one for each batch.
const MinSamplesForRerun = RerunBatches

// TooFewForRerun reports whether n samples are a run too short for a
// rerun interval (and so for CompareRuns's rerun check, which batch
// means bound at 97.5% from as few samples as at 95%): more than one,
// fewer than MinSamplesForRerun. One figure is an import: there is no
// run to rerun.
func TooFewForRerun(n int) bool { return n > 1 && n < MinSamplesForRerun }

// RerunInterval returns the 95% interval in which the median of a rerun
// of m samples falls, from this run's samples xs in the order they were
// taken, and the median of xs (batch means; see above). It is unbounded
// (Lo -Inf, Hi +Inf, Pct +Inf) with fewer than MinSamplesForRerun
// samples or when a sample is not a positive number. m <= 0 means a
// rerun of len(xs) samples.
func RerunInterval(xs []float64, m int) CI { return rerunInterval(xs, m, Confidence) }

// rerunInterval is RerunInterval at the given level.
func rerunInterval(xs []float64, m int, level float64) CI {
	n := len(xs)
	if m <= 0 {
		m = n
	}
	ci := CI{Median: Median(xs), Lo: math.Inf(-1), Hi: math.Inf(1), Pct: math.Inf(1)}
	if n < MinSamplesForRerun {
		return ci
	}
	s, ok := batchSpread(xs, nil)
	if !ok {
		return ci
	}
	return widen(ci, batchT(level)*s*math.Sqrt(batchShare(n, m)))
}

// batchSpread is the spread (standard deviation) of the means of the
// logarithms of xs, less shift (per sample; nil for none), over
// RerunBatches consecutive batches of xs, in the order taken; false when
// a sample is not a positive number. xs holds MinSamplesForRerun samples
// or more.
func batchSpread(xs, shift []float64) (float64, bool) {
	const k = RerunBatches
	n := len(xs)
	var sum [k]float64
	var count [k]int
	for i, x := range xs {
		if !(x > 0) || math.IsInf(x, 1) {
			return 0, false
		}
		j := i * k / n // consecutive batches of n/k samples, give or take one
		sum[j] += math.Log(x)
		if shift != nil {
			sum[j] -= shift[i]
		}
		count[j]++
	}
	var mean [k]float64
	for j := range mean {
		mean[j] = sum[j] / float64(count[j])
	}
	return stats.StdDev(mean[:]), true
}

// batchShare is what the batch figures' variance counts for in the
// difference between a run of n samples and a rerun of m: the run's
// mean of RerunBatches batches, and the rerun's of m samples, each worth
// a batch of n/RerunBatches.
func batchShare(n, m int) float64 {
	return 1/float64(RerunBatches) + float64(n)/RerunBatches/float64(m)
}

// widen sets ci's ends half (in logarithms) either side of its median.
func widen(ci CI, half float64) CI {
	ci.Lo, ci.Hi = ci.Median*math.Exp(-half), ci.Median*math.Exp(half)
	ci.Pct = 100 * math.Expm1(half) // the high side: exp(half)-1 > 1-exp(-half)
	return ci
}

// batchT is Student's quantile for the batch means' interval at level:
// t(RerunBatches-1) at 1-(1-level)/2 (twoSidedT).
func batchT(level float64) float64 { return twoSidedT(RerunBatches-1, level) }

// twoSidedT is Student's quantile with df degrees of freedom at
// 1-(1-level)/2, the half-width of a two-sided interval at level, worked
// out once for each: the inverse of t's CDF is a numerical search, and
// compare takes a rerun interval of every cell of every host.
func twoSidedT(df int, level float64) float64 {
	twoSidedTMu.Lock()
	defer twoSidedTMu.Unlock()
	k := tKey{df, level}
	t, ok := twoSidedTs[k]
	if !ok {
		t = tQuantile(df, 1-(1-level)/2)
		twoSidedTs[k] = t
	}
	return t
}

type tKey struct {
	df    int
	level float64
}

var (
	twoSidedTMu sync.Mutex
	twoSidedTs  = map[tKey]float64{}
)

// tQuantile is the p quantile of Student's t distribution with v degrees
// of freedom.
func tQuantile(v int, p float64) float64 {
	return stats.InvCDF(stats.TDist{V: float64(v)})(p)
}
