package measure

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
)

// warnings are what a reader of res must know about its figures: AEADs
// that two engines timed differently, noisy cells, and a host that gave
// less than whole cores.
func warnings(res *result.Results) []string {
	var w []string
	w = append(w, aeadModes(res)...)
	if s := tooFew(res); s != "" {
		w = append(w, s)
	}
	if s := noisy(res); s != "" {
		w = append(w, s)
	}
	return append(w, shortOfCores(res)...)
}

// aeadModes tells, when engines timed an AEAD differently, how each did:
// Go's Seal under a key set up once is not openssl's figure.
func aeadModes(res *result.Results) []string {
	modes := map[string][]string{} // algo -> "engine mode"
	var algos []string
	for _, m := range res.Measurements {
		if m.AEADMode == result.AEADModeUnknown && m.Engine == result.EngineGo {
			continue
		}
		a, err := bench.Lookup(m.Algo)
		if err != nil || a.Mode != bench.AEAD {
			continue
		}
		mode := string(m.AEADMode)
		if mode == "" {
			mode = "unknown"
		}
		e := string(m.Engine) + " " + mode
		if !slices.Contains(algos, m.Algo) {
			algos = append(algos, m.Algo)
		}
		if !slices.Contains(modes[m.Algo], e) {
			modes[m.Algo] = append(modes[m.Algo], e)
		}
	}
	var out []string
	for _, a := range algos {
		if len(modes[a]) > 1 {
			out = append(out, fmt.Sprintf("%s timed as %s (seal: key set up once; per-message: key, IV and tag per message; stream: no tag per message; see --aead-mode)", a, strings.Join(modes[a], ", ")))
		}
	}
	return out
}

// tooFew says when cells have too few samples for a bounded rerun
// interval: they are noisy by the rule, but more samples, not a quieter
// host, is the cure: a count that bounds the intervals, or, for one side
// of an interleaved run, that lets its paired ratios differ. "" for none.
func tooFew(r *result.Results) string {
	few, least := 0, 0
	for _, m := range r.Measurements {
		if n := len(m.SamplesKBps); tooFewIn(r, n) {
			if few == 0 || n < least {
				least = n
			}
			few++
		}
	}
	if few == 0 {
		return ""
	}
	cure := fmt.Sprintf("--count %d or more", stats.MinSamplesForRerun)
	if r.Pair != nil {
		cure = fmt.Sprintf("--count %d or more, as the paired ratios need", max(stats.MinSamplesForRerun, stats.MinPairedRounds))
	}
	samples := "samples"
	if least == 1 {
		samples = "sample"
	}
	return fmt.Sprintf("%d of %d cells have as few as %d %s: below %d no rerun interval is bounded (±∞), so every such cell is noisy; measure with %s",
		few, len(r.Measurements), least, samples, stats.MinSamplesForRerun, cure)
}

// tooFewIn reports whether a cell of n samples of r has too few for a
// rerun interval that more samples would bound: stats.TooFewForRerun's 2
// and 3, and one sample measured here (--count 1). One figure imported
// from openssl speed output has no run to rerun at all.
func tooFewIn(r *result.Results, n int) bool {
	return stats.TooFewForRerun(n) || (n == 1 && r.Source != result.SourceImported)
}

// noisy lists the cells whose rerun interval is wider than the run's
// noisy threshold, the widest first, at most four of them by name; ""
// for none. Cells with too few samples for an interval are tooFew's to
// tell: their cure is more samples, not a quieter host.
func noisy(r *result.Results) string {
	var ms []result.Measurement
	for _, m := range r.Measurements {
		if m.Noisy && !tooFewIn(r, len(m.SamplesKBps)) {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return ""
	}
	width := func(m result.Measurement) float64 { // ±∞ (-1) is the widest
		if m.RerunPct < 0 {
			return math.Inf(1)
		}
		return m.RerunPct
	}
	slices.SortStableFunc(ms, func(a, b result.Measurement) int { return cmp.Compare(width(b), width(a)) })
	var cells []string
	for _, m := range ms[:min(len(ms), 4)] {
		w := stats.CI{Median: m.KBps, Lo: m.RerunLowKBps, Hi: m.RerunHighKBps, Pct: m.RerunPct}.Width()
		cells = append(cells, m.Key().String()+" "+w)
	}
	if len(ms) > 4 {
		cells = append(cells, fmt.Sprintf("%d more", len(ms)-4))
	}
	cure := "rerun on a quieter host or with --precision"
	switch {
	case r.Pair != nil: // --interleave takes no --precision, and pairs its rounds
		cure = "rerun on a quieter host or with a larger --count; the ratios compare takes round by round carry intervals of their own"
	case r.PrecisionPct > 0: // sampled to their budget already
		cure = "the host's speed drifted during the run, which more samples do not narrow; rerun on a quieter host"
	}
	return fmt.Sprintf("%d of %d cells noisy (95%% rerun interval wider than ±%g%%), the widest %s; %s",
		len(ms), len(r.Measurements), r.NoisyPct, strings.Join(cells, "; "), cure)
}

// shortOfCores says when, by the run's ADD-chain reference, one thread
// got less than result.ShortOfCores of a core, or N threads less than
// that of N cores, and who took the rest: the figures are then limited by
// the machine, not the cipher.
func shortOfCores(r *result.Results) []string {
	var out []string
	if share, short := r.ShortOfACore(); short {
		out = append(out, fmt.Sprintf("one thread got %.0f%% of a core (a dependent ADD chain sustained %.2f GHz of %.2f): %s, so the figures are low",
			100*share, r.HostRef[0].GHz, r.ClockHz/1e9, r.HostRef[0].Why()))
	}
	for _, ref := range r.HostRef {
		if x, short := r.ShortOfCores(ref.Threads); short {
			out = append(out, fmt.Sprintf("%d threads got %.2fx the work of one (a dependent ADD chain), not %dx: %s, so no cipher could scale further",
				ref.Threads, x, ref.Threads, ref.Why()))
		}
	}
	return out
}
