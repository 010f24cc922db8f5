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
			Size: 16 << i, Threads: 1, CIPct: pct, Noisy: pct < 0 || pct > 3})
	}
	got := noisy(r)
	want := "6 of 7 cells noisy (95% confidence interval wider than ±3%), the widest aes-256-gcm, 64 bytes ±∞; aes-256-gcm, 256 bytes ±30.0%; aes-256-gcm, 32 bytes ±9.0%; aes-256-gcm, 512 bytes ±6.0%; 2 more; rerun on a quieter host or with --precision"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if noisy(&result.Results{Measurements: []result.Measurement{{CIPct: 1}}}) != "" {
		t.Error("a run without noisy cells warned")
	}
	if strings.Count(got, ";") > 6 {
		t.Error("too long")
	}
}
