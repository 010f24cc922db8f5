package measure

import (
	"context"
	"fmt"

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
	secs := openssl.Seconds(o.Sample)
	info.Seconds = secs
	if float64(secs) != o.Sample.Seconds() {
		o.Progress.Note(fmt.Sprintf("openssl: --time %v taken as -seconds %d (openssl speed takes whole seconds, at least 1)", o.Sample, secs))
	}
	o.Progress.Note(fmt.Sprintf("openssl: %s (%s)", info.Version, info.CPUInfo))
	ms, err := openssl.Run(ctx, o.Cells, info.Version, openssl.Config{
		Path: osl.path, Env: osl.env, Seconds: secs, Count: o.Count, CPUTime: o.CPUTime, NoisyPct: o.NoisyPct,
		Warn: func(msg string) { res.Warnings = append(res.Warnings, msg) },
		Progress: func(done, total int, what string) {
			o.Progress.Update(done, total, fmt.Sprintf("(%d/%d) %s", done, total, what))
		},
	})
	if err != nil {
		return err
	}
	res.Measurements = append(res.Measurements, ms...)
	return nil
}

// OpenSSLProbe is what aesbench probe says about an openssl binary.
type OpenSSLProbe struct {
	Path      string `json:"path,omitempty"`    // "" when none was found
	Version   string `json:"version,omitempty"` // first line of openssl version -a
	CPUInfo   string `json:"cpuinfo,omitempty"` // its CPUINFO line; "" before 1.1.1
	AESNI     *bool  `json:"aesni,omitempty"`   // bit 57 of the first OPENSSL_ia32cap word; nil when unknown
	PCLMULQDQ *bool  `json:"pclmulqdq,omitempty"`
	Error     string `json:"error,omitempty"` // why the rest is missing
}

// ProbeOpenSSL finds the openssl binary path ("" for the one on PATH) and
// asks it, through the CPUINFO line of openssl version -a, whether it
// uses AES-NI.
func ProbeOpenSSL(ctx context.Context, path string) *OpenSSLProbe {
	found, err := openssl.Find(path)
	if err != nil {
		return &OpenSSLProbe{Error: "no openssl on PATH"}
	}
	p := &OpenSSLProbe{Path: found}
	info, err := openssl.Version(ctx, found, nil)
	if err != nil {
		p.Error = err.Error()
		return p
	}
	p.Version, p.CPUInfo = info.Version, info.CPUInfo
	if caps, err := openssl.ParseCPUInfo(info.CPUInfo); err == nil {
		p.AESNI, p.PCLMULQDQ = &caps.AESNI, &caps.PCLMULQDQ
	}
	return p
}
