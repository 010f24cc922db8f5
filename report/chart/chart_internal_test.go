package chart

import "testing"

// TestSig3Fixed: bar labels side by side carry alike precision, three
// significant digits with their trailing zeros (0.4 s beside 0.42 s read
// as less sure of the first), a carry into the next digit included.
func TestSig3Fixed(t *testing.T) {
	for _, tt := range []struct {
		x    float64
		want string
	}{
		{0.404, "0.404"}, {0.4, "0.400"}, {0.42, "0.420"}, {0.034, "0.0340"},
		{2.104, "2.10"}, {2.17, "2.17"}, {9.996, "10.0"}, {0.09996, "0.100"},
		{12.34, "12.3"}, {99.96, "100"}, {123.4, "123"}, {0, "0"},
	} {
		if got := sig3Fixed(tt.x); got != tt.want {
			t.Errorf("sig3Fixed(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
}

// TestSig3: axis ticks and bar labels in three significant digits
// without trailing zeros (0.025 once read 0.03, and 0.0341 s 0.03 s).
func TestSig3(t *testing.T) {
	for _, tt := range []struct {
		x    float64
		want string
	}{
		{0.4, "0.4"}, {0.025, "0.025"}, {0.0341, "0.0341"}, {2.17, "2.17"}, {2.1, "2.1"},
		{10, "10"}, {12.34, "12.3"}, {150, "150"}, {1234.4, "1234"}, {0, "0"}, {-0.5, "-0.5"},
	} {
		if got := sig3(tt.x); got != tt.want {
			t.Errorf("sig3(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
}
