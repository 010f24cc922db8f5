package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRerunCoverageByEnumeration checks the closed form against a count
// of every order of n old and m new figures (all equally likely for
// figures drawn from one continuous distribution), odd and even m.
func TestRerunCoverageByEnumeration(t *testing.T) {
	for _, tt := range []struct{ n, m int }{{5, 3}, {6, 4}, {7, 5}, {6, 6}, {9, 8}, {4, 1}} {
		for r := 1; 2*r <= tt.n; r++ {
			held, all := 0, 0
			// bit i of mask set: position i of the merged order is new.
			for mask := 0; mask < 1<<(tt.n+tt.m); mask++ {
				if popcount(mask) != tt.m {
					continue
				}
				all++
				var oldRank, newAt []int // for each new figure, how many old lie below it
				for i := 0; i < tt.n+tt.m; i++ {
					if mask>>i&1 == 1 {
						newAt = append(newAt, len(oldRank))
					} else {
						oldRank = append(oldRank, i)
					}
				}
				lo, hi := newAt[(tt.m-1)/2], newAt[tt.m/2] // the middle new figure(s)
				// inside [X(r), X(n+1-r)]: at least r old below, at most n-r below.
				if lo >= r && hi <= tt.n-r {
					held++
				}
			}
			want := float64(held) / float64(all)
			if got := RerunCoverage(tt.n, tt.m, r); math.Abs(got-want) > 1e-12 {
				t.Errorf("RerunCoverage(%d, %d, %d) = %.6f, want %.6f (%d of %d orders)", tt.n, tt.m, r, got, want, held, all)
			}
		}
	}
}

func popcount(x int) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

func TestRerunIntervalKnownAnswers(t *testing.T) {
	xs := []float64{107, 101, 103, 105, 100, 102, 104, 108, 106} // 100..108
	tests := []struct {
		name   string
		xs     []float64
		lo, hi float64
	}{
		// Below 9 samples even the whole range holds a rerun's median
		// less than 95% of the time (n = m = 8: 92.3%).
		{"8 samples: unbounded", xs[:8], math.Inf(-1), math.Inf(1)},
		// n = m = 9: the range holds it 97.1%, the 2nd to 8th 83.3%.
		{"9 samples: the range", xs, 100, 108},
		{"17 samples: 3rd smallest to 3rd largest", seq(100, 17), 102, 114},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ci := RerunInterval(tt.xs, 0)
			if ci.Lo != tt.lo || ci.Hi != tt.hi {
				t.Errorf("RerunInterval = [%v, %v], want [%v, %v]", ci.Lo, ci.Hi, tt.lo, tt.hi)
			}
			if math.IsInf(tt.hi, 0) != math.IsInf(ci.Pct, 0) {
				t.Errorf("Pct = %v for interval [%v, %v]", ci.Pct, ci.Lo, ci.Hi)
			}
		})
	}
	if r := rerunRank(17, 17, Confidence); RerunCoverage(17, 17, r) < Confidence || RerunCoverage(17, 17, r+1) >= Confidence {
		t.Errorf("rerunRank(17, 17, Confidence) = %d is not the largest rank at 95%%: %.4f, next %.4f", r, RerunCoverage(17, 17, r), RerunCoverage(17, 17, r+1))
	}
	if got := MinSamplesForRerun; rerunRank(got, got, Confidence) != 1 || rerunRank(got-1, got-1, Confidence) != 0 {
		t.Errorf("MinSamplesForRerun = %d, but rerunRank there is %d and below it %d", got, rerunRank(got, got, Confidence), rerunRank(got-1, got-1, Confidence))
	}
	for n := MinSamplesForRerun; n <= MinSamplesToCompareRuns; n++ {
		if bounded := rerunRank(n, n, 1-Alpha/4) > 0; bounded != (n >= MinSamplesToCompareRuns) {
			t.Errorf("%d samples: rerun interval at 97.5%% bounded %v; MinSamplesToCompareRuns = %d", n, bounded, MinSamplesToCompareRuns)
		}
	}
}

func seq(from float64, n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = from + float64(i)
	}
	return xs
}

// TestRerunIntervalHoldsARerun: in a seeded simulation of runs whose
// samples are independent and alike, the rerun interval holds the next
// run's median at least 95% of the time, where the confidence interval
// of the median does not (it bounds the true median, not a rerun's).
func TestRerunIntervalHoldsARerun(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{10, 16, 20} {
		const trials = 4000
		rerun, conf := 0, 0
		for range trials {
			a, b := skewed(rng, n), skewed(rng, n)
			m := Median(b)
			if pi := RerunInterval(a, n); pi.Lo <= m && m <= pi.Hi {
				rerun++
			}
			if ci := MedianCI(a); ci.Lo <= m && m <= ci.Hi {
				conf++
			}
		}
		pr, pc := float64(rerun)/trials, float64(conf)/trials
		// 4000 trials: a binomial sd of 0.35% at 95%.
		if pr < 0.94 {
			t.Errorf("n=%d: the rerun interval held the rerun's median %.1f%% of the time, want at least 95%%", n, 100*pr)
		}
		if pc > 0.93 {
			t.Errorf("n=%d: the confidence interval held the rerun's median %.1f%%; expected well under 95%% (is it a rerun interval now?)", n, 100*pc)
		}
		t.Logf("n=%d: rerun interval %.1f%%, confidence interval %.1f%%", n, 100*pr, 100*pc)
	}
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

// TestRerunCoverageMatchesTheDoubleSum checks the running-sum coverage of
// an even rerun, and the binary search for the rank, against the plain
// double sum over both middle figures and a scan of every r, where the
// enumeration of orders is out of reach.
func TestRerunCoverageMatchesTheDoubleSum(t *testing.T) {
	doubleSum := func(n, m, r int) float64 {
		s, k, total, p := n+1-r, m/2, lchoose(n+m, n), 0.0
		for a := r; a <= s-1; a++ {
			for b := a; b <= s-1; b++ {
				p += math.Exp(lchoose(a+k-1, a) + lchoose(n-b+m-k-1, n-b) - total)
			}
		}
		return p
	}
	for _, n := range []int{2, 9, 16, 17, 40, 61} {
		for _, m := range []int{2, 8, 16, 40} {
			scan := 0
			for r := 1; 2*r <= n; r++ {
				got, want := RerunCoverage(n, m, r), doubleSum(n, m, r)
				if math.Abs(got-want) > 1e-9 {
					t.Fatalf("RerunCoverage(%d, %d, %d) = %v, the double sum %v", n, m, r, got, want)
				}
				if want >= Confidence {
					scan = r
				}
			}
			if got := rerunRank(n, m, Confidence); got != scan {
				t.Errorf("rerunRank(%d, %d) = %d, a scan of every r %d", n, m, got, scan)
			}
		}
	}
	// Thousands of samples, as a results file from elsewhere may hold.
	// In the large-sample limit a rerun's median sits at the quantile
	// 1/2 +- 1.96 sqrt(1/4n + 1/4m) of this run's samples: with n = m =
	// 10000, ranks 5000 -+ 139, so r = 4861.
	if r := rerunRank(10000, 10000, Confidence); r < 4855 || r > 4867 {
		t.Errorf("rerunRank(10000, 10000) = %d, want about 4861", r)
	}
}
