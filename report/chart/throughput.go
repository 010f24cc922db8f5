package chart

import (
	"fmt"
	"slices"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/report"
)

// Throughput draws each host's throughput per algorithm at one
// message size as grouped bars, with the figure on each bar; nil when no
// host measured that size.
func Throughput(c *report.Comparison, size int) (*Chart, error) {
	var cats []string
	var rows []report.CompRow
	for _, r := range c.Rows {
		if r.Size == size {
			cats = append(cats, r.RowLabel())
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return nil, nil
	}
	ss := make([]series, len(c.Hosts))
	var all []float64
	for h, host := range c.Hosts {
		ss[h].name, ss[h].color = host.Label, h
		for _, r := range rows {
			lo, hi := r.Interval(h)
			ss[h].lo, ss[h].hi = append(ss[h].lo, lo), append(ss[h].hi, hi)
			ss[h].values = append(ss[h].values, r.KBps[h])
			if r.KBps[h] > 0 {
				all = append(all, r.KBps[h])
			}
		}
	}
	if len(all) == 0 { // every figure 0: openssl printed 0.00
		return nil, nil
	}
	if err := drawable("throughput", valuesOf(ss)...); err != nil {
		return nil, err
	}
	what := "Encryption throughput"
	if slices.ContainsFunc(rows, func(r report.CompRow) bool { return r.Dir != result.Encrypt }) {
		what = "Throughput"
	}
	if len(present(ss)) > maxGrouped {
		title := fmt.Sprintf("%s at %d-byte messages, fastest first (higher is faster)", what, size)
		return panelChart("throughput", title, UnitKBps, cats, present(ss), compact, 0, 1, false), nil
	}
	what = "Encryption throughput"
	if slices.ContainsFunc(rows, func(r report.CompRow) bool { return r.Dir != result.Encrypt }) {
		what = "Throughput"
	}
	p, logY := newBarPlot(fmt.Sprintf("%s at %d-byte messages%%s (higher is faster)", what, size), "algorithm", UnitKBps, all)
	if err := groupedBars(p, cats, ss, compact, logY, 0); err != nil {
		return nil, err
	}
	return &Chart{Name: "throughput", Title: p.Title.Text, Plot: p}, nil
}
