package main

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/aesbench/aesbench/bench"
)

// parseStatsFlags checks and fills the statistics, threading and output
// flags of aesbench run: --noisy, --precision, --max-time, --threads and
// --format (with --json as a synonym for --format json).
func parseStatsFlags(o *runOptions, formatSet bool, noisy, precision, threads string) error {
	var err error
	if o.noisyPct, err = parsePercent(noisy); err != nil {
		return usagef("run: --noisy: %w", err)
	}
	if precision != "" {
		if o.precision, err = parsePercent(precision); err != nil {
			return usagef("run: --precision: %w", err)
		}
		if o.precision == 0 {
			return usagef("run: --precision %s: must be positive", precision)
		}
		if o.maxTime <= 0 {
			return usagef("run: --max-time %v: must be positive", o.maxTime)
		}
	}
	if o.threads, err = parseThreads(threads); err != nil {
		return usagef("run: --threads: %w", err)
	}
	switch o.format {
	case "table", "json", "gobench":
	default:
		return usagef("run: --format %q: want table, json or gobench", o.format)
	}
	if o.json {
		if formatSet && o.format != "json" {
			return usagef("run: --json conflicts with --format %s", o.format)
		}
		o.format = "json"
	}
	return nil
}

// parseThreads reads --threads: thread counts from 1 to 1024 or all (one
// per CPU), comma-separated, returned in ascending order without repeats.
func parseThreads(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		n, err := strconv.Atoi(f)
		if f == "all" {
			n, err = runtime.NumCPU(), nil
		}
		if err != nil || n < 1 || n > 1024 {
			return nil, fmt.Errorf("%q: want numbers from 1 to 1024 or all, comma-separated, e.g. 1,all", f)
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out, nil
}

// parsePercent reads a percentage such as "2%", "2" or "0.5%".
func parsePercent(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "%"), 64)
	if err != nil || !(v >= 0 && v <= 1000) { // NaN too
		return 0, fmt.Errorf("%q: want a percentage from 0 to 1000, e.g. 2%%", s)
	}
	return v, nil
}

// warnNoisy lists on w the cells whose confidence interval is wider than
// the run's noisy threshold.
func warnNoisy(w io.Writer, r *bench.Results) {
	var noisy []string
	for _, m := range r.Measurements {
		if !m.Noisy {
			continue
		}
		width := "±∞"
		if m.CIPct >= 0 {
			width = fmt.Sprintf("±%.1f%%", m.CIPct)
		}
		name := fmt.Sprintf("%s %d", m.Algo, m.Size)
		if m.Direction == bench.Decrypt {
			name = fmt.Sprintf("%s decrypt %d", m.Algo, m.Size)
		}
		if m.Engine != "go" {
			name += " (" + m.Engine + ")"
		}
		if m.Threads > 1 {
			name += fmt.Sprintf(" on %d threads", m.Threads)
		}
		noisy = append(noisy, name+" "+width)
	}
	if len(noisy) > 0 {
		fmt.Fprintf(w, "aesbench: warning: %d of %d cells noisy (95%% confidence interval wider than ±%g%%): %s; rerun on a quieter host or with --precision\n",
			len(noisy), len(r.Measurements), r.NoisyPct, strings.Join(noisy, ", "))
	}
}

// warnHost says on w when, by the run's ADD-chain reference, one thread
// got less than bench.ShortOfCores of a core, or N threads less than that
// of N cores, and who took the rest: the figures are then limited by the
// machine, not the cipher.
func warnHost(w io.Writer, r *bench.Results) {
	if share, ok := r.CoreShare(); ok && share < bench.ShortOfCores {
		fmt.Fprintf(w, "aesbench: warning: one thread got %.0f%% of a core (a dependent ADD chain sustained %.2f GHz of %.2f): %s, so the figures are low\n",
			100*share, r.HostRef[0].GHz, r.ClockHz/1e9, r.HostRef[0].Why())
	}
	for _, ref := range r.HostRef {
		if x, ok := r.HostScaling(ref.Threads); ok && x < bench.ShortOfCores*float64(ref.Threads) {
			fmt.Fprintf(w, "aesbench: warning: %d threads got %.2fx the work of one (a dependent ADD chain), not %dx: %s, so no cipher could scale further\n",
				ref.Threads, x, ref.Threads, ref.Why())
		}
	}
}

// addClock estimates the core clock again after the run and, with hz0 from
// before it, fills the results' clock, AESENC latency and cycles per byte.
// An interruption can only make an estimate low, so the higher of the two
// is taken; when they differ by over 5%, w is told that cycles per byte
// are rough. Without an estimate (ok false) it leaves them unknown.
func addClock(w io.Writer, res *bench.Results, hz0 float64, ok bool) {
	if !ok {
		return
	}
	hz1, _ := bench.EstimateClock()
	res.ClockHz = max(hz0, hz1)
	if min(hz0, hz1) < 0.95*res.ClockHz {
		fmt.Fprintf(w, "aesbench: warning: the core clock read %.2f GHz before the run and %.2f GHz after: cycles per byte use the higher, and are rough\n", hz0/1e9, hz1/1e9)
	}
	res.AESENCCycles, _ = bench.AESENCLatency(res.ClockHz)
	hwAES := res.Probe != nil && res.Probe.Go.HardwareAES
	bench.AddCycles(res.Measurements, res.ClockHz, res.AESENCCycles, hwAES)
}
