package report

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
)

// hostDrift says, for each host that is a separate run of the baseline's
// CPU model, whether the host's own speed moved between the two runs:
// each run times a dependent ADD chain beside its cells (result.HostRef),
// work that no configuration changes (AES-NI, Go version, flags), so a
// significant difference in it (the U test, as the cells') is the host's
// doing, and a cell's difference of that order may be too. Over 24
// back-to-back runs of one shared 2-vCPU VM (three sets, 88 pairs) it
// fired on 22 pairs, and in all 22 the median of the cells' ratios
// moved the same way, by 0.6-2.6% against the chain's 0.4-3.0%. The
// cells' ratios are held against it (compareRuns, Ratio.BeyondDrift):
// one no larger than the chain's move is "~ (drift)". The chain's ratio
// is not divided out: a chain and a cipher need not slow alike, cell by
// cell. Nothing when either run lacks the one-thread
// reference or its samples, or the CPUs differ (then the chain's
// difference is theirs).
func hostDrift(rs []*result.Results, hosts []Host) []string {
	var w []string
	var short []moved
	for i := 1; i < len(rs); i++ {
		r, ok := HostMoved(rs[0], rs[i])
		if !ok || !r.Significant() {
			continue
		}
		base, ref := oneThreadRef(rs[0]), oneThreadRef(rs[i])
		how := "faster"
		pct, lo, hi := 100*(r.Ratio-1), 100*(r.Lo-1), 100*(r.Hi-1)
		if r.Ratio < 1 {
			how, pct, lo, hi = "slower", -pct, -hi, -lo
		}
		interval := ""
		if r.Bounded() {
			interval = fmt.Sprintf(" [%.1f%% to %.1f%%]", lo, hi)
		}
		short = append(short, moved{fmt.Sprintf("%s %.1f%%%s %s", hosts[i].Label, pct, interval, how), pct})
		w = append(w, fmt.Sprintf("the host's own speed moved between the runs: a dependent ADD chain, timed beside the cells, ran %.1f%%%s %s in %s than in %s (%.2f GHz against %.2f): a difference of that order may be the host's drift rather than the configuration's, and prints as ~ (drift)", pct, interval, how, hosts[i].Label, hosts[0].Label, ref.GHz, base.GHz))
	}
	if len(w) > MaxColumnHosts {
		// Many runs of one model, as a fleet of one instance type: one line.
		// The furthest moves first, as many as someOf names.
		slices.SortStableFunc(short, func(a, b moved) int { return cmp.Compare(b.pct, a.pct) })
		var says []string
		for _, m := range short {
			says = append(says, m.says)
		}
		return []string{fmt.Sprintf("the host's own speed moved between runs: a dependent ADD chain, timed beside the cells, ran differently than in %s on %s; a difference of that order may be the host's drift rather than the configuration's, and prints as ~ (drift)", hosts[0].Label, someOf(says))}
	}
	return w
}

// moved is how far one host's chain moved from the baseline's, as the
// one-line warning says it, and by how much (percent, either way).
type moved struct {
	says string
	pct  float64
}

// HostMoved compares other's one-thread host reference (the ADD chain's
// samples) with base's, as hostDrift does: the ratio of other's over
// base's, its interval and significance. It is false when no such test
// makes sense: either lacks the reference or its samples, their CPU
// models differ or are unknown (a file without a probe), or they are the two sides of one
// interleaved run.
func HostMoved(base, other *result.Results) (stats.Ratio, bool) {
	b, o := oneThreadRef(base), oneThreadRef(other)
	if b == nil || o == nil || base.Probe == nil || other.Probe == nil || base.Probe.Model == "" || base.Probe.Model != other.Probe.Model || base.PairedWith(other) {
		return stats.Ratio{}, false
	}
	return stats.CompareSamples(o.SamplesGHz, b.SamplesGHz), true
}

// oneThreadRef is r's one-thread host reference with its samples; nil
// when it has none.
func oneThreadRef(r *result.Results) *result.HostRef {
	for i, ref := range r.HostRef {
		if ref.Threads == 1 && len(ref.SamplesGHz) > 1 {
			return &r.HostRef[i]
		}
	}
	return nil
}
