package stats

import (
	"math"
	"testing"
)

// TestMedianCIPctTakesTheWiderSide: the ± figure is the wider of the two
// sides of the interval, whichever side that is.
func TestMedianCIPctTakesTheWiderSide(t *testing.T) {
	tests := []struct {
		in  []float64
		pct float64
	}{
		{[]float64{100, 100, 80, 100, 105, 100}, 20}, // low side wider
		{[]float64{100, 100, 95, 100, 120, 100}, 20}, // high side wider
	}
	for _, tt := range tests {
		if got := MedianCI(tt.in); math.Abs(got.Pct-tt.pct) > 1e-9 {
			t.Errorf("MedianCI(%v).Pct = %v, want %v (interval [%v, %v])", tt.in, got.Pct, tt.pct, got.Lo, got.Hi)
		}
	}
}
