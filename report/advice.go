package report

import (
	"fmt"

	"github.com/aesbench/aesbench/bench"
)

// advice says what the figures show: on a host whose Go crypto does not
// use hardware AES, how much faster ChaCha20-Poly1305 is than AES-256-GCM;
// on one that does, the other way round. Only where both were measured.
func advice(c *Comparison) []string {
	var out []string
	for h, host := range c.Hosts {
		gcm, chacha, size := commonEncrypt(c.Rows, h, "aes-256-gcm", "chacha20-poly1305")
		if gcm == 0 || chacha == 0 {
			continue
		}
		at := fmt.Sprintf("at %s", bench.FormatSize(size))
		switch {
		case !host.HardwareAES && chacha > gcm:
			out = append(out, fmt.Sprintf("%s: no hardware AES, and chacha20-poly1305 is %.2fx faster than aes-256-gcm here (%s): prefer it", host.Label, chacha/gcm, at))
		case host.HardwareAES && gcm > chacha:
			out = append(out, fmt.Sprintf("%s: hardware AES, and aes-256-gcm is %.2fx faster than chacha20-poly1305 here (%s)", host.Label, gcm/chacha, at))
		}
	}
	for _, r := range c.Rows {
		if r.Algo != "aes-256-cbc" || r.Dir != bench.Encrypt || r.Engine != "go" {
			continue
		}
		for j, x := range r.Ratios {
			other := c.Hosts[j+1]
			if x >= 2 && c.Hosts[0].HardwareAES && !other.HardwareAES {
				out = append(out, fmt.Sprintf("%s encrypts aes-256-cbc %.2fx faster than %s at %s: hardware AES matters for AES workloads", c.Hosts[0].Label, x, other.Label, bench.FormatSize(r.Size)))
			}
		}
	}
	return out
}

// commonEncrypt finds host h's Go encryption figures for algorithms a and
// b at the largest size at which both were measured.
func commonEncrypt(rows []CompRow, h int, a, b string) (ka, kb float64, size int) {
	find := func(algo string, s int) float64 {
		for _, r := range rows {
			if r.Algo == algo && r.Size == s && r.Dir == bench.Encrypt && r.Engine == "go" {
				return r.KBps[h]
			}
		}
		return 0
	}
	for _, r := range rows {
		if r.Algo != a || r.Dir != bench.Encrypt || r.Engine != "go" {
			continue
		}
		if x, y := find(a, r.Size), find(b, r.Size); x > 0 && y > 0 && r.Size >= size {
			ka, kb, size = x, y, r.Size
		}
	}
	return ka, kb, size
}
