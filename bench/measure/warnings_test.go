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
	// One side of an --interleave run, which takes no --precision, is
	// told to take more rounds instead.
	r.Pair = &result.Pair{ID: "x", Role: "a"}
	if got := noisy(r); strings.Contains(got, "--precision") || !strings.Contains(got, "with a larger --count") {
		t.Errorf("a side of an --interleave run is told: %s", got)
	}
	// A --precision run sampled its cells to their budget: more samples
	// are no cure for the host's drift.
	r.Pair, r.PrecisionPct = nil, 2
	if got := noisy(r); strings.Contains(got, "with --precision") || !strings.HasSuffix(got, "more samples do not narrow; rerun on a quieter host") {
		t.Errorf("a --precision run is told: %s", got)
	}
}

// TestTooFewNamesTheCure: cells with fewer samples than a rerun interval
// needs are told apart from noisy ones, with the count that cures them.
func TestTooFewNamesTheCure(t *testing.T) {
	r := &result.Results{NoisyPct: 3, Source: result.SourceImported}
	for _, n := range []int{3, 9, 16, 1} { // 1: an import, no interval at all
		r.Measurements = append(r.Measurements, result.Measurement{SamplesKBps: make([]float64, n)})
	}
	want := "1 of 4 cells have as few as 3 samples: below 4 no rerun interval is bounded (±∞), so every such cell is noisy; measure with --count 4 or more"
	if got := tooFew(r); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	r.Pair = &result.Pair{With: "x-noaesni"} // one side of an interleaved run: its ratios need 6 rounds
	if got, want := tooFew(r), "measure with --count 6 or more, as the paired ratios need"; !strings.HasSuffix(got, want) {
		t.Errorf("paired: got %s\nwant it to end %s", got, want)
	}
	r.Measurements = r.Measurements[1:]
	if got := tooFew(r); got != "" {
		t.Errorf("9 samples or more, or one imported: warned %q", got)
	}
	// One sample measured here (run --count 1) is too few as well: more
	// samples, not a quieter host, bound its interval.
	r.Source, r.Pair = "", nil
	want = "1 of 3 cells have as few as 1 sample: below 4 no rerun interval is bounded (±∞), so every such cell is noisy; measure with --count 4 or more"
	if got := tooFew(r); got != want {
		t.Errorf("measured: got  %s\nwant %s", got, want)
	}
}

// TestNoisyLeavesTooFewAlone: a cell with too few samples for a rerun
// interval is told once, by tooFew (more samples cure it), not again
// among the noisy cells (a quieter host does not).
func TestNoisyLeavesTooFewAlone(t *testing.T) {
	r := &result.Results{NoisyPct: 3}
	for _, samples := range [][]float64{
		{100, 100, 100},                // too few: tooFew's
		{100, 130, 70, 100, 125, 75},   // noisy
		{100, 100, 100, 100, 100, 100}, // quiet
		{100},                          // one figure: ±∞, noisy
	} {
		m := result.Measurement{Algo: "aes-256-gcm", Size: len(samples), SamplesKBps: samples}
		m.Summarize(r.NoisyPct)
		r.Measurements = append(r.Measurements, m)
	}
	got := noisy(r)
	if !strings.HasPrefix(got, "1 of 4 cells noisy") || strings.Contains(got, "3 bytes") || strings.Contains(got, "1 bytes") {
		t.Errorf("noisy: %q; want the 6-sample cell, not the 3- or 1-sample ones", got)
	}
	if got := tooFew(r); !strings.HasPrefix(got, "2 of 4 cells have as few as 1 sample") {
		t.Errorf("tooFew: %q; want the 3- and 1-sample cells", got)
	}
	// An imported figure is one number: nothing more to sample, and noisy
	// by the rule.
	r.Source = result.SourceImported
	if got := noisy(r); !strings.HasPrefix(got, "2 of 4 cells noisy") {
		t.Errorf("imported: noisy %q; want the 6- and 1-sample cells", got)
	}
}
