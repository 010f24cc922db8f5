package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/unit"
	"github.com/aesbench/aesbench/report"
)

func init() {
	register(command{name: "compare", short: "compare hosts' results side by side, with how many times faster each is", run: cmdCompare})
}

// compareFormats are the --format values of compare and their writers.
var compareFormats = map[string]func(io.Writer, *report.Comparison) error{
	"text":     report.WriteCompareText,
	"markdown": report.WriteCompareMarkdown,
	"csv":      report.WriteCompareCSV,
	"json":     report.WriteCompareJSON,
}

func cmdCompare(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("compare", "compare A.json B.json [C.json ...] [flags]", stderr)
	size := fs.String("size", "256", "message size to compare, in bytes (16k accepted), or all")
	format := fs.String("format", "text", "output: text, markdown, csv or json")
	baseline := fs.String("baseline", "", "label of the host the ratios are against (default the first)")
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return err
	}
	write, ok := compareFormats[*format]
	if !ok {
		return usagef("compare: --format %q: want text, markdown, csv or json", *format)
	}
	sizes, err := parseCompareSize("compare", *size, true)
	if err != nil {
		return err
	}
	c, err := compareFiles(ctx, "compare", fs.Args(), report.CompareOptions{Sizes: sizes, Baseline: *baseline}, stderr)
	if err != nil {
		return err
	}
	return write(stdout, c)
}

// parseCompareSize reads the --size of compare and report: one message
// size, or (when all may be) "all", which is nil.
func parseCompareSize(cmd, s string, all bool) ([]int, error) {
	if all && s == "all" {
		return nil, nil
	}
	n, err := unit.ParseSize(s)
	if err != nil || n < 1 || n > bench.MaxSize {
		want := "a size from 1 byte to 64 MiB"
		if all {
			want += ", or all"
		}
		return nil, usagef("%s: --size %q: want %s", cmd, s, want)
	}
	return []int{int(n)}, nil
}

// compareFiles reads the results files of compare or report and puts them
// side by side, telling the comparison's warnings on stderr. It stops
// with ctx's error between files when ctx is done.
func compareFiles(ctx context.Context, cmd string, paths []string, opts report.CompareOptions, stderr io.Writer) (*report.Comparison, error) {
	if len(paths) < 1 {
		try := "aesbench " + cmd + " results/a.json results/b.json"
		if cmd == "report" {
			try += " --out results/report"
		}
		return nil, usagef("%s: no results files given (try: %s)", cmd, try)
	}
	rs, err := readResultsFiles(ctx, paths)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	c, err := report.Compare(rs, opts)
	if errors.Is(err, report.ErrUnknownBaseline) {
		return nil, usagef("%s: %w", cmd, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	warn(stderr, c.Warnings)
	return c, nil
}

// readResultsFiles reads and checks each results file.
func readResultsFiles(ctx context.Context, paths []string) ([]*result.Results, error) {
	var rs []*result.Results
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r, err := result.Read(p)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, nil
}

func warn(stderr io.Writer, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintf(stderr, "aesbench: warning: %s\n", strings.TrimSpace(w))
	}
}
