package measure

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRoundCPUs: interleaved, both samples of a round run on one CPU and
// every CPU gets rounds; in a duet the two CPUs swap sides; a cell on
// more than one thread gets them all; unknown CPUs pin nothing.
func TestRoundCPUs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	allowed := []int{0, 1, 3}
	seen := map[int]int{}
	for range 300 {
		w := roundCPUs(rng, false, [2]int{}, allowed, 1)
		if len(w[0]) != 1 || !slices.Equal(w[0], w[1]) || !slices.Contains(allowed, w[0][0]) {
			t.Fatalf("interleaved round: %v, want one allowed CPU for both sides", w)
		}
		seen[w[0][0]]++
	}
	for _, c := range allowed {
		if seen[c] < 50 {
			t.Errorf("CPU %d drew %d of 300 rounds: not at random", c, seen[c])
		}
	}
	aOn := map[int]int{}
	for range 200 {
		w := roundCPUs(rng, true, [2]int{0, 3}, allowed, 1)
		if len(w[0]) != 1 || len(w[1]) != 1 || w[0][0] == w[1][0] || !slices.Contains([]int{0, 3}, w[0][0]) || !slices.Contains([]int{0, 3}, w[1][0]) {
			t.Fatalf("duet round: %v, want the two duet CPUs, one a side", w)
		}
		aOn[w[0][0]]++
	}
	if aOn[0] < 60 || aOn[3] < 60 {
		t.Errorf("duet: side a ran on CPU 0 %d and on CPU 3 %d of 200 rounds: the CPUs do not swap sides", aOn[0], aOn[3])
	}
	if w := roundCPUs(rng, false, [2]int{}, allowed, 2); !slices.Equal(w[0], allowed) || !slices.Equal(w[1], allowed) {
		t.Errorf("two threads: %v, want every allowed CPU", w)
	}
	if w := roundCPUs(rng, false, [2]int{}, nil, 1); w[0] != nil || w[1] != nil {
		t.Errorf("unknown CPUs: %v, want nothing pinned", w)
	}
}
