package stats

import (
	"math"
	"testing"
)

// TestExcessChance checks the binomial tail against values computed
// independently (the sum of C(n,i) p^i (1-p)^(n-i) for i >= k, as R's
// pbinom(k-1, n, p, lower.tail = FALSE) gives them).
func TestExcessChance(t *testing.T) {
	tests := []struct {
		k, n int
		rate float64
		want float64
	}{
		{0, 24, 0.05, 1},
		{3, 24, 0.05, 0.11594458835933907}, // 3 of 24 at 5%: within chance
		{7, 96, 0.05, 0.20481136988818913},
		{1, 96, 0.05, 0.9927311432903833},
		{10, 96, 0.10, 0.4952147053764855},
		{1, 1, 0.05, 0.05},
		{2, 1, 0.05, 0}, // more than n cannot happen
	}
	for _, tt := range tests {
		if got := ExcessChance(tt.k, tt.n, tt.rate); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("ExcessChance(%d, %d, %v) = %v, want %v", tt.k, tt.n, tt.rate, got, tt.want)
		}
	}
	// Many more than the rate gives is far from chance.
	if got := ExcessChance(12, 24, 0.05); got > 1e-6 {
		t.Errorf("ExcessChance(12, 24, 0.05) = %v, want below 1e-6", got)
	}
}
