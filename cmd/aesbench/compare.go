package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	"md":       report.WriteCompareMarkdown, // as the file's extension
	"csv":      report.WriteCompareCSV,
	"json":     report.WriteCompareJSON,
}

func cmdCompare(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("compare", "compare A.json B.json [C.json ...] | DIR [flags]", stderr)
	size := fs.String("size", "256", "message size to compare, in bytes (16k accepted), or all")
	format := fs.String("format", "text", "output: text, markdown (md), csv or json")
	baseline := fs.String("baseline", "", "label of the host the ratios are against (default the first host with hardware AES)")
	layout := fs.String("layout", report.LayoutAuto, "text and markdown tables: rows (a row per host), columns (a column per host), or auto (rows for more than 2 hosts, or when columns would not fit 80 columns)")
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return err
	}
	if err := checkLayout("compare", *layout); err != nil {
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
	c, err := compareFiles(ctx, "compare", fs.Args(), report.CompareOptions{Sizes: sizes, Nearest: !fs.Changed("size"), Baseline: *baseline, Layout: *layout})
	if err != nil {
		return err
	}
	if len(sizes) == 1 && len(c.Sizes) == 1 && c.Sizes[0] != sizes[0] {
		say(stderr, "aesbench: ", fmt.Sprintf("%s: showing %s, the size nearest it %s (--size all for every size)", notAtDefault(c, sizes[0]), unit.FormatSize(c.Sizes[0]), nearestWhy(c, c.Sizes[0])))
	}
	if err := write(stdout, c); err != nil {
		return err
	}
	// After the figures, so that they come first on a terminal.
	warn(stderr, c.Warnings)
	return nil
}

// checkLayout checks the --layout of compare and report.
func checkLayout(cmd, layout string) error {
	switch layout {
	case report.LayoutAuto, report.LayoutRows, report.LayoutColumns:
		return nil
	}
	return usagef("%s: --layout %q: want rows, columns or auto", cmd, layout)
}

// parseCompareSize reads the --size of compare and report: one message
// size, or (when all may be) "all", which is nil.
func parseCompareSize(cmd, s string, all bool) ([]int, error) {
	if s == "all" {
		if !all {
			return nil, usagef("%s: --size all: the report's bar charts are at one message size (its sizes chart shows them all); give one, e.g. 256", cmd)
		}
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
// side by side; the caller tells the comparison's warnings. A directory
// stands for every *.json file in it, sorted by name. It stops with ctx's
// error between files when ctx is done.
func compareFiles(ctx context.Context, cmd string, paths []string, opts report.CompareOptions) (*report.Comparison, error) {
	if len(paths) < 1 {
		try := "aesbench " + cmd + " results/a.json results/b.json"
		if cmd == "report" {
			try += " --out results/report"
		}
		return nil, usagef("%s: no results files given (try: %s)", cmd, try)
	}
	paths, err := expandDirs(paths)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	rs, err := readResultsFiles(ctx, paths)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	c, err := report.Compare(rs, opts)
	if errors.Is(err, report.ErrUnknownBaseline) || errors.Is(err, report.ErrSizeNotMeasured) {
		return nil, usagef("%s: %w", cmd, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	return c, nil
}

// expandDirs replaces each directory in paths by the *.json files in it,
// sorted by name; a directory without any is an error.
func expandDirs(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			out = append(out, p) // reading it says what is wrong
			continue
		}
		files, err := filepath.Glob(filepath.Join(p, "*.json"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: a directory without results files (*.json)", p)
		}
		slices.Sort(files)
		out = append(out, files...)
	}
	return out, nil
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
		say(stderr, "aesbench: warning: ", strings.TrimSpace(w))
	}
}

// notAtDefault says why a comparison is not at size, the default --size:
// no host measured it, or the baseline and no other host both did.
func notAtDefault(c *report.Comparison, size int) string {
	if c.Measured(size) {
		return fmt.Sprintf("%s, the default --size, was not measured on both the baseline and another host", unit.FormatSize(size))
	}
	return fmt.Sprintf("no host measured %s, the default --size", unit.FormatSize(size))
}

// nearestWhy says what size, shown instead of the default, has: the
// baseline's figures and another host's, or only some host's.
func nearestWhy(c *report.Comparison, size int) string {
	if c.Compares(size) {
		return "at which two hosts compare"
	}
	return "that was measured"
}
