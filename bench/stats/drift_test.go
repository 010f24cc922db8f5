package stats

import (
	"math"
	"testing"
)

func TestBeyondDrift(t *testing.T) {
	sig := func(ratio, lo, hi float64) Ratio {
		return Ratio{Ratio: ratio, Lo: lo, Hi: hi, P: 0.001, N1: 16, N2: 16}
	}
	tests := []struct {
		name      string
		r, d      Ratio
		within    bool
		stillSigf bool
	}{
		{"cells moved as the host did", sig(1.03, 1.01, 1.05), sig(1.03, 1.02, 1.04), true, false},
		{"overlap at an end only", sig(1.06, 1.04, 1.08), sig(1.03, 1.02, 1.04), true, false},
		{"beyond the drift", sig(1.10, 1.07, 1.13), sig(1.03, 1.02, 1.04), false, true},
		{"against the drift", sig(0.95, 0.93, 0.97), sig(1.03, 1.02, 1.04), false, true},
		{"host did not move", sig(1.03, 1.01, 1.05), Ratio{Ratio: 1.03, Lo: 0.99, Hi: 1.07, P: 0.2, N1: 16, N2: 16}, false, true},
		{"no difference to hold", Ratio{Ratio: 1.03, Lo: 0.99, Hi: 1.07, P: 0.2, N1: 16, N2: 16}, sig(1.03, 1.02, 1.04), false, false},
		{"unbounded: the ratio inside the drift's", sig(1.03, 0, math.Inf(1)), sig(1.03, 1.02, 1.04), true, false},
		{"unbounded: the ratio outside", sig(1.10, 0, math.Inf(1)), sig(1.03, 1.02, 1.04), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.r.BeyondDrift(tt.d)
			if got.WithinDrift != tt.within || got.Significant() != tt.stillSigf {
				t.Errorf("within drift %v, significant %v; want %v, %v", got.WithinDrift, got.Significant(), tt.within, tt.stillSigf)
			}
			if got.Ratio != tt.r.Ratio || got.Lo != tt.r.Lo || got.Hi != tt.r.Hi || got.P != tt.r.P {
				t.Errorf("changed the ratio: %+v, from %+v", got, tt.r)
			}
		})
	}
}
