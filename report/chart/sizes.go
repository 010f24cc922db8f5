package chart

import (
	"fmt"
	"slices"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/report"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// Sizes draws throughput against message size, one line per host and
// algorithm (colour by algorithm, dash and marker by host), on log axes:
// log2 sizes from 16 bytes to 16 KiB as openssl speed measures them. Nil
// when fewer than two sizes were measured.
func Sizes(c *report.Comparison) (*Chart, error) {
	if len(c.Sizes) < 2 {
		return nil, nil
	}
	if c.Sizes[0] < 1 { // ascending
		return nil, fmt.Errorf("chart sizes: cannot draw the message size %d on a log axis", c.Sizes[0])
	}
	title := "Encryption throughput by message size (higher is faster)"
	p := newPlot(title, "message size, bytes (log2 scale)", UnitKBps+", log scale")
	p.X.Scale = plot.LogScale{}
	p.Y.Scale = plot.LogScale{}
	p.X.Tick.Marker = sizeTicks(c.Sizes)
	p.Y.Tick.Marker = compactTicks{plot.LogTicks{}}
	p.Add(gridX())

	var algos []string
	for _, r := range c.Rows {
		if r.Dir == result.Encrypt && !slices.Contains(algos, r.RowLabel()) {
			algos = append(algos, r.RowLabel())
		}
	}
	for _, r := range c.Rows {
		if err := drawable("sizes", r.KBps); err != nil {
			return nil, err
		}
	}
	if hosts := sizeHosts(c); len(hosts) > maxGrouped {
		return sizePanels(c, algos, hosts), nil
	}
	lo, hi := 0.0, 0.0
	for h, host := range c.Hosts {
		for a, algo := range algos {
			xys := sizeLine(c, h, algo, &lo, &hi)
			if len(xys) == 0 {
				continue
			}
			l, pts, err := plotter.NewLinePoints(xys)
			if err != nil {
				return nil, err
			}
			l.Color = hostColor(a)
			l.Width = vg.Points(1.5)
			l.Dashes = plotutil.Dashes(h)
			pts.Color = hostColor(a)
			pts.Shape = plotutil.Shape(h)
			pts.Radius = vg.Points(3)
			p.Add(l, pts)
			sty := p.Legend.TextStyle
			p.Legend.Add(fit(fitMiddle(host.Label, sty, maxLegend/2)+" "+algo, sty, maxLegend), l, pts)
		}
	}
	if hi == 0 {
		return nil, nil
	}
	p.Y.Min, p.Y.Max = logFloor(lo), logCeil(hi)
	p.X.Min, p.X.Max = float64(c.Sizes[0])/1.3, float64(c.Sizes[len(c.Sizes)-1])*1.3
	return &Chart{Name: "sizes", Title: title, Plot: p}, nil
}

// sizeTicks marks the measured sizes, labelled 16, 64, ..., 1K, 16K.
type sizeTicks []int

func (t sizeTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for _, s := range t {
		if v := float64(s); v >= min && v <= max {
			ts = append(ts, plot.Tick{Value: v, Label: shortSize(s)})
		}
	}
	return ts
}

func shortSize(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return itoa(n>>20) + "M"
	case n >= 1<<10 && n%(1<<10) == 0:
		return itoa(n>>10) + "K"
	}
	return itoa(n)
}

// gridX is light vertical grid lines.
func gridX() *plotter.Grid {
	g := gridY()
	g.Vertical = g.Horizontal
	g.Horizontal.Color = nil
	return g
}

// sizeHosts returns the hosts with an encryption figure.
func sizeHosts(c *report.Comparison) []int {
	var out []int
	for h := range c.Hosts {
		if slices.ContainsFunc(c.Rows, func(r report.CompRow) bool { return r.Dir == result.Encrypt && r.KBps[h] > 0 }) {
			out = append(out, h)
		}
	}
	return out
}

// sizePanels draws Sizes for many hosts: a panel per algorithm, a line
// per host in the host's colour, and one legend of the hosts beside the
// panels.
func sizePanels(c *report.Comparison, algos []string, hosts []int) *Chart {
	title := "Encryption throughput by message size, kB/s on log scales (higher is faster)"
	leg := plot.NewLegend()
	leg.TextStyle.Font.Size = vg.Points(9)
	leg.ThumbnailWidth = vg.Points(18)
	leg.Top, leg.Left = true, true
	var panels []*plot.Plot
	inLegend := map[int]bool{}
	for _, algo := range algos {
		p := newPlot(algo, "", "")
		p.Title.TextStyle.Font.Size = vg.Points(12)
		p.Title.Padding = vg.Points(4)
		p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
		p.X.Tick.Marker = sizeTicks(c.Sizes)
		p.Y.Tick.Marker = compactTicks{plot.LogTicks{}}
		p.Add(gridX())
		lo, hi := 0.0, 0.0
		for _, h := range hosts {
			xys := sizeLine(c, h, algo, &lo, &hi)
			l, pts, err := plotter.NewLinePoints(xys)
			if err != nil || len(xys) == 0 {
				continue
			}
			l.Color, pts.Color = hostColor(h), hostColor(h)
			l.Width = vg.Points(1.2)
			pts.Shape = plotutil.Shape(h) // a second cue beside the hue: lines of equal speed lie on one another
			pts.Radius = vg.Points(2)
			p.Add(l, pts)
			if !inLegend[h] {
				inLegend[h] = true
				leg.Add(fitMiddle(c.Hosts[h].Label, leg.TextStyle, maxLegend), l, pts)
			}
		}
		if hi == 0 {
			continue
		}
		p.Y.Min, p.Y.Max = logFloor(lo), logCeil(hi)
		p.X.Min, p.X.Max = float64(c.Sizes[0])/1.3, float64(c.Sizes[len(c.Sizes)-1])*1.3
		panels = append(panels, p)
	}
	if len(panels) == 0 {
		return nil
	}
	panels[len(panels)-1].X.Label.Text = "message size, bytes (log2 scale)"
	height := max(vg.Length(len(panels))*2.3*vg.Inch+0.8*vg.Inch, vg.Length(len(hosts))*vg.Points(13)+vg.Inch, ChartHeight)
	return &Chart{Name: "sizes", Title: title, Plot: panels[0], panels: panels, legend: &leg, Height: height}
}

// sizeLine is host h's encryption throughput of the row algo (a row
// label) at each size it measured, and widens lo and hi (0: none yet)
// to take them in.
func sizeLine(c *report.Comparison, h int, algo string, lo, hi *float64) plotter.XYs {
	var xys plotter.XYs
	for _, r := range c.Rows {
		if r.RowLabel() == algo && r.Dir == result.Encrypt && r.KBps[h] > 0 {
			xys = append(xys, plotter.XY{X: float64(r.Size), Y: r.KBps[h]})
			if *lo == 0 || r.KBps[h] < *lo {
				*lo = r.KBps[h]
			}
			*hi = max(*hi, r.KBps[h])
		}
	}
	return xys
}
