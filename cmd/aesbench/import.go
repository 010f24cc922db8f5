package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/aesbench/aesbench/bench"
)

func init() {
	register(command{name: "import", short: "turn saved openssl speed outputs into a results file", run: cmdImport})
}

func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import", "import FILE... --label NAME [--out FILE] [--decrypt]", stderr)
	label := fs.String("label", "", "name of the measured host in results and comparisons (required)")
	out := fs.String("out", "", "results file (default results/<label>.json)")
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
	dir := bench.Encrypt
	if *decrypt {
		dir = bench.Decrypt
	}
	res, err := importSpeed(*label, dir, fs.Args())
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if *out == "" {
		*out = filepath.Join("results", safeName(*label)+".json")
		if err := os.MkdirAll("results", 0o755); err != nil {
			return fmt.Errorf("import: %w", err)
		}
	}
	if err := res.WriteFile(*out); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	fmt.Fprintf(stderr, "aesbench: imported %d figures from %d files into %s (one sample per cell)\n", len(res.Measurements), fs.NArg(), *out)
	return nil
}

// importSpeed reads saved openssl speed outputs of direction dir into one
// results file: engine "openssl", source "imported", one sample per cell,
// on the processes of -multi when the output shows it. Names of the suite
// become aesbench's ("aes-256 cbc" is aes-256-cbc, "des ede3" is
// 3des-cbc); other algorithms keep their own. A cell given twice is an
// error.
func importSpeed(label string, dir bench.Direction, files []string) (*bench.Results, error) {
	res := &bench.Results{
		Schema: bench.Schema,
		Label:  label,
		Time:   time.Now().UTC().Truncate(time.Second),
		Count:  1,
		Source: "imported",
	}
	info := &bench.OpenSSLInfo{}
	from := map[string]string{}
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		so, err := bench.ParseSpeed(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		if info.Version == "" {
			info.Version = so.Version
		}
		if info.CPUInfo == "" {
			info.CPUInfo = so.CPUInfo
		}
		for _, r := range so.Rows {
			for i, size := range r.Sizes {
				key := fmt.Sprintf("%s/%d/%d", r.Algo, size, so.Threads)
				if prev, ok := from[key]; ok {
					return nil, fmt.Errorf("%s: %s at %d bytes on %d processes is already in %s", file, r.Algo, size, so.Threads, prev)
				}
				from[key] = file
				k := r.KBps[i]
				m := bench.Measurement{Engine: "openssl", Algo: r.Algo, Direction: dir, Size: size, Threads: so.Threads,
					SamplesKBps: []float64{k}, KBps: k, MinKBps: k, MaxKBps: k}
				if a, err := bench.Lookup(r.Algo); err == nil && a.Mode == bench.AEAD {
					m.AEADMode = bench.OpenSSLAEADMode(so.Version, r.Algo)
				}
				res.Measurements = append(res.Measurements, m)
			}
		}
	}
	if *info != (bench.OpenSSLInfo{}) {
		res.OpenSSL = info
	}
	return res, nil
}
