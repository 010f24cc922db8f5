package main

import (
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

// TestTrend: each run's speed over the first's is the median over the
// cells, so one cell that moved alone does not move it; the ADD chain's
// is given only when every run has one.
func TestTrend(t *testing.T) {
	run := func(kbps []float64, ghz float64) *result.Results {
		r := &result.Results{}
		for _, k := range kbps {
			r.Measurements = append(r.Measurements, result.Measurement{KBps: k})
		}
		if ghz > 0 {
			r.HostRef = []result.HostRef{{Threads: 1, GHz: ghz}}
		}
		return r
	}
	rs := []*result.Results{run([]float64{100, 200, 300}, 3.0), run([]float64{110, 220, 900}, 3.03), run([]float64{90, 180, 300}, 2.97)}
	speed, chain := trend(rs)
	if got := pcts(speed); got != "+0.0% +10.0% -10.0%" {
		t.Errorf("speed %s, want +0.0%% +10.0%% -10.0%%", got)
	}
	if got := pcts(chain); got != "+0.0% +1.0% -1.0%" {
		t.Errorf("chain %s, want +0.0%% +1.0%% -1.0%%", got)
	}
	rs[1].HostRef = nil
	if _, chain := trend(rs); chain != nil {
		t.Errorf("chain %v with a run without one", chain)
	}
}
