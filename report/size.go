package report

import (
	"fmt"
	"math"
	"slices"
)

// NearestSize returns want when sizes holds it, or else the size of sizes
// nearest to it as a ratio (64 and 1024 are as near to 256), the larger
// of two as near; want when sizes is empty. It is what compare and report
// show when the results hold no column of their default size.
func NearestSize(sizes []int, want int) int {
	best, bestD := want, math.Inf(1)
	for _, s := range sizes {
		if s == want {
			return want
		}
		d := math.Abs(math.Log(float64(s) / float64(want)))
		if d < bestD || d == bestD && s > best {
			best, bestD = s, d
		}
	}
	return best
}

// At returns the size of c's bar charts and its first table when size is
// asked for: size, when a host measured it; when none did, the measured
// size nearest it (NearestSize) with nearest, for a default size, or an
// error wrapping ErrSizeNotMeasured, for a size the user asked for.
func (c *Comparison) At(size int, nearest bool) (int, error) {
	switch {
	case slices.Contains(c.Sizes, size) || len(c.Sizes) == 0:
		return size, nil
	case nearest:
		return NearestSize(c.Sizes, size), nil
	}
	return 0, sizeNotMeasured([]int{size}, c.Sizes)
}

// sizeNotMeasured is the error of sizes asked for that no host measured,
// with the sizes they did.
func sizeNotMeasured(asked, measured []int) error {
	return fmt.Errorf("%w %s (sizes measured: %s)", ErrSizeNotMeasured, sizeList(asked), sizeList(measured))
}
