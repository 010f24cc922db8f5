package result

import (
	"slices"
	"testing"
)

// TestSummarizeNoisyThreshold puts intervals just either side of the
// threshold. Nine samples give a rerun interval from the lowest to the
// highest, so these are ±4%, ±2% and exactly ±25% of the median 100.
func TestSummarizeNoisyThreshold(t *testing.T) {
	pm4 := []float64{100, 100, 96, 100, 104, 100, 100, 100, 100}
	pm2 := []float64{100, 100, 98, 100, 102, 100, 100, 100, 100}
	pm25 := []float64{100, 75, 100, 100, 125, 100, 100, 100, 100}
	tests := []struct {
		samples   []float64
		threshold float64
		noisy     bool
	}{
		{pm4, 3, true},
		{pm4, 3.9, true},
		{pm4, 4.1, false},
		{pm4, 5, false},
		{pm2, 1.9, true},
		{pm2, 2.1, false},
		{pm2, 3, false},
		{pm25, 24.9, true},
		{pm25, 25, false}, // only wider than the threshold is noisy
	}
	for _, tt := range tests {
		m := Measurement{SamplesKBps: tt.samples}
		m.Summarize(tt.threshold)
		if m.Noisy != tt.noisy {
			t.Errorf("%v (rerun ±%v%%) at threshold ±%v%%: noisy %v, want %v", tt.samples, m.RerunPct, tt.threshold, m.Noisy, tt.noisy)
		}
		if m.KBps != 100 || m.MinKBps != slices.Min(tt.samples) || m.MaxKBps != slices.Max(tt.samples) {
			t.Errorf("%v: median %v, min %v, max %v", tt.samples, m.KBps, m.MinKBps, m.MaxKBps)
		}
	}
}
