package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/aesbench/aesbench/cpuinfo"
)

func init() {
	register(command{name: "probe", short: "describe the CPU and whether Go gets hardware AES", run: cmdProbe})
}

func cmdProbe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("probe", "probe [--json] [--cpuinfo FILE] [--imds-endpoint URL]", stderr)
	asJSON := fs.Bool("json", false, "print the probe as JSON")
	file := fs.String("cpuinfo", "", "judge a saved /proc/cpuinfo of another host instead of this one")
	endpoint := imdsFlag(fs)
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("probe: unexpected argument %q", fs.Arg(0))
	}
	r, err := probeHost(*file)
	if err != nil {
		return fmt.Errorf("probe: %w", err)
	}
	addEC2(ctx, r, *endpoint, stderr)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if *file == "" {
			return enc.Encode(withOpenSSL{r, probeOpenSSL(ctx)})
		}
		return enc.Encode(r)
	}
	if err := r.WriteText(stdout); err != nil {
		return err
	}
	if *file == "" {
		writeOpenSSLProbe(ctx, stdout)
	}
	return nil
}

// probeHost describes this host, or the host of a saved cpuinfo file.
func probeHost(cpuinfoFile string) (*cpuinfo.Report, error) {
	if cpuinfoFile != "" {
		return cpuinfo.FromFile(cpuinfoFile)
	}
	return cpuinfo.Probe(), nil
}
