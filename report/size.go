package report

import (
	"fmt"
	"math"
	"slices"

	"github.com/aesbench/aesbench/bench/result"
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
// asked for: size, when a host measured it (and, for a default size, the
// baseline and another host both did); else, for a default size
// (nearest), the size nearest it (NearestSize) at which the baseline and
// another host both measured a cell, or failing that, that any host
// measured; for a size the user asked for, an error wrapping
// ErrSizeNotMeasured.
func (c *Comparison) At(size int, nearest bool) (int, error) {
	compared := comparedSizes(c.Rows)
	switch {
	case len(c.Sizes) == 0:
		return size, nil
	case nearest && len(c.Hosts) > 1 && len(compared) > 0:
		return NearestSize(compared, size), nil
	case slices.Contains(c.Sizes, size):
		return size, nil
	case nearest:
		return NearestSize(c.Sizes, size), nil
	}
	return 0, sizeNotMeasured([]int{size}, c.Sizes)
}

// Measured reports whether any host of c measured a cell of size bytes.
func (c *Comparison) Measured(size int) bool {
	for _, r := range c.Results {
		if slices.ContainsFunc(r.Measurements, func(m result.Measurement) bool { return m.Size == size }) {
			return true
		}
	}
	return false
}

// Compares reports whether, at size, the baseline and another host of c
// both have a figure of a cell: where a ratio stands in its tables.
func (c *Comparison) Compares(size int) bool { return slices.Contains(comparedSizes(c.Rows), size) }

// comparedSizes returns, in order, the sizes of the rows in which the
// baseline and another host both have a figure: where a ratio stands.
func comparedSizes(rows []CompRow) []int {
	var out []int
	for _, r := range rows {
		if slices.ContainsFunc(r.Ratios, func(x float64) bool { return x > 0 }) && !slices.Contains(out, r.Size) {
			out = append(out, r.Size)
		}
	}
	slices.Sort(out)
	return out
}

// sizeNotMeasured is the error of sizes asked for that no host measured,
// with the sizes they did.
func sizeNotMeasured(asked, measured []int) error {
	return fmt.Errorf("%w %s (sizes measured: %s)", ErrSizeNotMeasured, sizeList(asked), sizeList(measured))
}
