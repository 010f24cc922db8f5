package chart

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/unit"
	"github.com/aesbench/aesbench/report"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Speedup draws how many times faster each algorithm runs on a host
// whose Go crypto uses hardware AES than on one that does not (a masked
// run or a CPU without AES-NI), at one message size. Each host with
// hardware AES is paired once (speedupPairs): with its own --no-aesni
// run, else one no-AES baseline. Up to three pairs are grouped bars;
// more are a panel per algorithm with a bar per pair. Nil when there is
// no such pair.
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
	for _, pr := range speedupPairs(c, with, without) {
		a, b := pr[0], pr[1]
		{
			s := series{name: c.Hosts[a].Label + "\nover " + c.Hosts[b].Label, color: a}
			any := false
			for _, r := range rows {
				x, lo, hi, same := 0.0, 0.0, 0.0, false
				if r.KBps[a] > 0 && r.KBps[b] > 0 {
					var st report.RatioStat
					x, st = c.RatioOf(r, a, b)
					lo, hi, any = st.Lo, st.Hi, true
					same = st.Test != "none" && !st.Significant
				}
				s.values = append(s.values, x)
				s.same = append(s.same, same)
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
	// The legend explains "~" only when a label says it.
	sameNote := ""
	for _, s := range ss {
		if slices.Contains(s.same, true) {
			sameNote = "; " + NotSignificant + ": no significant difference"
		}
	}
	if len(ss) <= maxGrouped {
		// One legend line per pair, each host shortened in its middle.
		sty := newPlot("", "", "").Legend.TextStyle
		for i := range ss {
			a, b, _ := strings.Cut(ss[i].name, "\nover ")
			half := (maxLegend - sty.Width(" over ")) / 2
			ss[i].name = fitMiddle(a, sty, half) + " over " + fitMiddle(b, sty, half)
		}
	} else {
		return panelChart("aesni-speedup", title, UnitTimes+" with hardware AES (dashed: 1x"+sameNote+")", cats, ss, unit.FormatRatio, 1, 2, false), nil
	}
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
	p.Legend.Add("1x: same speed"+sameNote, one)
	return &Chart{Name: "aesni-speedup", Title: title, Plot: p}, nil
}

// speedupPairs pairs each host of with (hardware AES) with one host of
// without: the other side of its --interleave run, else its own
// --no-aesni run (labelled as it is, with -noaesni), else a masked run of
// the same CPU model, else the baseline, the first of without, preferring
// a masked run (the same software on a CPU with AES turned off) over
// another CPU.
func speedupPairs(c *report.Comparison, with, without []int) [][2]int {
	base := without[0]
	for _, b := range without {
		if c.Hosts[b].Masked {
			base = b
			break
		}
	}
	var out [][2]int
	for _, a := range with {
		pick := -1
		for _, b := range without {
			if a < len(c.Results) && b < len(c.Results) && c.Results[a] != nil && c.Results[b] != nil && c.Results[a].PairedWith(c.Results[b]) {
				pick = b
				break
			}
		}
		if pick < 0 {
			for _, b := range without {
				if c.Hosts[b].Masked && c.Hosts[b].Label == c.Hosts[a].Label+"-noaesni" {
					pick = b
					break
				}
			}
		}
		if pick < 0 && c.Hosts[a].Model != "" {
			for _, b := range without {
				if c.Hosts[b].Masked && c.Hosts[b].Model == c.Hosts[a].Model {
					pick = b
					break
				}
			}
		}
		if pick < 0 {
			pick = base
		}
		out = append(out, [2]int{a, pick})
	}
	return out
}
