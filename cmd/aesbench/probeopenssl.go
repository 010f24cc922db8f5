package main

import (
	"context"
	"fmt"
	"io"

	"github.com/aesbench/aesbench/bench/openssl"
	"github.com/aesbench/aesbench/cpuinfo"
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
