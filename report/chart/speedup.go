package chart

import (
	"fmt"
	"image/color"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/unit"
	"github.com/aesbench/aesbench/report"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Speedup draws how many times faster each algorithm runs on a host
// whose Go crypto uses hardware AES than on one that does not (a masked
// run or a CPU without AES-NI), at one message size, one bar per such
// pair. Nil when the hosts are not such a pair.
func Speedup(c *report.Comparison, size int) (*Chart, error) {
	var with, without []int
	for h, host := range c.Hosts {
		if host.HardwareAES {
			with = append(with, h)
		} else {
			without = append(without, h)
		}
	}
	if len(with) == 0 || len(without) == 0 {
		return nil, nil
	}
	var rows []report.CompRow
	var cats []string
	for _, r := range c.Rows {
		if r.Size == size && r.Dir == result.Encrypt {
			rows = append(rows, r)
			cats = append(cats, r.RowLabel())
		}
	}
	for _, r := range rows {
		if err := drawable("aesni-speedup", r.KBps); err != nil {
			return nil, err
		}
	}
	var ss []series
	for _, a := range with {
		for _, b := range without {
			s := series{name: c.Hosts[a].Label + " over " + c.Hosts[b].Label, color: len(ss)}
			any := false
			for _, r := range rows {
				x, lo, hi := 0.0, 0.0, 0.0
				if r.KBps[a] > 0 && r.KBps[b] > 0 {
					var st report.RatioStat
					x, st = c.RatioOf(r, a, b)
					lo, hi, any = st.Lo, st.Hi, true
				}
				s.values = append(s.values, x)
				s.lo, s.hi = append(s.lo, lo), append(s.hi, hi)
			}
			if any {
				ss = append(ss, s)
			}
		}
	}
	if len(ss) == 0 {
		return nil, nil
	}
	if err := drawable("aesni-speedup", valuesOf(ss)...); err != nil {
		return nil, err
	}
	title := fmt.Sprintf("AES-NI speedup at %d-byte messages (1x = no difference)", size)
	p := newPlot(title, "algorithm", UnitTimes+" with hardware AES")
	// The 1x line goes under the bars and their labels.
	one := plotter.NewFunction(func(float64) float64 { return 1 })
	one.XMin, one.XMax = -0.5, float64(len(cats))-0.5
	one.Color = color.Gray{Y: 90}
	one.Width = vg.Points(1)
	one.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(one)
	if err := groupedBars(p, cats, ss, unit.FormatRatio, false, 1); err != nil {
		return nil, err
	}
	p.Legend.Add("1x: same speed", one)
	return &Chart{Name: "aesni-speedup", Title: title, Plot: p}, nil
}
