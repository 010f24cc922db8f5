package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/aesbench/aesbench/bench"
)

// checkFileFlags records run's --file, --cold and --fsync. A path that does
// not exist, is a directory or is empty is the user's mistake: a usage
// error. Failures to read a file come later, as plain errors.
func checkFileFlags(o *runOptions, files []string, cold, fsync bool) error {
	if len(files) == 0 && (cold || fsync) {
		return usagef("run: --cold and --fsync need --file")
	}
	for _, f := range files {
		if _, err := bench.CheckFile(f); err != nil {
			if errors.Is(err, bench.ErrBadFile) {
				return usagef("run: --file %w", err)
			}
			return fmt.Errorf("run: --file %w", err)
		}
	}
	o.files, o.cold, o.fsync = files, cold, fsync
	return nil
}

// runFiles measures the whole-file workloads of --file, with openssl enc
// beside Go when openssl is installed.
// runFiles times o's files and, when openssl enc was timed beside Go and
// no openssl engine has recorded it yet, adds openssl's version to res.
func runFiles(ctx context.Context, o *runOptions, res *bench.Results, stderr io.Writer) ([]bench.FileMeasurement, error) {
	if len(o.files) == 0 {
		return nil, nil
	}
	var algos []*bench.Algorithm
	for _, c := range o.cells {
		if len(algos) == 0 || algos[len(algos)-1] != c.Algo {
			algos = append(algos, c.Algo)
		}
	}
	cfg := bench.FileConfig{
		Count: o.count, Cold: o.cold, Fsync: o.fsync,
		Note: func(msg string) { fmt.Fprintf(stderr, "aesbench: %s\n", msg) },
	}
	if path, err := bench.FindOpenSSL(o.openssl); err == nil {
		cfg.OpenSSL = path
		if o.noAESNI && runtime.GOARCH == "amd64" {
			cfg.OpenSSLEnv = []string{"OPENSSL_ia32cap=" + bench.OpenSSLNoAESNI}
		}
		if res.OpenSSL == nil {
			if info, err := bench.OpenSSLVersion(ctx, path, cfg.OpenSSLEnv); err == nil {
				res.OpenSSL = info
			}
		}
	} else {
		cfg.Note("file: openssl not found: timing Go only")
	}
	cfg.Progress = newProgress(stderr).update
	return bench.RunFiles(ctx, o.files, algos, cfg)
}
