package measure

import (
	"context"
	"fmt"
	mrand "math/rand/v2"

	"github.com/aesbench/aesbench/bench/openssl"
	"github.com/aesbench/aesbench/bench/result"
)

// opensslEnv is the environment of the openssl child: under o.Masked,
// OPENSSL_ia32cap=openssl.NoAESNI.
func opensslEnv(o Options) []string {
	if o.Masked {
		return []string{"OPENSSL_ia32cap=" + openssl.NoAESNI}
	}
	return nil
}

// opensslSetup is the openssl binary a run uses, found and asked for its
// version before anything is measured.
type opensslSetup struct {
	path string
	env  []string
	info *result.OpenSSLInfo // nil when openssl version -a failed (files only)
}

// prepareOpenSSL finds the openssl binary of the openssl engine and
// asks it for its version and CPUINFO. Under o.Masked the CPUINFO line
// openssl version -a prints with the mask must show AES-NI (bit 57) off,
// or the run fails.
func prepareOpenSSL(ctx context.Context, o Options) (*opensslSetup, error) {
	path, err := openssl.Find(o.OpenSSL)
	if err != nil {
		return nil, err
	}
	env := opensslEnv(o)
	info, err := openssl.Version(ctx, path, env)
	if err != nil {
		return nil, err
	}
	info.Timing = "elapsed"
	if o.CPUTime {
		info.Timing = "cpu"
	}
	if o.Masked {
		caps, err := openssl.ParseCPUInfo(info.CPUInfo)
		if err != nil {
			return nil, fmt.Errorf("--no-aesni: cannot tell whether openssl took the mask: %w", err)
		}
		if caps.AESNI {
			return nil, fmt.Errorf("--no-aesni: openssl still reports AES-NI under OPENSSL_ia32cap=%s (CPUINFO: %s)", openssl.NoAESNI, info.CPUInfo)
		}
	}
	return &opensslSetup{path: path, env: env, info: info}, nil
}

// runOpenSSL measures o's cells with openssl speed, as set up by
// prepareOpenSSL, and adds them, and the openssl's version and CPUINFO,
// to res.
func runOpenSSL(ctx context.Context, o Options, osl *opensslSetup, res *result.Results) error {
	info := osl.info
	res.OpenSSL = info
	secs := opensslSeconds(o)
	info.Seconds = secs
	o.Progress.Note(fmt.Sprintf("openssl: %s (%s)", info.Version, info.CPUInfo))
	cfg := opensslConfig(o, osl.path, secs, res)
	cfg.Env = osl.env
	ms, err := openssl.Run(ctx, o.Cells, info.Version, cfg)
	if err != nil {
		return err
	}
	res.Measurements = append(res.Measurements, ms...)
	return nil
}

// runOpenSSLAB measures o's cells with openssl speed on both sides of a
// same-host A/B in the same rounds (openssl.RunAB), o.Runs of them, each
// side's openssl as prepareOpenSSL set it up (osl), and adds them, and
// each side's openssl version and CPUINFO, to res.
func runOpenSSLAB(ctx context.Context, o Options, osl [2]*opensslSetup, res [2]*result.Results, rng *mrand.Rand) error {
	secs := opensslSeconds(o)
	for i := range res {
		info := *osl[i].info
		info.Seconds = secs
		res[i].OpenSSL = &info
	}
	o.Progress.Note(fmt.Sprintf("openssl: %s: %d rounds, each side one run of every algorithm a round, in a random order", osl[0].info.Version, o.Runs))
	for i, s := range []string{res[0].Label, res[1].Label} {
		o.Progress.Note(fmt.Sprintf("openssl: %s: %s", s, osl[i].info.CPUInfo))
	}
	a, b, err := openssl.RunAB(ctx, o.Cells, osl[0].info.Version, opensslConfig(o, osl[0].path, secs, res[:]...),
		[2][]string{osl[0].env, osl[1].env}, rng)
	if err != nil {
		return err
	}
	res[0].Measurements = append(res[0].Measurements, a...)
	res[1].Measurements = append(res[1].Measurements, b...)
	return nil
}

// opensslConfig is the openssl engine's configuration of o's run with
// the openssl at path for secs a run: its warnings go to every one of
// res, its progress to o's.
func opensslConfig(o Options, path string, secs int, res ...*result.Results) openssl.Config {
	return openssl.Config{
		Path: path, Seconds: secs, Count: o.Runs, CPUTime: o.CPUTime, NoisyPct: o.NoisyPct,
		Warn: func(msg string) {
			for _, r := range res {
				r.Warnings = append(r.Warnings, msg)
			}
		},
		Progress: func(done, total int, what string) {
			o.Progress.Update(done, total, fmt.Sprintf("(%d/%d) %s", done, total, what))
		},
	}
}

// opensslSeconds is openssl speed's -seconds for o.Sample, which it says
// when the two differ.
func opensslSeconds(o Options) int {
	secs := openssl.Seconds(o.Sample)
	if float64(secs) != o.Sample.Seconds() {
		o.Progress.Note(fmt.Sprintf("openssl: --time %v taken as -seconds %d (openssl speed takes whole seconds, at least 1)", o.Sample, secs))
	}
	return secs
}
