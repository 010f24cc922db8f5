package stats

import "github.com/aclements/go-moremath/stats"

// ExcessChance says whether k false positives among n independent tests,
// each of which should fire with probability at most rate (an A/A run's
// cells at Alpha), are more than chance: the probability of k or more
// under Binomial(n, rate). A small value (below Alpha) means the tests
// fire more often than rate claims; a large one that k is within what
// chance gives, not that the rate holds. 1 for k <= 0.
func ExcessChance(k, n int, rate float64) float64 {
	if k <= 0 {
		return 1
	}
	if k > n {
		return 0
	}
	return max(0, 1-stats.BinomialDist{N: n, P: rate}.CDF(float64(k-1)))
}
