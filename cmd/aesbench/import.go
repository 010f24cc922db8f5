package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/aesbench/aesbench/bench/measure"
	"github.com/aesbench/aesbench/bench/result"
)

func init() {
	register(command{name: "import", short: "turn saved openssl speed outputs into a results file", run: cmdImport})
}

func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import", "import FILE... --label NAME [--out FILE] [--decrypt]", stderr)
	label := fs.String("label", "", "name of the measured host in results and comparisons (required)")
	markRequired(fs, "label")
	out := fs.String("out", "", "results file (default results/<label>.json)")
	markWrites(fs, "out", "a file", "a file", "")
	decrypt := fs.Bool("decrypt", false, "the files are of openssl speed -decrypt (their output does not say so)")
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("import: no file given")
	}
	if *label == "" {
		return usagef("import: --label is required")
	}
	if err := checkLabel("import", *label); err != nil {
		return err
	}
	dir := result.Encrypt
	if *decrypt {
		dir = result.Decrypt
	}
	outDefault := *out == ""
	if outDefault {
		var err error
		if *out, err = defaultOut("import", *label); err != nil {
			return err
		}
	}
	if err := checkOutNotInput("import", *out, "", fs.Args()); err != nil {
		return err
	}
	res, err := measure.Import(*label, dir, fs.Args())
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if outDefault {
		if err := os.MkdirAll("results", 0o755); err != nil {
			return fmt.Errorf("import: %w", err)
		}
	}
	if err := res.WriteFile(*out); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	fmt.Fprintf(stderr, "aesbench: imported %s from %s into %s (one sample per cell)\n", count(len(res.Measurements), "figure"), count(fs.NArg(), "file"), *out)
	return nil
}

// count is n and noun, plural unless n is 1: "1 file", "2 files".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
