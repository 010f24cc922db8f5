package measure

import (
	"context"
	"runtime"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/filecrypt"
	"github.com/aesbench/aesbench/bench/openssl"
	"github.com/aesbench/aesbench/bench/result"
)

// runFiles times o's files with every algorithm of o's cells, with
// openssl enc beside Go when openssl is installed, and adds them to res;
// when openssl enc was timed and no openssl engine recorded it yet, it
// adds openssl's version too.
func runFiles(ctx context.Context, o Options, res *result.Results) error {
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
		Count: o.Count, Cold: o.Cold, Fsync: o.Fsync,
		Note:     o.Progress.Note,
		Progress: o.Progress.Update,
	}
	if path, err := openssl.Find(o.OpenSSL); err == nil {
		cfg.OpenSSL = path
		if runtime.GOARCH == "amd64" {
			cfg.OpenSSLEnv = opensslEnv(o)
		}
		if res.OpenSSL == nil {
			if info, err := openssl.Version(ctx, path, cfg.OpenSSLEnv); err == nil {
				res.OpenSSL = info
			}
		}
	} else {
		cfg.Note("file: openssl not found: timing Go only")
	}
	var err error
	res.Files, err = filecrypt.Run(ctx, o.Files, algos, cfg)
	return err
}
