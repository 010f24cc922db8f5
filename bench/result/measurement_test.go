package result

import (
	"testing"

	"github.com/aesbench/aesbench/bench/stats"
)

func TestSummarizeFlagsNoisyCells(t *testing.T) {
	tests := []struct {
		samples  []float64
		threshld float64
		noisy    bool
	}{
		{[]float64{100, 101, 99, 100, 100, 101, 100, 99, 101}, 3, false},
		{[]float64{100, 110, 90, 100, 120, 80, 100, 100, 100}, 3, true},
		// Five samples bound a rerun's median (batch means, one or two
		// samples a batch) but not the median itself (benchstat's
		// interval needs six): not noisy.
		{[]float64{100, 101, 99, 100, 100}, 3, false},
		{[]float64{100, 110, 90, 100, 120, 80}, 0, false}, // not checked
		{[]float64{100, 100, 100}, 3, true},               // too few samples: unbounded
	}
	for _, tt := range tests {
		m := Measurement{SamplesKBps: tt.samples}
		m.Summarize(tt.threshld)
		if m.Noisy != tt.noisy {
			t.Errorf("%v at ±%v%%: noisy %v (ci %v%%), want %v", tt.samples, tt.threshld, m.Noisy, m.CIPct, tt.noisy)
		}
		if m.CIPct >= 0 && !(m.CILowKBps <= m.KBps && m.KBps <= m.CIHighKBps) {
			t.Errorf("%v: median %v outside [%v, %v]", tt.samples, m.KBps, m.CILowKBps, m.CIHighKBps)
		}
		if m.RerunPct >= 0 && !(m.RerunLowKBps <= m.KBps && m.KBps <= m.RerunHighKBps) {
			t.Errorf("%v: median %v outside the rerun interval [%v, %v]", tt.samples, m.KBps, m.RerunLowKBps, m.RerunHighKBps)
		}
		if (m.RerunPct < 0) != (len(tt.samples) < stats.MinSamplesForRerun) || (m.RerunPct < 0) != (m.RerunLowKBps == 0 && m.RerunHighKBps == 0) {
			t.Errorf("%v: rerun interval [%v, %v] ±%v%%", tt.samples, m.RerunLowKBps, m.RerunHighKBps, m.RerunPct)
		}
	}
}
