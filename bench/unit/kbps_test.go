package unit

import (
	"testing"
	"time"
)

// TestKBps pins the unit: kB/s are 1000s of bytes per second, never 1024s.
func TestKBps(t *testing.T) {
	tests := []struct {
		bytes int64
		d     time.Duration
		want  float64
	}{
		{1000, time.Second, 1},
		{1024, time.Second, 1.024},
		{1_000_000, time.Second, 1000},
		{16 << 20, time.Second, 16777.216},
		{5000, 500 * time.Millisecond, 10},
		{3, time.Microsecond, 3000},
		{0, time.Second, 0},
	}
	for _, tt := range tests {
		if got := KBps(tt.bytes, tt.d); got != tt.want {
			t.Errorf("KBps(%d, %v) = %v, want %v", tt.bytes, tt.d, got, tt.want)
		}
		if got := KBpsSeconds(float64(tt.bytes), tt.d.Seconds()); got != tt.want {
			t.Errorf("KBpsSeconds(%d, %v) = %v, want %v", tt.bytes, tt.d.Seconds(), got, tt.want)
		}
	}
}
