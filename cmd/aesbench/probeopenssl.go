package main

import (
	"context"
	"fmt"
	"io"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/cpuinfo"
)

// opensslProbe is what aesbench probe says about the openssl on PATH.
type opensslProbe struct {
	Path      string `json:"path,omitempty"`    // "" when none is on PATH
	Version   string `json:"version,omitempty"` // first line of openssl version -a
	CPUInfo   string `json:"cpuinfo,omitempty"` // its CPUINFO line; "" before 1.1.1
	AESNI     *bool  `json:"aesni,omitempty"`   // bit 57 of the first OPENSSL_ia32cap word; nil when unknown
	PCLMULQDQ *bool  `json:"pclmulqdq,omitempty"`
	Error     string `json:"error,omitempty"` // why the rest is missing
}

// withOpenSSL is the JSON of aesbench probe: the cpuinfo report's fields
// and one more, "openssl".
type withOpenSSL struct {
	*cpuinfo.Report
	OpenSSL *opensslProbe `json:"openssl,omitempty"`
}

// probeOpenSSL finds the openssl on PATH and asks it, through the CPUINFO
// line of openssl version -a, whether it uses AES-NI.
func probeOpenSSL(ctx context.Context) *opensslProbe {
	path, err := bench.FindOpenSSL("")
	if err != nil {
		return &opensslProbe{Error: "no openssl on PATH"}
	}
	p := &opensslProbe{Path: path}
	info, err := bench.OpenSSLVersion(ctx, path, nil)
	if err != nil {
		p.Error = err.Error()
		return p
	}
	p.Version, p.CPUInfo = info.Version, info.CPUInfo
	if caps, err := bench.ParseOpenSSLCPUInfo(info.CPUInfo); err == nil {
		p.AESNI, p.PCLMULQDQ = &caps.AESNI, &caps.PCLMULQDQ
	}
	return p
}

// writeOpenSSLProbe adds the openssl on PATH to the text of aesbench
// probe: its version and whether it uses AES-NI, read from the CPUINFO
// line of openssl version -a (bit 57 of the first OPENSSL_ia32cap word is
// AES-NI, bit 33 PCLMULQDQ, per OPENSSL_ia32cap(3)).
func writeOpenSSLProbe(ctx context.Context, w io.Writer) {
	p := probeOpenSSL(ctx)
	switch {
	case p.Path == "":
		fmt.Fprintf(w, "openssl                none on PATH\n")
	case p.Error != "":
		fmt.Fprintf(w, "openssl                %s\n", p.Error)
	case p.AESNI == nil:
		fmt.Fprintf(w, "openssl                %s (%s)\n", p.Version, p.Path)
		fmt.Fprintf(w, "openssl AES-NI         unknown (no CPUINFO line in openssl version -a; OpenSSL before 1.1.1 prints none)\n")
	default:
		fmt.Fprintf(w, "openssl                %s (%s)\n", p.Version, p.Path)
		fmt.Fprintf(w, "openssl AES-NI         %s, PCLMULQDQ %s (bits 57 and 33 of the first word of CPUINFO from openssl version -a: %s)\n",
			yesNo(*p.AESNI), yesNo(*p.PCLMULQDQ), p.CPUInfo)
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
