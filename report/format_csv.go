package report

import (
	"encoding/csv"
	"io"
	"strconv"
)

// WriteCompareCSV prints the comparison as CSV for spreadsheets: one line
// per row and host, figures as plain numbers (kB/s for throughput, seconds
// for files) and the baseline's ratio to that host; empty where a host did
// not measure a cell, and for the baseline's own ratio.
func WriteCompareCSV(w io.Writer, c *Comparison) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"kind", "engine", "algo", "direction", "size_bytes", "threads", "host", "value", "unit", "baseline", "baseline_times_faster"})
	num := func(x float64, prec int) string {
		if x <= 0 {
			return ""
		}
		return strconv.FormatFloat(x, 'f', prec, 64)
	}
	base := c.Hosts[0].Label
	for _, r := range c.Rows {
		for h, host := range c.Hosts {
			x := ""
			if h > 0 {
				x = num(r.Ratios[h-1], 4)
			}
			cw.Write([]string{"throughput", string(r.Engine), r.Algo, string(r.Dir), strconv.Itoa(r.Size), strconv.Itoa(max(r.Threads, 1)), host.Label, num(r.KBps[h], 2), "kB/s", base, x})
		}
	}
	for _, f := range c.Files {
		for h, host := range c.Hosts {
			x := ""
			if h > 0 {
				x = num(f.Ratios[h-1], 4)
			}
			kind := "file"
			if f.Cold {
				kind += " cold"
			}
			if f.Fsync {
				kind += " fsync"
			}
			cw.Write([]string{kind, string(f.Engine), f.Algo, "encrypt", strconv.FormatInt(f.Bytes, 10), "1", host.Label, num(f.Seconds[h], 4), "s", base, x})
		}
	}
	cw.Flush()
	return cw.Error()
}
