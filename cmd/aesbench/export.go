package main

import (
	"context"
	"fmt"
	"io"

	"github.com/aesbench/aesbench/report"
)

func init() {
	register(command{name: "export", short: "turn results files into the Go benchmark format, for benchstat", run: cmdExport})
}

// cmdExport writes saved results files on stdout in the Go benchmark
// format (report.WriteGoBenchRuns): what run --format gobench prints, for
// files measured before, imported, or from other hosts.
func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "export [--format gobench] RESULTS.json...", stderr)
	format := fs.String("format", "gobench", "output: gobench (Go benchmark format, one line per sample, for benchstat; names and configuration as go test -bench ./bench prints them)")
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return err
	}
	if *format != "gobench" {
		return usagef("export: --format %q: want gobench", *format)
	}
	if fs.NArg() == 0 {
		return usagef("export: no results files given (try: aesbench export results/a.json > a.txt)")
	}
	rs, err := readResultsFiles(ctx, fs.Args())
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := report.WriteGoBenchRuns(stdout, rs); err != nil {
		return err
	}
	_, warnings := report.Labels(rs, "exported")
	warn(stderr, warnings)
	return nil
}
