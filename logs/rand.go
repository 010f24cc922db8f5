package logs

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
)

// rng draws every random choice the generator makes. Only the PCG's
// Uint64 stream is used, and every reduction to a range is integer
// arithmetic, so the lines for a seed do not depend on the platform (no
// fused multiply-add or assembly math in the per-line path) nor on how
// math/rand/v2 implements its convenience methods.
type rng struct{ pcg rand.PCG }

// newRNG returns the random stream number stream of a seed. Both are
// hashed first, so that nearby seeds and streams start far apart.
func newRNG(seed int64, stream uint64) *rng {
	r := &rng{}
	r.pcg.Seed(mix64(uint64(seed)), mix64(stream^0x9e3779b97f4a7c15))
	return r
}

// mix64 is the finalizer of SplitMix64, a bijection that scatters bits.
func mix64(x uint64) uint64 {
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

func (r *rng) uint64() uint64 { return r.pcg.Uint64() }

// intn returns a number in [0, n) by Lemire's multiply-shift (the bias
// is below 2⁻³² for the small n used here).
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.pcg.Uint64(), uint64(n))
	return int(hi)
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance reports true with probability pct percent (fractions allowed
// down to 0.01%: chance(0.3) is 30 in 10000).
func (r *rng) chance(pct float64) bool {
	// The conversion rounds the product, so that no platform fuses the
	// multiply and add into one differently rounded instruction.
	return r.intn(10000) < int(float64(pct*100)+0.5)
}

// logUniform returns a number in [1, max] with P(n) roughly ∝ 1/n: an
// octave [2^k, 2^(k+1)) is chosen uniformly, then a number inside it. It
// is the cheap table-free Zipf (exponent 1) used for product and user ids.
func (r *rng) logUniform(max int) int {
	octaves := bits.Len(uint(max))
	k := r.intn(octaves)
	lo := 1 << k
	hi := min(2*lo-1, max)
	return r.between(lo, hi)
}

// weighted picks one of a few items with integer weights.
type weighted[T any] struct {
	items []T
	cum   []int // cumulative weights
}

type w[T any] struct {
	weight int
	item   T
}

func newWeighted[T any](ws ...w[T]) weighted[T] {
	var t weighted[T]
	sum := 0
	for _, x := range ws {
		if x.weight <= 0 {
			continue
		}
		sum += x.weight
		t.items = append(t.items, x.item)
		t.cum = append(t.cum, sum)
	}
	return t
}

func (t *weighted[T]) pick(r *rng) T {
	u := r.intn(t.cum[len(t.cum)-1])
	i, _ := slices.BinarySearch(t.cum, u+1) // first cum >= u+1
	return t.items[i]
}

// zipf picks a rank in [0, n) with P(k) ∝ 1/(k+1), Zipf's law with
// exponent 1: the first host makes about 1/ln(n) of the requests, and
// half the hosts make a request or two. The weights are integers
// (2⁴⁰/(k+1)), so the table is the same on every platform.
type zipf struct{ cum []uint64 }

func newZipf(n int) *zipf {
	z := &zipf{cum: make([]uint64, n)}
	var sum uint64
	for k := range n {
		sum += (1 << 40) / uint64(k+1)
		z.cum[k] = sum
	}
	return z
}

func (z *zipf) pick(r *rng) int {
	hi, _ := bits.Mul64(r.uint64(), z.cum[len(z.cum)-1])
	i, _ := slices.BinarySearch(z.cum, hi+1)
	return i
}

// quantiles is a continuous distribution kept as its inverse CDF at
// quantileSteps+1 evenly spaced probabilities; sampling picks a step and
// interpolates linearly inside it. The table is built once with floating
// point and rounded to integers; drawing from it is integer-only.
type quantiles struct{ edges [quantileSteps + 1]int64 }

const quantileSteps = 256

// newQuantiles tabulates inv(p) for p = (i+½)/(steps+1), i = 0..steps,
// which cuts the tails at about p = 0.002 and 0.998.
func newQuantiles(inv func(p float64) float64) *quantiles {
	q := &quantiles{}
	for i := range q.edges {
		p := (float64(i) + 0.5) / float64(quantileSteps+1)
		q.edges[i] = int64(math.Round(inv(p)))
	}
	return q
}

// logNormal is the size distribution of responses: median m bytes, and
// sigma the standard deviation of the log of the size.
func logNormal(median, sigma float64) *quantiles {
	return newQuantiles(func(p float64) float64 {
		z := math.Sqrt2 * math.Erfinv(float64(2*p)-1) // no fused multiply-add
		return median * math.Exp(sigma*z)
	})
}

// exponential1e6 is the exponential distribution with mean 1e6 (so that
// scaling by a mean in microseconds and dividing by 1e6 stays integer).
func exponential1e6() *quantiles {
	return newQuantiles(func(p float64) float64 { return -1e6 * math.Log1p(-p) })
}

func (q *quantiles) sample(r *rng) int64 {
	x := r.uint64()
	i := int((x >> 32) % quantileSteps)
	frac := int64(x & 0xffff)
	lo, hi := q.edges[i], q.edges[i+1]
	return lo + (hi-lo)*frac>>16
}
