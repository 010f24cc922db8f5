package measure

import (
	"fmt"
	"os"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/openssl"
	"github.com/aesbench/aesbench/bench/result"
)

// Import reads saved openssl speed outputs of direction dir into one
// results file's contents, labelled label: engine openssl, source
// imported, one sample per cell, on the processes of -multi when the
// output shows it. Names of the suite become aesbench's ("aes-256 cbc" is
// aes-256-cbc, "des ede3" is 3des-cbc); other algorithms keep their own.
// A cell given twice is an error, and so is an output of -multi that
// some of its processes sent no figures to (killed, openssl still sums
// the others' and exits 0).
func Import(label string, dir result.Direction, files []string) (*result.Results, error) {
	res := &result.Results{
		Schema: result.Schema,
		Label:  label,
		Time:   time.Now().UTC().Truncate(time.Second),
		Count:  1,
		Source: result.SourceImported,
	}
	info := &result.OpenSSLInfo{}
	from := map[result.Key]string{}
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		so, err := openssl.ParseSpeed(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		if so.Threads > 1 && so.Reported != so.Threads {
			return nil, fmt.Errorf("%s: %d of the %d processes of openssl speed -multi sent figures: its totals are not of all", file, so.Reported, so.Threads)
		}
		if info.Version == "" {
			info.Version = so.Version
		}
		if info.CPUInfo == "" {
			info.CPUInfo = so.CPUInfo
		}
		for _, r := range so.Rows {
			for i, size := range r.Sizes {
				k := r.KBps[i]
				m := result.Measurement{Engine: result.EngineOpenSSL, Algo: r.Algo, Direction: dir, Size: size, Threads: so.Threads,
					SamplesKBps: []float64{k}, KBps: k, MinKBps: k, MaxKBps: k}
				if prev, ok := from[m.Key()]; ok {
					return nil, fmt.Errorf("%s: %s at %d bytes on %d processes is already in %s", file, r.Algo, size, so.Threads, prev)
				}
				from[m.Key()] = file
				if a, err := bench.Lookup(r.Algo); err == nil && a.Mode == bench.AEAD {
					m.AEADMode = openssl.AEADMode(so.Version, r.Algo)
				}
				res.Measurements = append(res.Measurements, m)
			}
		}
	}
	if *info != (result.OpenSSLInfo{}) {
		res.OpenSSL = info
	}
	return res, nil
}
