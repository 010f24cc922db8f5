package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestCompareSamplesKnownAnswers(t *testing.T) {
	a := []float64{100, 101, 102, 103, 104, 105}
	tests := []struct {
		name        string
		a, b        []float64
		ratio       float64
		significant bool
		bounded     bool
	}{
		{"twice as fast, no overlap", a, []float64{50, 50.5, 51, 51.5, 52, 52.5}, 2, true, true},
		{"identical samples", a, a, 1, false, true},
		{"interleaved: no difference", a, []float64{100.5, 101.5, 102.5, 103.5, 104.5, 99.5}, 1, false, true},
		{"three samples cannot show a difference", a[:3], []float64{50, 51, 52}, 2, false, false},
		{"one imported figure: no test", []float64{100}, []float64{50}, 2, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := CompareSamples(tt.a, tt.b)
			if math.Abs(r.Ratio-tt.ratio) > 0.02 || r.Significant() != tt.significant || r.Bounded() != tt.bounded {
				t.Errorf("ratio %.3f [%.3f, %.3f] p=%.3f significant %v bounded %v; want %.2f, %v, %v",
					r.Ratio, r.Lo, r.Hi, r.P, r.Significant(), r.Bounded(), tt.ratio, tt.significant, tt.bounded)
			}
			if r.Bounded() && (r.Ratio < r.Lo || r.Ratio > r.Hi) {
				t.Errorf("ratio %.3f outside its interval [%.3f, %.3f]", r.Ratio, r.Lo, r.Hi)
			}
		})
	}
	if r := CompareSamples([]float64{100}, []float64{50}); r.Testable() || r.P != 1 {
		t.Errorf("one figure a side: testable %v, p %v; want no test (p 1)", r.Testable(), r.P)
	}
	// Exact: the U test's p for two non-overlapping samples of 6 is
	// 2/C(12,6) = 2/924, and the interval of the shift runs from the
	// 6th smallest to the 6th largest of the 36 pairwise ratios.
	r := CompareSamples(a, []float64{50, 50.5, 51, 51.5, 52, 52.5})
	if math.Abs(r.P-2.0/924) > 1e-9 {
		t.Errorf("p = %v, want 2/924", r.P)
	}
	if k := uCritical(6, 6); k != 6 {
		t.Errorf("uCritical(6, 6) = %d, want 6 (P(U<=5) = 0.021 <= 0.025 < P(U<=6))", k)
	}
}

// TestCompareSamplesIntervalAgreesWithTest checks, on random samples,
// that the interval excludes 1 exactly when the U test is significant
// (the interval inverts the test); ties are absent from continuous draws.
func TestCompareSamplesIntervalAgreesWithTest(t *testing.T) {
	// Sizes on both sides of the U test's switch to its normal
	// approximation (over 50 samples a side): at 5 against 100 the
	// interval once took the exact distribution where the test took the
	// normal one, and disagreed in 2.5% of comparisons.
	for _, n := range [][2]int{{8, 8}, {5, 100}, {60, 60}, {51, 20}} {
		rng := rand.New(rand.NewPCG(1, 2))
		disagree := 0
		for range 300 {
			shift := 1 + 0.02*rng.NormFloat64()
			a, b := sample(rng, n[0], shift, 0.03), sample(rng, n[1], 1, 0.03)
			r := CompareSamples(a, b)
			if excl := r.Lo > 1 || r.Hi < 1; excl != r.Significant() {
				disagree++
			}
		}
		if disagree > 0 {
			t.Errorf("%d against %d samples: interval and test disagree in %d of 300 comparisons", n[0], n[1], disagree)
		}
	}
}

// TestRatioCoverage simulates many comparisons with a known true ratio
// and counts how often the 95% interval holds it: it must be close to
// 95% (seeded, so the count is the same every run).
func TestRatioCoverage(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const trials = 2000
	for _, tt := range []struct {
		name   string
		paired bool
	}{{"independent", false}, {"paired", true}} {
		held, falsePos := 0, 0
		for range trials {
			var r Ratio
			if tt.paired {
				// A round's drift hits both sides alike.
				a, b := make([]float64, 10), make([]float64, 10)
				for i := range a {
					drift := math.Exp(0.05 * rng.NormFloat64())
					a[i] = 3 * drift * math.Exp(0.01*rng.NormFloat64())
					b[i] = drift * math.Exp(0.01*rng.NormFloat64())
				}
				r = ComparePaired(a, b)
			} else {
				r = CompareSamples(sample(rng, 10, 3, 0.02), sample(rng, 10, 1, 0.02))
			}
			if r.Lo <= 3 && 3 <= r.Hi {
				held++
			}
			// An A/A of the same distribution: significant at most about 5% of the time.
			var aa Ratio
			if tt.paired {
				aa = ComparePaired(sample(rng, 10, 1, 0.02), sample(rng, 10, 1, 0.02))
			} else {
				aa = CompareSamples(sample(rng, 10, 1, 0.02), sample(rng, 10, 1, 0.02))
			}
			if aa.Significant() {
				falsePos++
			}
		}
		cover := float64(held) / trials
		fp := float64(falsePos) / trials
		t.Logf("%s: interval held the true ratio %.1f%% of the time; A/A significant %.1f%%", tt.name, 100*cover, 100*fp)
		if cover < 0.93 || cover > 0.995 {
			t.Errorf("%s: coverage %.3f, want about 0.95 (at least 0.93)", tt.name, cover)
		}
		if fp > 0.065 {
			t.Errorf("%s: A/A false positives %.3f, want at most about 0.05", tt.name, fp)
		}
	}
}

func TestComparePairedCancelsDrift(t *testing.T) {
	// The host drifts by ±20% from round to round, the same for both
	// sides; the paired ratio stays at 2 and is significant, while the
	// unpaired comparison of the same figures is far wider.
	a, b := make([]float64, 8), make([]float64, 8)
	for i := range a {
		drift := 1 + 0.2*math.Sin(float64(i))
		a[i], b[i] = 2*drift*(1+0.001*float64(i%3)), drift
	}
	p, u := ComparePaired(a, b), CompareSamples(a, b)
	if math.Abs(p.Ratio-2) > 0.01 || !p.Significant() || p.Hi-p.Lo > 0.01 {
		t.Errorf("paired: %.3f [%.3f, %.3f] p=%.3f", p.Ratio, p.Lo, p.Hi, p.P)
	}
	if u.Hi-u.Lo < 10*(p.Hi-p.Lo) {
		t.Errorf("unpaired interval [%.3f, %.3f] not much wider than paired [%.3f, %.3f]", u.Lo, u.Hi, p.Lo, p.Hi)
	}
	if q := ComparePaired(b, b); q.Significant() || q.Ratio != 1 {
		t.Errorf("paired A/A: %+v", q)
	}
}

// sample draws n log-normal figures around center with relative spread sd.
func sample(rng *rand.Rand, n int, center, sd float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = center * math.Exp(sd*rng.NormFloat64())
	}
	return out
}

func TestCompareRunsKnownAnswers(t *testing.T) {
	base := seq(100, 16) // 100..115, median 107.5
	scale := func(xs []float64, f float64) []float64 {
		out := make([]float64, len(xs))
		for i, x := range xs {
			out[i] = x * f
		}
		return out
	}
	tests := []struct {
		name                       string
		a, b                       []float64
		significant, within, rerun bool
	}{
		// The U test finds a 4% shift of 16 samples each (p < 0.05), but
		// a rerun of either could move its median that far: each median
		// is inside the other's rerun interval.
		{"4% apart, within a rerun's reach", scale(base, 1.04), base, false, true, true},
		{"twice as fast", scale(base, 2), base, true, false, true},
		{"the same", base, base, false, false, true},
		// Three samples bound no rerun: the U test alone, as benchstat,
		// which cannot find a difference of three against three (p 0.1
		// at best).
		{"three samples: the U test alone", scale(base[:3], 2), base[:3], false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := CompareRuns(tt.a, tt.b)
			u := CompareSamples(tt.a, tt.b)
			if r.Significant() != tt.significant || r.WithinRerun != tt.within || r.Rerun != tt.rerun {
				t.Errorf("significant %v, within rerun %v, rerun checked %v (p=%.4f, [%.3f, %.3f]); want %v, %v, %v",
					r.Significant(), r.WithinRerun, r.Rerun, r.P, r.Lo, r.Hi, tt.significant, tt.within, tt.rerun)
			}
			if r.P != u.P || r.Ratio != u.Ratio {
				t.Errorf("p %v, ratio %v; the U test's are %v, %v", r.P, r.Ratio, u.P, u.Ratio)
			}
			if r.Lo > u.Lo || r.Hi < u.Hi {
				t.Errorf("interval [%v, %v] narrower than the U test's [%v, %v]", r.Lo, r.Hi, u.Lo, u.Hi)
			}
			if excl := r.Lo > 1 || r.Hi < 1; r.Bounded() && excl != r.Significant() {
				t.Errorf("interval [%v, %v] excludes 1: %v, but significant: %v", r.Lo, r.Hi, excl, r.Significant())
			}
		})
	}
}

// TestCompareRunsAAOnADriftingHost simulates pairs of separate runs of
// one configuration on a host whose slowdowns come in episodes: each run
// draws how often its samples are slowed (0 to 40% of them), so runs
// differ by more than their samples say. The U test alone calls far more
// than 5% of such A/A pairs different; CompareRuns must call at most 10%
// (the aim for separate runs), and on a steady host at most 5%.
func TestCompareRunsAAOnADriftingHost(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	run := func(n int, hit float64) []float64 {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = 100 * (1 + 0.005*rng.NormFloat64())
			if rng.Float64() < hit {
				xs[i] *= 1 - 0.3*rng.Float64()
			}
		}
		return xs
	}
	const trials, n = 1000, 16
	for _, tt := range []struct {
		name      string
		hit       func() float64
		max, uMin float64
	}{
		{"steady", func() float64 { return 0.1 }, 0.05, 0},
		{"drifting", func() float64 { return 0.4 * rng.Float64() }, 0.10, 0.10},
	} {
		u, r := 0, 0
		for range trials {
			a, b := run(n, tt.hit()), run(n, tt.hit())
			if CompareSamples(a, b).Significant() {
				u++
			}
			if CompareRuns(a, b).Significant() {
				r++
			}
		}
		pu, pr := float64(u)/trials, float64(r)/trials
		t.Logf("%s: U test alone %.1f%%, CompareRuns %.1f%% false positives", tt.name, 100*pu, 100*pr)
		if pr > tt.max {
			t.Errorf("%s host: CompareRuns called %.1f%% of A/A pairs different, want at most %.0f%%", tt.name, 100*pr, 100*tt.max)
		}
		if pu < tt.uMin {
			t.Errorf("%s host: the U test alone called only %.1f%%; the simulation no longer drifts", tt.name, 100*pu)
		}
	}
	// And it still sees a real difference: 15% on the steady host.
	seen := 0
	for range trials {
		a, b := run(n, 0.1), run(n, 0.1)
		for i := range a {
			a[i] *= 1.15
		}
		if CompareRuns(a, b).Significant() {
			seen++
		}
	}
	if p := float64(seen) / trials; p < 0.9 {
		t.Errorf("a 15%% difference on a steady host: significant in %.1f%% of pairs, want at least 90%%", 100*p)
	}
}

// TestInverse checks that Inverse is CompareSamples the other way round,
// and that it keeps an unbounded interval unbounded.
func TestInverse(t *testing.T) {
	a := []float64{10, 10.2, 9.9, 10.1, 10.3, 9.8, 10, 10.1, 9.9, 10.2, 10}
	b := []float64{8, 8.3, 7.9, 8.1, 8.2, 7.8, 8, 8.1, 8.2, 7.9, 8}
	got, want := CompareSamples(a, b).Inverse(), CompareSamples(b, a)
	near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-12*math.Abs(y) }
	if !near(got.Ratio, want.Ratio) || !near(got.Lo, want.Lo) || !near(got.Hi, want.Hi) || got.P != want.P || got.Significant() != want.Significant() || got.N1 != want.N1 {
		t.Errorf("Inverse = %+v, want %+v", got, want)
	}
	u := CompareSamples(a[:2], b[:3]).Inverse()
	if u.Bounded() || u.Lo != 0 || !math.IsInf(u.Hi, 1) {
		t.Errorf("inverse of an unbounded interval: %+v", u)
	}
}

// TestMinPairedRounds: rounds that all point one way are significant
// from MinPairedRounds rounds on, and never below, however large the
// ratio.
func TestMinPairedRounds(t *testing.T) {
	for n := 2; n <= 10; n++ {
		a, b := make([]float64, n), make([]float64, n)
		for i := range n {
			a[i], b[i] = 40+float64(i), 1
		}
		if got, want := ComparePaired(a, b).Significant(), n >= MinPairedRounds; got != want {
			t.Errorf("%d rounds, all 40x: significant %v, want %v", n, got, want)
		}
	}
}

// TestComparePairedRounds: a paired comparison keeps each round's ratio,
// in round order, and its inverse their reciprocals.
func TestComparePairedRounds(t *testing.T) {
	a, b := []float64{4, 9, 2, 8}, []float64{2, 3, 1, 2}
	r := ComparePaired(a, b)
	if want := []float64{2, 3, 2, 4}; !slices.Equal(r.Rounds, want) {
		t.Errorf("rounds %v, want %v", r.Rounds, want)
	}
	if want := []float64{0.5, 1.0 / 3, 0.5, 0.25}; !slices.Equal(r.Inverse().Rounds, want) {
		t.Errorf("inverse's rounds %v, want %v", r.Inverse().Rounds, want)
	}
	if u := CompareSamples(a, b); u.Rounds != nil {
		t.Errorf("an unpaired comparison has rounds %v", u.Rounds)
	}
}

// TestComparePairedIntervalAgreesWithTest: the paired interval excludes 1
// exactly when the sign test calls the difference significant, at every
// number of rounds, with rounds tied at a ratio of exactly 1 too (its
// interval was benchstat's median interval, which excluded 1 for 31 round
// counts up to 80 where the test did not, and 10 tied rounds and 10
// faster ones read 1.06x [1.00-1.19] yet significant).
func TestComparePairedIntervalAgreesWithTest(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for n := 2; n <= 80; n++ {
		for trial := range 40 {
			a, b := make([]float64, n), make([]float64, n)
			shift := 1 + 0.03*rng.NormFloat64()
			ties := rng.IntN(n/2 + 1)
			if trial%2 == 0 {
				ties = 0
			}
			for i := range n {
				b[i] = 100 * (1 + 0.02*rng.NormFloat64())
				a[i] = b[i] * shift * (1 + 0.02*rng.NormFloat64())
				if i < ties {
					a[i] = b[i]
				}
			}
			r := ComparePaired(a, b)
			if excl := r.Lo > 1 || r.Hi < 1; excl != r.Significant() {
				t.Fatalf("%d rounds (%d tied): %.3gx [%.3g-%.3g] p=%.3g: excludes 1 %v, significant %v", n, ties, r.Ratio, r.Lo, r.Hi, r.P, excl, r.Significant())
			}
			if bounded := !math.IsInf(r.Hi, 1); bounded != (n >= MinPairedRounds) {
				t.Fatalf("%d rounds: bounded %v", n, bounded)
			}
		}
	}
	a := []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1}
	b := slices.Repeat([]float64{1}, 20)
	if r := ComparePaired(a, b); r.Significant() || r.Lo > 1 {
		t.Errorf("10 tied rounds and 10 faster: %.3gx [%.3g-%.3g] p=%.3g, significant %v; want ~", r.Ratio, r.Lo, r.Hi, r.P, r.Significant())
	}
}
