package stats

import (
	"math"

	"github.com/aclements/go-moremath/stats"
)

// A run's rerun intervals are drawn from one run, but a rerun meets the
// host later: a host whose speed wanders moves every cell of the rerun
// alike, by more than any cell's samples show. Batch means see the
// wandering within a run, not beyond it, and where the host's speed
// moved a median 3-5% from run to run they held a rerun's median 70-84%
// of the time.
//
// A run holds more than each cell's samples, though: its cells are
// sampled in rounds, every cell once a round (sample t of each cell in
// round t), so the round's speed of the host is common to all of them:
// the other cells of a round are each cell's host reference. HostOf
// reads it off, the host factor of round t, the median over the cells
// of how far each one's sample t lies from its own median over the
// rounds they all share (in logarithms), and models it as the sum of a
// random walk, the host's drift, and noise that does not persist. Its
// variogram, half the mean squared change over k rounds, grows as
// noise + k·q/2 for a random walk of step variance q: the least-squares
// line over lags of 1 to 8 rounds gives q (its slope) and the noise (its
// intercept). A rerun right after
// the run then differs from it by the walk's moves over both runs, whose
// variance follows from q (driftVar), and by each cell's own noise, the
// batch means of its samples with the host factor taken out. The
// interval is
//
//	median × exp(±sqrt(t(K-1)² · s² · (1/K + b/m) + t(L-2)² · drift))
//
// where s is the spread of the K batch figures of the cell's samples
// over the host factor, b = n/K, m the rerun's samples, and t(L-2)
// Student's quantile for the line fitted to L lags.
//
// Measured on the saved samples of 26 sets of 5 to 8 back-to-back runs
// of the default suite on a shared 2-vCPU VM (all ordered pairs of runs
// of a set, 13344 in all, repro -from), batch means alone held a rerun's
// median 90.1% of the time pooled, 90% or more in 14 of the 26 sets
// (69.8% to 98.5%), at ±0.9% to ±10.2% a set (±4.5% the median set),
// and compare called 46 of 2568 back-to-back cells different; with the
// host factor and its drift, 95.2% pooled, 90% or more in 22 of the 26
// (84.4% to 99.8%), at ±1.3% to ±16.8% (±6.1% the median set), and 17
// of 2568 cells different (at compare's two rerun intervals of 98.75%
// each, as they then were by mistake; at the 97.5% CompareRuns states,
// 26 of 2568). At the quietest moment (medians within 0.4% from run to
// run) it held 95.6% at ±1.3%, where batch means alone held 89.4% at
// ±0.9%; at a moderately quiet one (1.6%, the host climbing 1.2% over
// five runs), 96.2% at ±4.4% against 91.7% at ±2.9%; where the host's
// speed jumped 5% between two runs, 85.8% at ±12.8% (batch means alone,
// 77.7% at ±10.2%). The normal quantile in place of t(6) held 94.5%
// pooled over the first 22 sets, 90% or more in 17 of them. Weighting
// the variogram's lags by their numbers of pairs (least squares
// weighted) moved no set of the 31 below by more than 2.1 points of
// coverage or 1.0% of width, either way, so the plain line stays.
//
// Five more sets at busy hours of another day (medians moving 3.3% to
// 15.7% from run to run) held 86.3% (76.9% to 97.3%), which makes 93.9%
// over all 31 (15744 pairs), 90% or more in 24 of them, and compare
// called 61 of 3048 back-to-back cells different (42 at 98.75%); in the
// busiest of them, where the host's speed moved -4.8% and then +3.8%
// between runs, 18 of 96, past the 10% aim. The interval speaks of the
// next run, and by how many runs apart the pairs were, it held the next
// run's median 95.2% of the time over the 31 sets (90% or more in 26 of
// them, 77.1% the least), a median 2, 3 and 4 runs later 93.6%, 91.7%
// and 92.8%: the further the rerun, the longer the host has had to move,
// as a walk would.
//
// More and shorter rounds (32 of 25 ms in the same time) did not help:
// four sets of each taken in turn at that busy hour, and on the same
// samples of the 32-round sets merged pairwise into 16 of 50 ms, 32
// rounds with lags up to 16 held 86.8% pooled and 16 held 86.3%, at like
// widths (±5.5% against ±5.7% in the quietest set); with the lags kept
// at 8, 32 rounds held 88.9% at ±7.9% to ±28.2%: the walk's slope,
// fitted over 8 lags of 0.6 s, is then carried over 32 rounds.
// Fewer than MinHostCells cells, or MinHostRounds rounds, give no host
// factor worth the name: the cells' rerun intervals are then their batch
// means alone (RerunInterval).

// MinHostCells is the fewest cells whose rounds give a host factor: the
// median over fewer is one cell's noise.
const MinHostCells = 4

// MinHostRounds is the fewest rounds whose host factor gives a drift:
// its variogram needs lags of 1 to 4 rounds, each over 4 pairs or more.
const MinHostRounds = 8

// hostLags is the longest lag, in rounds, of the host factor's
// variogram: half the default 16 rounds.
const hostLags = 8

// Host is the host's speed round by round as a run's cells saw it, and
// its drift, for the cells' rerun intervals. The zero Host knows
// nothing: its intervals are the cells' batch means alone.
type Host struct {
	factor []float64 // per round, the host's log speed over the run's
	q      float64   // the drift: a random walk's step variance per round
	noise  float64   // the variance of what does not persist from a round to the next
	df     int       // the degrees of freedom of the variogram's fit: its lags less 2
}

// HostOf reads the host factor and its drift from a run's cells, each
// one's samples in the order taken, sample t of every cell in round t.
// It knows nothing (the zero Host) with fewer than MinHostCells cells of
// MinHostRounds samples or more, or a sample that is not a positive
// number. Rounds in which fewer than MinHostCells cells were sampled
// (--precision stops cells early) end the host factor.
func HostOf(cells [][]float64) Host {
	var logs [][]float64
	common := math.MaxInt // the rounds every cell was sampled in
	for _, xs := range cells {
		if len(xs) < MinHostRounds {
			continue
		}
		l := make([]float64, len(xs))
		for i, x := range xs {
			if !(x > 0) || math.IsInf(x, 1) {
				return Host{}
			}
			l[i] = math.Log(x)
		}
		logs = append(logs, l)
		common = min(common, len(l))
	}
	// Each cell is centred on its median over the rounds all share, so
	// that where the cells sampled longer (--precision) go on alone, the
	// factor does not jump for the cells that stopped.
	for _, l := range logs {
		med := Median(l[:common])
		for i := range l {
			l[i] -= med
		}
	}
	if len(logs) < MinHostCells {
		return Host{}
	}
	var factor []float64
	for t := 0; ; t++ {
		var at []float64
		for _, l := range logs {
			if t < len(l) {
				at = append(at, l[t])
			}
		}
		if len(at) < MinHostCells {
			break
		}
		factor = append(factor, Median(at))
	}
	h := Host{factor: factor, df: min(hostLags, len(factor)/2) - 2}
	h.q, h.noise = variogram(factor)
	return h
}

// variogram fits half the mean squared change of f over k rounds, k = 1
// to hostLags (at most half of f's rounds), as noise + k·q/2, by least
// squares, and returns q and noise, neither below 0: a fall with k (the
// host returning to its speed) is no drift, and the mean of the
// variogram is then all noise.
func variogram(f []float64) (q, noise float64) {
	lags := min(hostLags, len(f)/2)
	ks, gs := make([]float64, lags), make([]float64, lags)
	for k := 1; k <= lags; k++ {
		sum := 0.0
		for t := 0; t+k < len(f); t++ {
			d := f[t+k] - f[t]
			sum += d * d
		}
		ks[k-1], gs[k-1] = float64(k), sum/float64(len(f)-k)/2
	}
	kMean, gMean := stats.Mean(ks), stats.Mean(gs)
	var sxy, sxx float64
	for i := range ks {
		sxy += (ks[i] - kMean) * (gs[i] - gMean)
		sxx += (ks[i] - kMean) * (ks[i] - kMean)
	}
	slope := sxy / sxx
	if slope <= 0 {
		return 0, gMean
	}
	return 2 * slope, max(0, gMean-slope*kMean)
}

// Known reports whether h has a host factor: whether the run had enough
// cells and rounds for one.
func (h Host) Known() bool { return h.factor != nil }

// driftVar is the variance the host adds to the difference between the
// mean log speed of a run of n rounds and that of a rerun of m rounds
// right after it: the random walk's steps weighted by how much more of
// the rerun than of the run comes after each, and the noise of both.
func (h Host) driftVar(n, m int) float64 {
	// The step into round s of the run (s = 2..n) lifts (n-s+1)/n of it
	// and all of the rerun; the step into round j of the rerun (j =
	// 1..m) lifts (m-j+1)/m of the rerun and none of the run.
	w := 0.0
	for j := 1; j < n; j++ {
		c := float64(j) / float64(n)
		w += c * c
	}
	for j := 1; j <= m; j++ {
		c := float64(j) / float64(m)
		w += c * c
	}
	return h.q*w + h.noise*(1/float64(n)+1/float64(m))
}

// DriftPct is how wide, as ± percent, the host's drift alone makes the
// 95% rerun interval of a cell of n samples, whatever the cell's own
// noise: the least any cell of the run can be stated to. It grows with
// n, as a walk wanders further over a longer run; more samples narrow a
// cell's noise, never this. 0 without a host factor.
func (h Host) DriftPct(n int) float64 {
	if !h.Known() || n < 1 {
		return 0
	}
	t := twoSidedT(h.df, Confidence)
	return 100 * math.Expm1(t*math.Sqrt(h.driftVar(n, n)))
}

// RerunInterval returns the 95% interval in which the median of a rerun
// of m samples of one of the run's cells falls, from its samples xs in
// the order taken: batch means of xs over the host factor, and the
// host's drift (see above). Without a host factor it is RerunInterval's,
// the batch means of xs alone. m <= 0 means a rerun of len(xs) samples.
func (h Host) RerunInterval(xs []float64, m int) CI { return h.rerunInterval(xs, m, Confidence) }

// rerunInterval is RerunInterval at the given level. A cell sampled in
// more rounds than the host factor has (--precision samples on the noisy
// cells after most have stopped) keeps the drift, which grows with its
// rounds, and its batches are of its samples as they are, with the
// host's moves in them: more samples must never narrow the interval by
// dropping the drift (once they halved it, and --precision stopped the
// cell as precise).
func (h Host) rerunInterval(xs []float64, m int, level float64) CI {
	n := len(xs)
	if !h.Known() || n < MinSamplesForRerun {
		return rerunInterval(xs, m, level)
	}
	if m <= 0 {
		m = n
	}
	ci := CI{Median: Median(xs), Lo: math.Inf(-1), Hi: math.Inf(1), Pct: math.Inf(1)}
	var shift []float64 // none beyond the host factor's rounds
	if n <= len(h.factor) {
		shift = h.factor[:n]
	}
	s, ok := batchSpread(xs, shift)
	if !ok {
		return ci
	}
	tb, td := batchT(level), twoSidedT(h.df, level)
	return widen(ci, math.Sqrt(tb*tb*s*s*batchShare(n, m)+td*td*h.driftVar(n, m)))
}
