package result

import (
	"slices"
	"testing"

	"github.com/aesbench/aesbench/bench/stats"
)

// TestSummarizeNoisyThreshold puts thresholds just either side of each
// cell's rerun interval, and on it: only an interval wider than the
// threshold is noisy.
func TestSummarizeNoisyThreshold(t *testing.T) {
	for _, samples := range [][]float64{
		{100, 100, 96, 100, 104, 100, 100, 100, 100},
		{100, 100, 98, 100, 102, 100, 100, 100, 100},
		{100, 75, 100, 100, 125, 100, 100, 100, 100},
	} {
		pct := stats.RerunInterval(samples, 0).Pct
		for _, tt := range []struct {
			threshold float64
			noisy     bool
		}{
			{pct * 0.99, true},
			{pct, false},
			{pct * 1.01, false},
		} {
			m := Measurement{SamplesKBps: samples}
			m.Summarize(tt.threshold)
			if m.Noisy != tt.noisy {
				t.Errorf("%v (rerun ±%v%%) at threshold ±%v%%: noisy %v, want %v", samples, m.RerunPct, tt.threshold, m.Noisy, tt.noisy)
			}
			if m.RerunPct != pct {
				t.Errorf("%v: RerunPct %v, the rerun interval ±%v%%", samples, m.RerunPct, pct)
			}
			if m.KBps != 100 || m.MinKBps != slices.Min(samples) || m.MaxKBps != slices.Max(samples) {
				t.Errorf("%v: median %v, min %v, max %v", samples, m.KBps, m.MinKBps, m.MaxKBps)
			}
		}
	}
}
