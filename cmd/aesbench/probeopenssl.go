package main

import (
	"context"
	"fmt"
	"io"

	"github.com/aesbench/aesbench/bench"
)

// writeOpenSSLProbe adds the openssl on PATH to the text of aesbench
// probe: its version and whether it uses AES-NI, read from the CPUINFO
// line of openssl version -a (bit 57 of the first OPENSSL_ia32cap word is
// AES-NI, bit 33 PCLMULQDQ). Without openssl it says so.
func writeOpenSSLProbe(ctx context.Context, w io.Writer) {
	path, err := bench.FindOpenSSL("")
	if err != nil {
		fmt.Fprintf(w, "openssl                none on PATH\n")
		return
	}
	info, err := bench.OpenSSLVersion(ctx, path, nil)
	if err != nil {
		fmt.Fprintf(w, "openssl                %s: %v\n", path, err)
		return
	}
	fmt.Fprintf(w, "openssl                %s (%s)\n", info.Version, path)
	caps, err := bench.ParseOpenSSLCPUInfo(info.CPUInfo)
	if err != nil {
		fmt.Fprintf(w, "openssl AES-NI         unknown (no CPUINFO line in openssl version -a; OpenSSL before 1.1.1 prints none)\n")
		return
	}
	fmt.Fprintf(w, "openssl AES-NI         %s, PCLMULQDQ %s (bits 57 and 33 of the first word of CPUINFO from openssl version -a: %s)\n",
		yesNo(caps.AESNI), yesNo(caps.PCLMULQDQ), info.CPUInfo)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
