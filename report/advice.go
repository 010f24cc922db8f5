package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
	"github.com/aesbench/aesbench/bench/unit"
)

// advice says what the figures show: on a host whose Go crypto does not
// use hardware AES, how much faster ChaCha20-Poly1305 is than AES-256-GCM;
// on one that does, the other way round. Only where both were measured,
// and only on a significant difference (stats.CompareSamples): advice
// never rests on noise.
func advice(c *Comparison) []string {
	var out []string
	size := adviceSize(c.Sizes)
	// With many hosts, one line per kind lists the hosts.
	group := len(c.Hosts) > MaxColumnHosts
	var chachaHosts, gcmHosts, slowHosts []string
	for h, host := range c.Hosts {
		gcm, chacha := encryptAt(c.Rows, h, "aes-256-gcm", size), encryptAt(c.Rows, h, "chacha20-poly1305", size)
		if gcm == nil || chacha == nil {
			continue
		}
		// How many times faster each is than the other, with its
		// interval: one test, read both ways.
		gcmX := stats.CompareSamples(gcm.samples[h], chacha.samples[h])
		chachaX := gcmX.Inverse()
		if !gcmX.Significant() {
			continue
		}
		at := fmt.Sprintf("at %s", unit.FormatSize(size))
		switch {
		case group && !host.HardwareAES && chachaX.Ratio > 1:
			chachaHosts = append(chachaHosts, fmt.Sprintf("%s (%s)", host.Label, formatRatio(chachaX.Ratio, ratioStat(chachaX))))
		case group && host.HardwareAES && gcmX.Ratio > 1:
			gcmHosts = append(gcmHosts, fmt.Sprintf("%s (%s)", host.Label, formatRatio(gcmX.Ratio, ratioStat(gcmX))))
		case !host.HardwareAES && chachaX.Ratio > 1:
			out = append(out, fmt.Sprintf("%s: no hardware AES, and chacha20-poly1305 is %s faster than aes-256-gcm here (%s): prefer it", host.Label, formatRatio(chachaX.Ratio, ratioStat(chachaX)), at))
		case host.HardwareAES && gcmX.Ratio > 1:
			out = append(out, fmt.Sprintf("%s: hardware AES, and aes-256-gcm is %s faster than chacha20-poly1305 here (%s)", host.Label, formatRatio(gcmX.Ratio, ratioStat(gcmX)), at))
		}
	}
	for _, r := range c.Rows {
		if r.Algo != "aes-256-cbc" || r.Dir != result.Encrypt || r.Engine != result.EngineGo || r.Size != size || r.Threads > 1 {
			continue
		}
		for j, x := range r.Ratios {
			other, st := c.Hosts[j+1], r.RatioStats[j]
			// At least 2x: the whole interval, where there is one.
			low := st.Lo
			if low <= 0 {
				low = x
			}
			if low >= 2 && st.Significant && c.Hosts[0].HardwareAES && !other.HardwareAES {
				if group {
					slowHosts = append(slowHosts, fmt.Sprintf("%s (%s)", other.Label, formatRatio(x, st)))
					continue
				}
				out = append(out, fmt.Sprintf("%s encrypts aes-256-cbc %s faster than %s at %s: hardware AES matters for AES workloads", c.Hosts[0].Label, formatRatio(x, st), other.Label, unit.FormatSize(r.Size)))
			}
		}
	}
	at := unit.FormatSize(size)
	if len(chachaHosts) > 0 {
		out = append(out, fmt.Sprintf("no hardware AES, and chacha20-poly1305 faster than aes-256-gcm (at %s), so prefer it, on: %s", at, strings.Join(chachaHosts, ", ")))
	}
	if len(gcmHosts) > 0 {
		out = append(out, fmt.Sprintf("hardware AES, and aes-256-gcm faster than chacha20-poly1305 (at %s), on: %s", at, strings.Join(gcmHosts, ", ")))
	}
	if len(slowHosts) > 0 {
		out = append(out, fmt.Sprintf("%s encrypts aes-256-cbc at least 2x faster (at %s; hardware AES matters for AES workloads) than: %s", c.Hosts[0].Label, at, strings.Join(slowHosts, ", ")))
	}
	return out
}

// adviceSize is the one size advice speaks of: 256 bytes, the
// knight/padawan column, when shown, else the largest size shown.
func adviceSize(sizes []int) int {
	if slices.Contains(sizes, DefaultCompareSize) || len(sizes) == 0 {
		return DefaultCompareSize
	}
	return slices.Max(sizes)
}

// encryptAt is the row of one-thread Go encryption of algo at size when
// host h measured it; nil otherwise.
func encryptAt(rows []CompRow, h int, algo string, size int) *CompRow {
	for i, r := range rows {
		if r.Algo == algo && r.Size == size && r.Dir == result.Encrypt && r.Engine == result.EngineGo && r.Threads <= 1 && r.KBps[h] > 0 {
			return &rows[i]
		}
	}
	return nil
}
