package report

import "testing"

// TestCompactRatio: a ratio in the rows layout, to three figures, whole
// from 1000 on (an untested one printed as "x?" there), "~" when not
// significant, "n/a" when there is none.
func TestCompactRatio(t *testing.T) {
	sig, none, not := RatioStat{Significant: true, Test: "u-test"}, RatioStat{Test: "none"}, RatioStat{Test: "u-test"}
	tests := []struct {
		x    float64
		s    RatioStat
		want string
	}{
		{19.44, sig, "19.4x"},
		{0.0434, sig, "0.04x"},
		{9.999, sig, "10.0x"},
		{1234.5, sig, "1234x"},
		{1.02, none, "1.02x?"},
		{1234.5, none, "1234x?"},
		{1.02, not, "~"},
		{0, sig, "n/a"},
	}
	for _, tt := range tests {
		if got := compactRatio(tt.x, tt.s); got != tt.want {
			t.Errorf("compactRatio(%v, %s) = %q, want %q", tt.x, tt.s.Test, got, tt.want)
		}
	}
}
