package chart

import "github.com/aesbench/aesbench/report"

// Files draws each host's time to encrypt each file workload as
// grouped bars; nil when no host has file results.
func Files(c *report.Comparison) (*Chart, error) {
	if len(c.Files) == 0 {
		return nil, nil
	}
	cats, size := c.FileLabels() // the size in the title when the files share it
	ss := make([]series, len(c.Hosts))
	var all []float64
	for h, host := range c.Hosts {
		ss[h].name, ss[h].color = host.Label, h
		for _, f := range c.Files {
			lo, hi := f.Interval(h)
			ss[h].lo, ss[h].hi = append(ss[h].lo, lo), append(ss[h].hi, hi)
			ss[h].values = append(ss[h].values, f.Seconds[h])
			if f.Seconds[h] > 0 {
				all = append(all, f.Seconds[h])
			}
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	if err := drawable("files", valuesOf(ss)...); err != nil {
		return nil, err
	}
	if len(present(ss)) > maxGrouped {
		title := "Time to encrypt a file" + size + ", with the disk I/O, shortest first (lower is faster)"
		return panelChart("files", title, UnitSeconds, cats, present(ss), func(s float64) string { return sig3Fixed(s) + " s" }, 0, 1, true), nil
	}
	p, logY := newBarPlot("Time to encrypt a file"+size+", with the disk I/O%s (lower is faster)", "workload", UnitSeconds, all)
	if err := groupedBars(p, cats, ss, func(s float64) string { return sig3Fixed(s) + " s" }, logY, 0); err != nil {
		return nil, err
	}
	return &Chart{Name: "files", Title: p.Title.Text, Plot: p}, nil
}
