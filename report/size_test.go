package report

import (
	"errors"
	"fmt"
	"testing"
)

func TestNearestSize(t *testing.T) {
	tests := []struct {
		sizes []int
		want  int
		got   int
	}{
		{[]int{16, 256, 1024}, 256, 256},
		{[]int{16, 1024}, 256, 1024},      // 4x above against 16x below
		{[]int{64, 1024}, 256, 1024},      // as near: the larger
		{[]int{16, 100}, 256, 100},        // 2.56x below against nothing above
		{[]int{8192, 16384, 16}, 256, 16}, // 16x below against 32x above
		{[]int{300, 200}, 256, 300},       // 1.17x above against 1.28x below
		{nil, 256, 256},
	}
	for _, tt := range tests {
		if got := NearestSize(tt.sizes, tt.want); got != tt.got {
			t.Errorf("NearestSize(%v, %d) = %d, want %d", tt.sizes, tt.want, got, tt.got)
		}
	}
}

func ExampleNearestSize() {
	fmt.Println(NearestSize([]int{16, 64, 1024, 8192}, 256))
	// Output: 1024
}

// TestComparisonAt: a default size no host measured falls to the nearest
// measured one; a size asked for does not, and its error lists the sizes
// there are.
func TestComparisonAt(t *testing.T) {
	c := &Comparison{Sizes: []int{16, 1024}}
	if at, err := c.At(1024, false); at != 1024 || err != nil {
		t.Errorf("At(1024, false) = %d, %v", at, err)
	}
	if at, err := c.At(256, true); at != 1024 || err != nil {
		t.Errorf("At(256, true) = %d, %v; want 1024", at, err)
	}
	_, err := c.At(256, false)
	if !errors.Is(err, ErrSizeNotMeasured) || err.Error() != "no host measured 256 bytes (sizes measured: 16, 1024 bytes)" {
		t.Errorf("At(256, false): %v", err)
	}
}
