package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
)

// differences lists the ways the runs differ that skew a comparison:
// different Go versions, sample lengths or counts, sizes measured,
// imported figures beside measured ones, CPU pinning, masked AES-NI,
// noisy cells, and hosts that gave a thread well under a whole core.
func differences(rs []*result.Results, hosts []Host) []string {
	var w []string
	differ := func(what string, value func(i int) string) {
		seen := map[string][]string{}
		var order []string
		for i := range rs {
			v := value(i)
			if _, ok := seen[v]; !ok {
				order = append(order, v)
			}
			seen[v] = append(seen[v], hosts[i].Label)
		}
		if len(order) < 2 {
			return
		}
		parts := make([]string, len(order))
		for i, v := range order {
			parts[i] = fmt.Sprintf("%s on %s", v, someOf(seen[v]))
		}
		w = append(w, fmt.Sprintf("different %s: %s", what, strings.Join(parts, "; ")))
	}
	w = append(w, separateRuns(rs, hosts)...)
	w = append(w, fewRounds(rs, hosts)...)
	w = append(w, hostDrift(rs, hosts)...)
	differ("Go versions", func(i int) string { return orUnknown(rs[i].GoVersion) })
	differ("samples (count x length)", func(i int) string {
		return fmt.Sprintf("%d x %s", rs[i].Count, seconds(rs[i].SampleSeconds))
	})
	differ("sizes measured", func(i int) string {
		var sizes []int
		for _, m := range rs[i].Measurements {
			if !slices.Contains(sizes, m.Size) {
				sizes = append(sizes, m.Size)
			}
		}
		slices.Sort(sizes)
		if len(sizes) == 0 {
			return "none"
		}
		return sizeList(sizes)
	})
	differ("sources", func(i int) string { return hosts[i].Source })
	differ("CPU pinning (run --cpu)", func(i int) string {
		if len(rs[i].PinnedCPUs) == 0 {
			return "none"
		}
		return cpuList(rs[i].PinnedCPUs)
	})
	// With many hosts, one line per kind of warning lists the hosts;
	// with a few, a line per host says it in full.
	group := len(hosts) > MaxColumnHosts
	var masked, noisyHosts, fewHosts, shortHosts []string
	for i, h := range hosts {
		if !h.Masked {
			continue
		}
		if group {
			masked = append(masked, h.Label)
		} else {
			w = append(w, fmt.Sprintf("%s ran with AES-NI masked (--no-aesni): it stands in for a host without AES-NI", hosts[i].Label))
		}
	}
	pcts := map[float64]bool{}
	for i, r := range rs {
		pct := r.NoisyPct
		if pct <= 0 {
			pct = stats.DefaultNoisyPct
		}
		// One figure (an import) has no interval: nothing to tell. Too
		// few for a rerun interval (stats.TooFewForRerun) cannot tell
		// whether a rerun could make a difference, which is their
		// fewness, not noise.
		// A host compared only with the other side of its --interleave
		// run is compared round by round, with no rerun interval:
		// fewRounds speaks for it.
		paired, filesPaired := pairedOnly(rs, i)
		noisy, few, figures := 0, 0, len(r.Measurements)+len(r.Files)
		factors := r.Hosts() // the host factor of each engine's cells
		for _, m := range r.Measurements {
			n := len(m.SamplesKBps)
			if stats.TooFewForRerun(n) && !paired {
				few++
			}
			if n >= stats.MinSamplesForRerun && stats.Noisy(factors[m.Engine].RerunInterval(m.SamplesKBps, 0), pct) {
				noisy++
			}
		}
		for _, f := range r.Files {
			if stats.TooFewForRerun(len(f.SamplesSeconds)) && !filesPaired {
				few++
			}
		}
		if few > 0 {
			if group {
				fewHosts = append(fewHosts, fmt.Sprintf("%s (%d of %d)", hosts[i].Label, few, figures))
			} else {
				w = append(w, fmt.Sprintf("%s: %d of %d figures have fewer than %d samples, too few to tell whether a rerun could make a difference: their ratios rest on the U test alone; measure with --count %d or more", hosts[i].Label, few, figures, stats.MinSamplesForRerun, stats.MinSamplesForRerun))
			}
		}
		if noisy > 0 {
			if group {
				pcts[pct] = true
				noisyHosts = append(noisyHosts, fmt.Sprintf("%s (%d of %d)", hosts[i].Label, noisy, len(r.Measurements)))
			} else if paired {
				w = append(w, fmt.Sprintf("%s: %d of %d cells noisy (95%% rerun interval wider than ±%g%%): a rerun could move their figures that far, but the ratios, paired round by round, carry intervals of their own", hosts[i].Label, noisy, len(r.Measurements), pct))
			} else {
				read := "read their ratios as rough"
				if len(rs) == 1 {
					read = "a rerun could move their figures that far"
				}
				w = append(w, fmt.Sprintf("%s: %d of %d cells noisy (95%% rerun interval wider than ±%g%%): %s; rerun with a larger --count or --precision on a quieter host", hosts[i].Label, noisy, len(r.Measurements), pct, read))
			}
		}
		if share, short := r.ShortOfACore(); short {
			if group {
				shortHosts = append(shortHosts, fmt.Sprintf("%s (%.0f%%)", hosts[i].Label, 100*share))
			} else {
				w = append(w, fmt.Sprintf("%s: one thread got %.0f%% of a core during the run (a dependent ADD chain): %s, so its figures are low by up to as much", hosts[i].Label, 100*share, r.OneThreadRef().Why()))
			}
		}
	}
	if len(masked) > 0 {
		w = append(w, "AES-NI masked (--no-aesni), standing in for hosts without AES-NI: "+someOf(masked))
	}
	if len(fewHosts) > 0 {
		w = append(w, fmt.Sprintf("too few samples to tell whether a rerun could make a difference (fewer than %d; their ratios rest on the U test alone): %s", stats.MinSamplesForRerun, someOf(fewHosts)))
	}
	if len(noisyHosts) > 0 {
		bound := "the default"
		if len(pcts) == 1 {
			for p := range pcts {
				bound = fmt.Sprintf("±%g%%", p)
			}
		}
		w = append(w, fmt.Sprintf("noisy cells (95%% rerun interval wider than %s; read their ratios as rough, rerun with a larger --count): %s", bound, someOf(noisyHosts)))
	}
	if len(shortHosts) > 0 {
		w = append(w, "a thread got well under a whole core (figures low by as much): "+someOf(shortHosts))
	}
	return w
}

// listed is how many hosts a warning names before it counts the rest.
const listed = 4

// someOf joins the hosts a warning is about, the first listed of them
// and how many more: a warning stays a line or two with 20 hosts of long
// names, where listing them all filled a screen.
func someOf(hosts []string) string {
	if len(hosts) <= listed {
		return strings.Join(hosts, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(hosts[:listed], ", "), len(hosts)-listed)
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// separateRuns says, once, when the baseline and another host are separate
// runs of one CPU model (likely one host, measured twice) rather than the
// two sides of one --interleave run: their ratios then also carry what
// the host did between the runs, which no test on the samples can see.
func separateRuns(rs []*result.Results, hosts []Host) []string {
	var same []string
	for i := 1; i < len(rs); i++ {
		if hosts[i].Model != "" && hosts[i].Model == hosts[0].Model && !rs[0].PairedWith(rs[i]) && rs[0].Source != result.SourceImported && rs[i].Source != result.SourceImported {
			same = append(same, hosts[i].Label)
		}
	}
	if len(same) == 0 {
		return nil
	}
	others := strings.Join(same, ", ")
	if len(same) > 3 {
		others = fmt.Sprintf("%d other hosts", len(same))
	}
	return []string{fmt.Sprintf("%s and %s are separate runs on one CPU model: a difference is significant only beyond how far a rerun moves a median (with %d or more samples a side), but a drift of the host slower than a run can still pass for one; compare two configurations of one host with run --interleave", hosts[0].Label, others, stats.MinSamplesForRerun)}
}

// pairedOnly reports whether host i is compared only round by round
// with the other side of its --interleave run (the ratios are against
// the baseline, rs[0]): its cells, and its files when those were timed in
// rounds.
func pairedOnly(rs []*result.Results, i int) (cells, files bool) {
	j := i
	switch {
	case i > 0:
		j = 0
	case len(rs) == 2:
		j = 1
	default: // the baseline of several hosts: at most one is its other side
		return false, false
	}
	return rs[i].PairedWith(rs[j]), rs[i].FilesPairedWith(rs[j])
}

// fewRounds says when the baseline and another host are the two sides of
// one --interleave run with figures of fewer rounds than the sign test
// needs to find any difference (stats.MinPairedRounds): their ratios are
// then ~ however large.
func fewRounds(rs []*result.Results, hosts []Host) []string {
	var w []string
	for i := 1; i < len(rs); i++ {
		if !rs[0].PairedWith(rs[i]) {
			continue
		}
		few, figures := 0, 0
		for _, m := range rs[0].Measurements {
			figures++
			if n := len(m.SamplesKBps); n > 1 && n < stats.MinPairedRounds {
				few++
			}
		}
		if rs[0].FilesPairedWith(rs[i]) {
			for _, f := range rs[0].Files {
				figures++
				if n := len(f.SamplesSeconds); n > 1 && n < stats.MinPairedRounds {
					few++
				}
			}
		}
		if few > 0 {
			w = append(w, fmt.Sprintf("%s and %s: %d of %d figures paired over fewer than %d rounds, too few for the sign test to find any difference (over n rounds its smallest p-value is 2/2^n): their ratios are ~ however large; measure with --count %d or more", hosts[0].Label, hosts[i].Label, few, figures, stats.MinPairedRounds, stats.MinPairedRounds))
		}
	}
	return w
}
