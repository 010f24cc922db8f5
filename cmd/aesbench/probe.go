package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/aesbench/aesbench/bench/goengine"
	"github.com/aesbench/aesbench/bench/openssl"
	"github.com/aesbench/aesbench/cpuinfo"
	"github.com/aesbench/aesbench/cpuinfo/probe"
	"github.com/aesbench/aesbench/internal/textwrap"
)

func init() {
	register(command{name: "probe", short: "describe the CPU and whether Go gets hardware AES", run: cmdProbe})
}

func cmdProbe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("probe", "probe [--json] [--cpus] [--cpuinfo FILE] [--imds-endpoint URL]", stderr)
	asJSON := fs.Bool("json", false, "print the probe as JSON")
	file := fs.String("cpuinfo", "", "judge a saved /proc/cpuinfo of another host instead of this one")
	cpus := fs.Bool("cpus", false, "also time each CPU alone, pinned (Linux, amd64 or arm64): its clock, the share of it sustained\nover 0.2 s (short when other processes here or the host take turns on it) and its AES-256-GCM rate\n(about 0.4 s per CPU)")
	endpoint := imdsFlag(fs)
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("probe: unexpected argument %q", fs.Arg(0))
	}
	if *cpus && *file != "" {
		return usagef("probe: --cpus times this host's CPUs; it cannot go with --cpuinfo")
	}
	r, err := probeHost(*file)
	if err != nil {
		return fmt.Errorf("probe: %w", err)
	}
	addEC2(ctx, r, *endpoint, stderr)
	if *cpus {
		fmt.Fprintf(stderr, "aesbench: timing each CPU alone (%d in all)\n", r.LogicalCPUs)
		if r.CPUs, err = goengine.MeasureCPUs(ctx, cpuSustain); err != nil {
			return fmt.Errorf("probe: --cpus: %w", err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if *file == "" {
			return enc.Encode(withOpenSSL{r, openssl.Inspect(ctx, "")})
		}
		return enc.Encode(r)
	}
	if err := r.WriteRows(stdout); err != nil {
		return err
	}
	if *file == "" {
		writeOpenSSLProbe(ctx, stdout)
	}
	if err := r.WriteVerdict(stdout); err != nil {
		return err
	}
	if len(r.CPUs) > 0 {
		fmt.Fprintln(stdout, "\n"+textwrap.Hanging("Each CPU alone, by a thread pinned to it: a dependent ADD chain's best 1 ms trial (the clock), its rate over 0.2 s (sustained), and AES-256-GCM on 16 KiB messages for 0.1 s:", 0, cpuinfo.TextWidth))
		return cpuinfo.WriteCPUs(stdout, r.CPUs)
	}
	return nil
}

// cpuSustain is how long probe --cpus runs the chain on each CPU to see
// what it sustains: long enough to span a hypervisor's time slices.
const cpuSustain = 200 * time.Millisecond

// probeHost describes this host, or the host of a saved cpuinfo file.
func probeHost(cpuinfoFile string) (*cpuinfo.Report, error) {
	if cpuinfoFile != "" {
		return cpuinfo.FromFile(cpuinfoFile)
	}
	return probe.Host(), nil
}
