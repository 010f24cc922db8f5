package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/aesbench/aesbench/bench"
)

// engineNames are the engines of aesbench run --engine.
var engineNames = []string{"go", "openssl"}

// parseEngines reads a comma-separated list of engines, dropping repeats.
func parseEngines(list string) ([]string, error) {
	var out []string
	for _, e := range strings.Split(list, ",") {
		e = strings.ToLower(strings.TrimSpace(e))
		if e == "" {
			continue
		}
		if !slices.Contains(engineNames, e) {
			return nil, fmt.Errorf("unknown engine %q (valid: %s)", e, strings.Join(engineNames, ", "))
		}
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no engine given (valid: %s)", strings.Join(engineNames, ", "))
	}
	return out, nil
}

// runOpenSSLEngine measures o's cells with openssl speed and adds them,
// and the openssl's version and CPUINFO, to res. Under --no-aesni the
// child runs with OPENSSL_ia32cap=bench.OpenSSLNoAESNI, and the CPUINFO
// line openssl version -a prints under that environment must show AES-NI
// (bit 57) off, or the run fails.
func runOpenSSLEngine(ctx context.Context, o *runOptions, res *bench.Results, stderr io.Writer) error {
	path, err := bench.FindOpenSSL(o.openssl)
	if err != nil {
		return err
	}
	var env []string
	if o.noAESNI {
		env = []string{"OPENSSL_ia32cap=" + bench.OpenSSLNoAESNI}
	}
	info, err := bench.OpenSSLVersion(ctx, path, env)
	if err != nil {
		return err
	}
	res.OpenSSL = info
	info.Timing = "elapsed"
	if o.cpuTime {
		info.Timing = "cpu"
	}
	if o.noAESNI {
		caps, err := bench.ParseOpenSSLCPUInfo(info.CPUInfo)
		if err != nil {
			return fmt.Errorf("--no-aesni: cannot tell whether openssl took the mask: %w", err)
		}
		if caps.AESNI {
			return fmt.Errorf("--no-aesni: openssl still reports AES-NI under OPENSSL_ia32cap=%s (CPUINFO: %s)", bench.OpenSSLNoAESNI, info.CPUInfo)
		}
	}
	secs := bench.OpenSSLSeconds(o.sample)
	info.Seconds = secs
	if float64(secs) != o.sample.Seconds() {
		fmt.Fprintf(stderr, "aesbench: openssl: --time %v taken as -seconds %d (openssl speed takes whole seconds, at least 1)\n", o.sample, secs)
	}
	fmt.Fprintf(stderr, "aesbench: openssl: %s (%s)\n", info.Version, info.CPUInfo)
	p := newProgress(stderr)
	ms, err := bench.RunOpenSSL(ctx, o.cells, info.Version, bench.OpenSSLConfig{
		Path: path, Env: env, Seconds: secs, Count: o.count, CPUTime: o.cpuTime, NoisyPct: o.noisyPct,
		Warn: func(msg string) { fmt.Fprintf(stderr, "aesbench: warning: %s\n", msg) },
		Progress: func(done, total int, what string) {
			p.update(done, total, fmt.Sprintf("(%d/%d) %s", done, total, what))
		},
	})
	if err != nil {
		return err
	}
	res.Measurements = append(res.Measurements, ms...)
	return nil
}

// noteAEADModes tells, when engines timed an AEAD differently, how each
// did: Go's Seal under a key set up once is not openssl's figure.
func noteAEADModes(w io.Writer, res *bench.Results) {
	modes := map[string][]string{} // algo -> "engine: mode"
	var algos []string
	for _, m := range res.Measurements {
		if m.AEADMode == "" && m.Engine == "go" {
			continue
		}
		a, err := bench.Lookup(m.Algo)
		if err != nil || a.Mode != bench.AEAD {
			continue
		}
		mode := m.AEADMode
		if mode == "" {
			mode = "unknown"
		}
		e := m.Engine + " " + mode
		if !slices.Contains(algos, m.Algo) {
			algos = append(algos, m.Algo)
		}
		if !slices.Contains(modes[m.Algo], e) {
			modes[m.Algo] = append(modes[m.Algo], e)
		}
	}
	for _, a := range algos {
		if len(modes[a]) > 1 {
			fmt.Fprintf(w, "aesbench: note: %s timed as %s (seal: key set up once; per-message: key, IV and tag per message; stream: no tag per message; see --aead-mode)\n", a, strings.Join(modes[a], ", "))
		}
	}
}
