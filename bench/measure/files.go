package measure

import (
	"context"
	"fmt"
	"runtime"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/filecrypt"
	"github.com/aesbench/aesbench/bench/openssl"
	"github.com/aesbench/aesbench/bench/result"
)

// prepareFiles checks o's files before anything is measured
// (filecrypt.Preflight) and finds the openssl whose enc is timed beside
// Go: an --openssl that is not there fails the run; without one, the
// openssl on PATH is used when there is one, and Go alone is timed
// otherwise. It returns nil when there are no files, and an openssl
// setup without a path for Go alone.
func prepareFiles(ctx context.Context, o Options) (*opensslSetup, error) {
	if len(o.Files) == 0 {
		return nil, nil
	}
	if err := filecrypt.Preflight(o.Files); err != nil {
		return nil, err
	}
	path, err := openssl.Find(o.OpenSSL)
	switch {
	case err != nil && o.OpenSSL != "":
		return nil, fmt.Errorf("file: %w", err)
	case err != nil:
		o.Progress.Note("file: openssl not found: timing Go only")
		return &opensslSetup{}, nil
	}
	osl := &opensslSetup{path: path}
	if runtime.GOARCH == "amd64" {
		osl.env = opensslEnv(o)
	}
	if info, err := openssl.Version(ctx, path, osl.env); err == nil {
		osl.info = info
	} else if ctx.Err() != nil {
		return nil, err
	}
	return osl, nil
}

// runFiles times o's files with every algorithm of o's cells, with
// openssl enc beside Go when prepareFiles found an openssl (osl), and
// adds them to res; when openssl enc was timed and no openssl engine
// recorded it yet, it adds openssl's version too.
func runFiles(ctx context.Context, o Options, osl *opensslSetup, res *result.Results) error {
	if len(o.Files) == 0 {
		return nil
	}
	var algos []*bench.Algorithm
	for _, c := range o.Cells {
		if len(algos) == 0 || algos[len(algos)-1] != c.Algo {
			algos = append(algos, c.Algo)
		}
	}
	cfg := filecrypt.Config{
		Count: o.Runs, Cold: o.Cold, Fsync: o.Fsync,
		Note:     o.Progress.Note,
		Progress: o.Progress.Update,
	}
	if osl != nil && osl.path != "" {
		cfg.OpenSSL, cfg.OpenSSLEnv = osl.path, osl.env
		if res.OpenSSL == nil && osl.info != nil {
			res.OpenSSL = osl.info
		}
	}
	var err error
	res.Files, err = filecrypt.Run(ctx, o.Files, algos, cfg)
	return err
}
