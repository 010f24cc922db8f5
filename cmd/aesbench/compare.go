package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/aesbench/aesbench/bench"
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
	opts := report.CompareOptions{Baseline: *baseline}
	if *size != "all" {
		n, err := bench.ParseSize(*size)
		if err != nil || n < 1 || n > bench.MaxSize {
			return usagef("compare: --size %q: want a size from 1 byte to 64 MiB, or all", *size)
		}
		opts.Sizes = []int{int(n)}
	}
	if fs.NArg() < 1 {
		return usagef("compare: no results files given (try: aesbench compare results/a.json results/b.json)")
	}
	rs, err := readResultsFiles(fs.Args())
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	c, err := report.Compare(rs, opts)
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	warn(stderr, c.Warnings)
	return write(stdout, c)
}

// readResultsFiles reads and checks each results file.
func readResultsFiles(paths []string) ([]*bench.Results, error) {
	var rs []*bench.Results
	for _, p := range paths {
		r, err := bench.ReadResults(p)
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
