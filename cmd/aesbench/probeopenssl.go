package main

import (
	"context"
	"fmt"
	"io"

	"github.com/aesbench/aesbench/bench/openssl"
	"github.com/aesbench/aesbench/cpuinfo"
	"github.com/aesbench/aesbench/internal/textwrap"
)

// withOpenSSL is the JSON of aesbench probe: the cpuinfo report's fields
// and one more, "openssl".
type withOpenSSL struct {
	*cpuinfo.Report
	OpenSSL *openssl.Probe `json:"openssl,omitempty"`
}

// writeOpenSSLProbe adds the openssl on PATH to the text of aesbench
// probe: its version and whether it uses AES-NI, read from the CPUINFO
// line of openssl version -a (bit 57 of the first OPENSSL_ia32cap word is
// AES-NI, bit 33 PCLMULQDQ, per OPENSSL_ia32cap(3)).
func writeOpenSSLProbe(ctx context.Context, w io.Writer) {
	p := openssl.Inspect(ctx, "")
	// The rows line up with the probe's own, and a long value goes on
	// under itself.
	const name = cpuinfo.RowNameWidth
	row := func(k, v string) {
		fmt.Fprintf(w, "%-*s%s\n", name, k, textwrap.Hanging(v, name, cpuinfo.TextWidth))
	}
	switch {
	case p.Path == "":
		row("openssl", "none on PATH")
	case p.Error != "":
		row("openssl", p.Error)
	case p.AESNI == nil:
		row("openssl", fmt.Sprintf("%s (%s)", p.Version, p.Path))
		row("openssl AES-NI", "unknown (no CPUINFO line in openssl version -a; OpenSSL before 1.1.1 prints none)")
	default:
		row("openssl", fmt.Sprintf("%s (%s)", p.Version, p.Path))
		row("openssl AES-NI", fmt.Sprintf("%s, PCLMULQDQ %s (bits 57 and 33 of the first word of CPUINFO from openssl version -a: %s)",
			yesNo(*p.AESNI), yesNo(*p.PCLMULQDQ), p.CPUInfo))
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
