package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/aesbench/aesbench/bench/unit"
	"github.com/aesbench/aesbench/report"
	"github.com/aesbench/aesbench/report/chart"
)

func init() {
	register(command{name: "report", short: "write report.md with comparison tables and charts (PNG, SVG)", run: cmdReport})
}

func cmdReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("report", "report RESULTS.json... | RESULTS-DIR --out DIR [flags]", stderr)
	out := fs.String("out", "", "directory for report.md and the charts (required; created if missing)")
	markWrites(fs, "out", "a directory", "report.md and its charts", "")
	markRequired(fs, "out")
	size := fs.String("size", "256", "message size of the bar charts and the first table, in bytes")
	baseline := fs.String("baseline", "", "label of the host the ratios are against (default the first host with hardware AES)")
	layout := fs.String("layout", report.LayoutAuto, "report.md's tables: rows (a row per host), columns (a column per host), or auto (rows for more than 2 hosts, or when columns would not fit 80 columns)")
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return err
	}
	if err := checkLayout("report", *layout); err != nil {
		return err
	}
	if *out == "" {
		return usagef("report: --out DIR is required")
	}
	if fi, err := os.Stat(*out); err == nil && !fi.IsDir() {
		return fmt.Errorf("report: --out %s: not a directory", *out)
	}
	sizes, err := parseCompareSize("report", *size, false)
	if err != nil {
		return err
	}
	c, err := compareFiles(ctx, "report", fs.Args(), report.CompareOptions{Baseline: *baseline, Layout: *layout})
	if err != nil {
		return err
	}
	at, err := c.At(sizes[0], !fs.Changed("size"))
	if err != nil {
		return usagef("report: --size: %w", err)
	}
	if at != sizes[0] {
		say(stderr, "aesbench: ", fmt.Sprintf("%s: the bar charts show %s, the size nearest it %s", notAtDefault(c, sizes[0]), unit.FormatSize(at), nearestWhy(c, at)))
	}
	w, err := chart.Report(ctx, *out, c, at)
	for _, f := range w.Files {
		fmt.Fprintf(stderr, "aesbench: wrote %s\n", f)
	}
	for _, f := range w.Removed {
		fmt.Fprintf(stderr, "aesbench: removed %s (an earlier report's chart)\n", f)
	}
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	warn(stderr, c.Warnings)
	return nil
}
