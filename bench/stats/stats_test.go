package stats

import (
	"math"
	"testing"
)

func TestMedianCI(t *testing.T) {
	tests := []struct {
		name           string
		in             []float64
		median, lo, hi float64
		pct            float64 // -1: +Inf
	}{
		{"none", nil, 0, 0, 0, -1},
		{"one sample", []float64{100}, 100, math.Inf(-1), math.Inf(1), -1},
		// With 5 samples or fewer the 95% interval is unbounded.
		{"five: unbounded below", []float64{104, 100, 98, 101, 99}, 100, math.Inf(-1), 104, -1},
		// With 6 or 7 it is the range of the samples.
		{"six: min to max", []float64{90, 99, 100, 101, 102, 120}, 100.5, 90, 120, 19.402985074626866},
		// From 9 it is strictly inside the range.
		{"nine: inside range", []float64{90, 99, 99.5, 100, 100, 100.5, 101, 102, 120}, 100, 99, 102, 2},
		{"identical", []float64{5, 5, 5, 5, 5, 5, 5}, 5, 5, 5, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MedianCI(tt.in)
			if tt.pct < 0 {
				if !math.IsInf(got.Pct, 1) {
					t.Errorf("Pct = %v, want +Inf", got.Pct)
				}
			} else if math.Abs(got.Pct-tt.pct) > 1e-9 {
				t.Errorf("Pct = %v, want %v", got.Pct, tt.pct)
			}
			if len(tt.in) > 0 && (got.Median != tt.median || got.Lo != tt.lo || got.Hi != tt.hi) {
				t.Errorf("MedianCI(%v) = %+v, want median %v in [%v, %v]", tt.in, got, tt.median, tt.lo, tt.hi)
			}
		})
	}
}

func TestMedianCIDoesNotReorderSamples(t *testing.T) {
	in := []float64{3, 1, 2}
	MedianCI(in)
	if in[0] != 3 || in[1] != 1 || in[2] != 2 {
		t.Fatalf("samples reordered: %v", in)
	}
}
