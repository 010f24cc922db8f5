package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTQuantile checks Student's quantiles against the printed table.
func TestTQuantile(t *testing.T) {
	for _, tt := range []struct {
		v    int
		p    float64
		want float64
	}{
		{1, 0.975, 12.706},
		{7, 0.975, 2.365},
		{7, 0.995, 3.499},
		{3, 0.975, 3.182},
		{3, 0.995, 5.841},
		{15, 0.975, 2.131},
		{30, 0.95, 1.697},
	} {
		if got := tQuantile(tt.v, tt.p); math.Abs(got-tt.want) > 0.0005 {
			t.Errorf("tQuantile(%d, %v) = %.4f, want %.3f", tt.v, tt.p, got, tt.want)
		}
	}
	// The cached quantiles are the ones the levels ask for.
	for _, level := range []float64{Confidence, compareRunsLevel, 0.9} {
		if got, want := batchT(level), tQuantile(RerunBatches-1, 1-(1-level)/2); got != want {
			t.Errorf("batchT(%v) = %v, want %v", level, got, want)
		}
	}
}

func TestRerunIntervalKnownAnswers(t *testing.T) {
	// 8 samples of 100, then 8 of 102: batch log-means twice ln 100 and
	// twice ln 102, sd 0.0114330; median 101; t(3) 3.18245; the
	// half-width in logs 3.18245 * 0.0114330 * sqrt(1/4 + 4/16) for a
	// rerun of 16, and * sqrt(1/4 + 4/64) for one of 64.
	drift := slices.Concat(slices.Repeat([]float64{100}, 8), slices.Repeat([]float64{102}, 8))
	// The same samples alternating within each batch: every batch's
	// figure is the same, so nothing moved between batches.
	alternating := slices.Repeat([]float64{100, 102}, 8)
	tests := []struct {
		name   string
		xs     []float64
		m      int
		lo, hi float64
	}{
		{"a step within the run", drift, 0, 101 * math.Exp(-0.025728133077234), 101 * math.Exp(0.025728133077234)},
		{"a longer rerun is narrower", drift, 64, 101 * math.Exp(-0.020339875116994), 101 * math.Exp(0.020339875116994)},
		{"noise within batches only", alternating, 0, 101, 101},
		{"3 samples: unbounded", drift[:3], 0, math.Inf(-1), math.Inf(1)},
		{"a zero sample: unbounded", append([]float64{0}, drift[1:]...), 0, math.Inf(-1), math.Inf(1)},
		{"a NaN sample: unbounded", append([]float64{math.NaN()}, drift[1:]...), 0, math.Inf(-1), math.Inf(1)},
		{"an infinite sample: unbounded", append([]float64{math.Inf(1)}, drift[1:]...), 0, math.Inf(-1), math.Inf(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ci := RerunInterval(tt.xs, tt.m)
			if !near(ci.Lo, tt.lo) || !near(ci.Hi, tt.hi) {
				t.Errorf("RerunInterval = [%v, %v], want [%v, %v]", ci.Lo, ci.Hi, tt.lo, tt.hi)
			}
			if want := 100 * (tt.hi/Median(tt.xs) - 1); math.IsInf(tt.hi, 0) != math.IsInf(ci.Pct, 0) || !math.IsInf(tt.hi, 0) && !near(ci.Pct, want) {
				t.Errorf("Pct = %v for interval [%v, %v], want %v", ci.Pct, ci.Lo, ci.Hi, want)
			}
		})
	}
	if ci := RerunInterval(slices.Repeat([]float64{100}, MinSamplesForRerun), 0); ci.Lo != 100 || ci.Hi != 100 {
		t.Errorf("MinSamplesForRerun = %d alike samples: [%v, %v], want [100, 100]", MinSamplesForRerun, ci.Lo, ci.Hi)
	}
}

// near reports whether a and b agree to 6 digits (or are the same
// infinity).
func near(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= 1e-6*math.Abs(b)
}

// TestRerunIntervalHoldsARerun runs seeded simulations of two runs of
// 16 samples, as many as run's default, and asks how often the first
// run's rerun interval holds the second's median:
//
//   - independent normal samples: 92.5% (a median moves 1.25 times as
//     far as a mean);
//   - independent samples with slow outliers, one in five slowed by up
//     to a half: 99.1%;
//   - runs that meet an episode, the host slowed by a fifth for a few
//     consecutive samples (half of all runs, anywhere in the run):
//     93.0%, where a t interval that takes the samples for independent
//     draws (every sample a batch) holds it 89.4%;
//   - a host whose speed wanders from sample to sample (AR(1), 0.7):
//     85.5%, every sample a batch 54.7%. Batches see a correlation that
//     single samples hide; 16 samples are too few to see all of it.
//
// The confidence interval of the median bounds the true median, not a
// rerun's, and holds the rerun's median well under 95% of the time.
func TestRerunIntervalHoldsARerun(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const n, trials = 16, 4000 // 4000 trials: a binomial sd of 0.35% at 95%
	for _, tt := range []struct {
		name    string
		draw    func() []float64
		atLeast float64
	}{
		{"normal", func() []float64 { return normal(rng, n) }, 0.91},
		{"slow outliers", func() []float64 { return skewed(rng, n) }, 0.95},
		{"episodes", func() []float64 { return episodes(rng, n) }, 0.91},
		{"drift", func() []float64 { return drifting(rng, n) }, 0.80},
	} {
		t.Run(tt.name, func(t *testing.T) {
			batch, single, conf := 0, 0, 0
			for range trials {
				a, b := tt.draw(), tt.draw()
				m := Median(b)
				if pi := RerunInterval(a, n); pi.Lo <= m && m <= pi.Hi {
					batch++
				}
				if pi := tInterval(a); pi.Lo <= m && m <= pi.Hi {
					single++
				}
				if ci := MedianCI(a); ci.Lo <= m && m <= ci.Hi {
					conf++
				}
			}
			pb, ps, pc := float64(batch)/trials, float64(single)/trials, float64(conf)/trials
			t.Logf("rerun interval %.1f%%, every sample a batch %.1f%%, confidence interval %.1f%%", 100*pb, 100*ps, 100*pc)
			if pb < tt.atLeast {
				t.Errorf("the rerun interval held the rerun's median %.1f%% of the time, want at least %.0f%%", 100*pb, 100*tt.atLeast)
			}
			if pc > 0.93 {
				t.Errorf("the confidence interval held the rerun's median %.1f%%; expected well under 95%% (is it a rerun interval now?)", 100*pc)
			}
			if tt.name != "normal" && tt.name != "slow outliers" && ps > pb-0.02 {
				t.Errorf("batch means held the rerun's median %.1f%%, samples taken as independent %.1f%%: batches should see the episodes", 100*pb, 100*ps)
			}
		})
	}
}

// tInterval is the rerun interval that takes every sample as its own
// batch (independent samples), for a run and a rerun of len(xs).
func tInterval(xs []float64) CI {
	n := len(xs)
	ls := make([]float64, n)
	mean := 0.0
	for i, x := range xs {
		ls[i] = math.Log(x)
		mean += ls[i] / float64(n)
	}
	ss := 0.0
	for _, l := range ls {
		ss += (l - mean) * (l - mean)
	}
	h := tQuantile(n-1, 1-Alpha/2) * math.Sqrt(ss/float64(n-1)) * math.Sqrt(2/float64(n))
	med := Median(xs)
	return CI{Median: med, Lo: med * math.Exp(-h), Hi: med * math.Exp(h)}
}

// normal draws n throughputs with 1% normal noise.
func normal(rng *rand.Rand, n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = 100 * (1 + 0.01*rng.NormFloat64())
	}
	return xs
}

// skewed draws n throughputs as a shared host gives them: near a ceiling,
// with one in five slowed by up to a half.
func skewed(rng *rand.Rand, n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = 100 * (1 + 0.01*rng.NormFloat64())
		if rng.Float64() < 0.2 {
			xs[i] *= 1 - 0.5*rng.Float64()
		}
	}
	return slices.Clip(xs)
}

// episodes draws n throughputs with 1% noise, and in half the runs an
// episode: 3 to 6 consecutive samples, anywhere, slowed by a fifth.
func episodes(rng *rand.Rand, n int) []float64 {
	xs := normal(rng, n)
	if rng.IntN(2) == 0 {
		return xs
	}
	length := 3 + rng.IntN(4)
	start := rng.IntN(n - length + 1)
	for i := start; i < start+length; i++ {
		xs[i] *= 0.8
	}
	return xs
}

// seq returns from, from+1, ..., n figures.
func seq(from float64, n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = from + float64(i)
	}
	return xs
}

// drifting draws n throughputs whose logarithm is an AR(1) series of
// 1% innovations and autocorrelation 0.7 from one sample to the next,
// started in its stationary law: a host whose speed wanders.
func drifting(rng *rand.Rand, n int) []float64 {
	const phi = 0.7
	xs := make([]float64, n)
	l := 0.01 * rng.NormFloat64() / math.Sqrt(1-phi*phi)
	for i := range xs {
		xs[i] = 100 * math.Exp(l)
		l = phi*l + 0.01*rng.NormFloat64()
	}
	return xs
}

// TestTooFewForRerun: one figure is an import, not a short run; from
// MinSamplesForRerun on the interval is bounded.
func TestTooFewForRerun(t *testing.T) {
	for n, want := range map[int]bool{0: false, 1: false, 2: true, MinSamplesForRerun - 1: true, MinSamplesForRerun: false, 16: false} {
		if got := TooFewForRerun(n); got != want {
			t.Errorf("TooFewForRerun(%d) = %v, want %v", n, got, want)
		}
		if bounded := !math.IsInf(RerunInterval(seq(100, n), 0).Pct, 0); n > 1 && bounded == want {
			t.Errorf("%d samples: bounded %v, but TooFewForRerun %v", n, bounded, want)
		}
	}
}
