package report

import (
	"encoding/csv"
	"io"
	"strconv"
)

// WriteCompareCSV prints the comparison as CSV for spreadsheets: one line
// per row and host, figures as plain numbers (kB/s for throughput, seconds
// for files) and the baseline's ratio to that host; empty where a host did
// not measure a cell, and for the baseline's own ratio. Each ratio comes
// with its 95% interval, p-value (empty when no test was made, test
// "none"), significance and test (RatioStat), and
// "within": "rerun" or "drift" when the U test found a difference that a
// rerun, or the host's own drift between the runs, could make.
func WriteCompareCSV(w io.Writer, c *Comparison) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"kind", "engine", "algo", "direction", "size_bytes", "threads", "host", "value", "unit", "baseline", "baseline_times_faster", "ratio_ci_low", "ratio_ci_high", "p", "significant", "test", "within"})
	num := func(x float64, prec int) string {
		if x <= 0 {
			return ""
		}
		return strconv.FormatFloat(x, 'f', prec, 64)
	}
	ratio := func(h int, ratios []float64, st []RatioStat) []string {
		if h == 0 {
			return []string{"", "", "", "", "", "", ""}
		}
		s := st[h-1]
		within := "" // why a difference the U test found is not significant
		switch {
		case s.WithinRerun:
			within = "rerun"
		case s.WithinDrift:
			within = "drift"
		}
		p := strconv.FormatFloat(s.P, 'g', 3, 64)
		if s.Test == "none" {
			p = "" // no test was made: no p-value, not p = 1
		}
		return []string{num(ratios[h-1], 4), num(s.Lo, 4), num(s.Hi, 4), p, strconv.FormatBool(s.Significant), s.Test, within}
	}
	base := c.Hosts[0].Label
	for _, r := range c.Rows {
		for h, host := range c.Hosts {
			cw.Write(append([]string{"throughput", string(r.Engine), r.Algo, string(r.Dir), strconv.Itoa(r.Size), strconv.Itoa(max(r.Threads, 1)), host.Label, num(r.KBps[h], 2), "kB/s", base}, ratio(h, r.Ratios, r.RatioStats)...))
		}
	}
	for _, f := range c.Files {
		for h, host := range c.Hosts {
			kind := "file"
			if f.Cold {
				kind += " cold"
			}
			if f.Fsync {
				kind += " fsync"
			}
			cw.Write(append([]string{kind, string(f.Engine), f.Algo, "encrypt", strconv.FormatInt(f.Bytes, 10), "1", host.Label, num(f.Seconds[h], 4), "s", base}, ratio(h, f.Ratios, f.RatioStats)...))
		}
	}
	cw.Flush()
	return cw.Error()
}
