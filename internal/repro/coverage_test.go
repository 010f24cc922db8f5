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

// TestCoverageClockHeld: runs whose figures moved 2% a run with the
// host's clock (the ADD chain) miss 2 runs apart, and hold every pair
// once scaled by the chains; a cell that moved against the clock misses
// both ways; runs without a chain give no clock-held pairs.
func TestCoverageClockHeld(t *testing.T) {
	run := func(kbps, other, ghz float64) *result.Results {
		r := &result.Results{Measurements: []result.Measurement{
			{KBps: kbps, RerunLowKBps: kbps * 0.97, RerunHighKBps: kbps * 1.03, RerunPct: 3},
			{KBps: other, RerunLowKBps: other * 0.97, RerunHighKBps: other * 1.03, RerunPct: 3},
		}}
		if ghz > 0 {
			r.HostRef = []result.HostRef{{Threads: 1, GHz: ghz}}
		}
		return r
	}
	// The second cell moves 2% a run against the clock: 4% a run once
	// the clock is held, missing every pair.
	c := coverageOf([]*result.Results{run(100, 100, 3.0), run(102, 98, 3.06), run(104.04, 96.04, 3.1212)})
	if c.clockHeld != 6 || c.clockPairs != 12 || c.clockHeldNext != 4 {
		t.Errorf("clock held %d of %d pairs (next run %d), want 6 of 12 (4)", c.clockHeld, c.clockPairs, c.clockHeldNext)
	}
	if c.held != 8 {
		t.Errorf("held %d pairs, want 8 (each cell's next runs, 2%% apart)", c.held)
	}
	c = coverageOf([]*result.Results{run(100, 100, 3.0), run(102, 98, 0), run(104.04, 96.04, 3.1212)})
	if c.clockPairs != 0 {
		t.Errorf("a run without its chain: %d clock-held pairs, want none", c.clockPairs)
	}
}
