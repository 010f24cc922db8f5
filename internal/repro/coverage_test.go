package main

import (
	"slices"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

// TestCoverage: a host that climbs 2% a run, whose intervals are ±3%,
// holds the next run's median and not one 2 runs apart; a cell without a
// bounded interval (RerunPct -1) holds nothing but still counts as a
// pair.
func TestCoverage(t *testing.T) {
	run := func(kbps float64) *result.Results {
		return &result.Results{Measurements: []result.Measurement{
			{KBps: kbps, RerunLowKBps: kbps * 0.97, RerunHighKBps: kbps * 1.03, RerunPct: 3},
			{KBps: kbps, RerunPct: -1},
		}}
	}
	c := coverageOf([]*result.Results{run(100), run(102), run(104.04)})
	if c.held != 4 || c.pairs != 12 {
		t.Errorf("held %d of %d pairs, want 4 of 12", c.held, c.pairs)
	}
	if want := []int{0, 4, 0}; !slices.Equal(c.heldAt, want) {
		t.Errorf("held by runs apart %v, want %v", c.heldAt, want)
	}
	if want := []int{0, 8, 4}; !slices.Equal(c.pairsAt, want) {
		t.Errorf("pairs by runs apart %v, want %v", c.pairsAt, want)
	}
}

func TestByGap(t *testing.T) {
	c := coverage{heldAt: []int{0, 19, 9, 5, 1, 0}, pairsAt: []int{0, 20, 10, 6, 2, 0}}
	tests := []struct {
		width int
		want  []string
	}{
		{80, []string{"  next run 95.0%, 2 runs apart 90.0%, 3 runs apart 83.3%, 4 runs apart 50.0%"}},
		{40, []string{"  next run 95.0%, 2 runs apart 90.0%,", "  3 runs apart 83.3%, 4 runs apart 50.0%"}},
		{10, []string{"  next run 95.0%,", "  2 runs apart 90.0%,", "  3 runs apart 83.3%,", "  4 runs apart 50.0%"}},
	}
	for _, tt := range tests {
		if got := c.byGap("  ", tt.width); !slices.Equal(got, tt.want) {
			t.Errorf("width %d:\n got %q\nwant %q", tt.width, got, tt.want)
		}
	}
}
