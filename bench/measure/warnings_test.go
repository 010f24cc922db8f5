package measure

import (
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

// TestNoisySummarises: many noisy cells make one short line, the widest
// first, not a list of every cell.
func TestNoisySummarises(t *testing.T) {
	r := &result.Results{NoisyPct: 3}
	for i, pct := range []float64{4, 9, -1, 5, 30, 6, 1} {
		r.Measurements = append(r.Measurements, result.Measurement{Engine: result.EngineGo, Algo: "aes-256-gcm", Direction: result.Encrypt,
			Size: 16 << i, Threads: 1, RerunPct: pct, Noisy: pct < 0 || pct > 3})
	}
	got := noisy(r)
	want := "6 of 7 cells noisy (95% rerun interval wider than ±3%), the widest aes-256-gcm, 64 bytes ±∞; aes-256-gcm, 256 bytes ±30.0%; aes-256-gcm, 32 bytes ±9.0%; aes-256-gcm, 512 bytes ±6.0%; 2 more; rerun on a quieter host or with --precision"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if noisy(&result.Results{Measurements: []result.Measurement{{RerunPct: 1}}}) != "" {
		t.Error("a run without noisy cells warned")
	}
	if strings.Count(got, ";") > 6 {
		t.Error("too long")
	}
}

// TestTooFewNamesTheCure: cells with fewer samples than a rerun interval
// needs are told apart from noisy ones, with the count that cures them.
func TestTooFewNamesTheCure(t *testing.T) {
	r := &result.Results{NoisyPct: 3}
	for _, n := range []int{3, 9, 16, 1} { // 1: an import, no interval at all
		r.Measurements = append(r.Measurements, result.Measurement{SamplesKBps: make([]float64, n)})
	}
	want := "1 of 4 cells have as few as 3 samples: below 4 no rerun interval is bounded (±∞), so every such cell is noisy; measure with --count 4 or more"
	if got := tooFew(r); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	r.Measurements = r.Measurements[1:]
	if got := tooFew(r); got != "" {
		t.Errorf("9 samples or more, or one: warned %q", got)
	}
}
