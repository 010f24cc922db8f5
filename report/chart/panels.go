package chart

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxGrouped is the most hosts (or pairs) drawn as grouped vertical bars;
// more get horizontal bars, one panel per category.
const maxGrouped = 3

// Sizes of the panels of horizontal bars: the room of one bar and the
// axes, title and padding of a panel.
const (
	barRow     = 0.19 * vg.Inch
	panelExtra = 0.75 * vg.Inch
	maxHostLab = ChartWidth * 0.3 // the widest host label on an axis
)

// panelChart draws ss as small multiples: one panel per category, a
// column of them under title, each with a horizontal bar per series
// sorted fastest first (or by value, largest at the top), its 95% error
// bar, its value, and "n/a" for a series with no value in the category;
// a category where no series has a value gets no panel.
// The chart is as tall as its panels need. lowFirst puts the smallest
// value at the top, for figures where lower is faster. lines is how many lines a
// series' name takes on the axis (1, or 2 for "a over b" pairs).
func panelChart(name, title, xLabel string, cats []string, ss []series, label func(float64) string, ref float64, lines int, lowFirst bool) *Chart {
	var panels []*plot.Plot
	for j, cat := range cats {
		p := newPlot(cat, xLabel, "")
		p.Title.TextStyle.Font.Size = vg.Points(12)
		p.Title.Padding = vg.Points(4)
		p.Title.TextStyle.XAlign = draw.XLeft
		p.Y.Label.Text = ""
		p.X.Label.Text = ""
		p.Add(gridX())
		if !slices.ContainsFunc(ss, func(s series) bool { return j < len(s.values) && s.values[j] > 0 }) {
			continue // no series has a figure here: no empty panel of n/a
		}
		hb := hbars{ref: ref}
		for _, s := range ss {
			b := hbar{name: s.name, color: hostColor(s.color)}
			if j < len(s.values) {
				b.v = s.values[j]
			}
			if s.lo != nil && j < len(s.lo) {
				b.lo, b.hi = s.lo[j], s.hi[j]
			}
			if j < len(s.values) && b.v > 0 {
				b.text = s.valueLabel(j, label)
			}
			hb.bars = append(hb.bars, b)
		}
		// Largest at the top (smallest when lowFirst), missing at the
		// bottom: the y axis counts up.
		slices.SortStableFunc(hb.bars, func(a, b hbar) int {
			if lowFirst && a.v > 0 && b.v > 0 {
				return cmp.Compare(b.v, a.v)
			}
			return cmp.Compare(a.v, b.v)
		})
		lo, hi := math.Inf(1), 0.0
		for _, b := range hb.bars {
			if b.v > 0 {
				lo, hi = min(lo, b.v), max(hi, b.v, b.hi)
			}
		}
		if hi == 0 {
			lo, hi = 1, 1
		}
		if ref > 0 {
			lo, hi = min(lo, ref), max(hi, ref)
		}
		if useLog(lo, hi) {
			hb.base = logFloor(lo)
			p.X.Scale = plot.LogScale{}
			p.X.Tick.Marker = compactTicks{plot.LogTicks{}}
			p.X.Min, p.X.Max = hb.base, hi*3 // room for the values
			p.Title.Text += " (log scale)"
		} else {
			p.X.Tick.Marker = compactTicks{linearTicks{}}
			p.X.Min, p.X.Max = 0, hi*1.22
		}
		names := make([]string, len(hb.bars))
		sty := p.Y.Tick.Label
		for i, b := range hb.bars {
			names[i] = wrapLabel(b.name, sty, maxHostLab, lines)
		}
		p.NominalY(names...)
		p.Y.Min, p.Y.Max = -0.6, float64(len(names))-0.4
		p.Y.Tick.Label.Font.Size = vg.Points(9)
		p.Add(hb)
		panels = append(panels, p)
	}
	if len(panels) == 0 {
		return nil
	}
	panels[len(panels)-1].X.Label.Text = xLabel
	row := barRow * vg.Length(lines)
	height := vg.Length(len(panels))*(row*vg.Length(len(ss))+panelExtra) + 0.8*vg.Inch
	rows := make([]float64, len(panels))
	for i := range rows {
		rows[i] = float64(len(ss))
	}
	return &Chart{Name: name, Title: title, Plot: panels[0], panels: panels, rows: rows, Height: max(height, ChartHeight)}
}

// drawPanels draws the chart's title and its panels in a column, their
// plotting areas aligned.
func (ch Chart) drawPanels(c draw.Canvas) {
	sty := text.Style{Font: font.From(plot.DefaultFont, vg.Points(15)), Handler: plot.DefaultTextHandler}
	c = drawTitle(c, ch.Title, sty, vg.Points(8))
	if ch.legend != nil {
		r := ch.legend.Rectangle(c)
		lw := r.Max.X - r.Min.X + vg.Points(16)
		ch.legend.Draw(draw.Crop(c, c.Max.X-c.Min.X-lw+vg.Points(8), 0, 0, -vg.Points(6)))
		c = draw.Crop(c, 0, -lw, 0, 0)
	}
	c = draw.Crop(c, vg.Points(4), -vg.Points(8), vg.Points(4), 0)
	grid := make([][]*plot.Plot, len(ch.panels))
	for i, p := range ch.panels {
		grid[i] = []*plot.Plot{p}
	}
	// Each panel's share of the height: its rows plus its axes.
	var weights []vg.Length
	var total vg.Length
	for i := range ch.panels {
		w := 3.0 // panels of lines share the height equally
		if ch.rows != nil {
			w = ch.rows[i] + 2.5
		}
		if i == len(ch.panels)-1 {
			w += 1 // the x axis label
		}
		weights = append(weights, vg.Length(w))
		total += vg.Length(w)
	}
	tiles := draw.Tiles{Rows: len(ch.panels), Cols: 1, PadY: vg.Points(6)}
	// plot.Align gives equal tiles; the widths are aligned by it and the
	// heights by hand, cut in proportion to each panel's rows.
	cs := plot.Align(grid, tiles, c)
	height := c.Max.Y - c.Min.Y - vg.Length(len(ch.panels)-1)*tiles.PadY
	top := c.Max.Y
	for i, p := range ch.panels {
		pc := cs[i][0]
		h := height * weights[i] / total
		pc.Max.Y, pc.Min.Y = top, top-h
		top -= h + tiles.PadY
		p.Draw(pc)
	}
}

// hbar is one horizontal bar: a series' value in a panel's category.
type hbar struct {
	name   string
	color  color.Color
	v      float64 // 0 when missing
	lo, hi float64 // its 95% interval; 0 when unknown
	text   string  // the label beside the bar: its value, or "~"
}

// hbars draws a panel's bars, one per y position 0, 1, ..., with error
// bars, values, "n/a" for the missing, and a dashed line at ref when set.
type hbars struct {
	bars []hbar
	base float64 // where the bars start: 0, or the log axis minimum
	ref  float64
}

func (h hbars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	thick := (trY(1) - trY(0)) * 0.72
	sty := text.Style{Font: font.From(plot.DefaultFont, labelSize), Handler: plot.DefaultTextHandler, YAlign: draw.YCenter}
	x0 := trX(max(h.base, p.X.Min))
	ref := vg.Length(-1)
	if h.ref > 0 { // under the bars; their values go clear of it
		ref = trX(h.ref)
		c.StrokeLine2(draw.LineStyle{Color: color.Gray{Y: 90}, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}, ref, c.Min.Y, ref, c.Max.Y)
	}
	for j, b := range h.bars {
		y := trY(float64(j))
		if b.v <= 0 {
			na := sty
			na.Color = color.Gray{Y: 90}
			c.FillText(na, vg.Point{X: x0 + vg.Points(3), Y: y}, "n/a")
			continue
		}
		x1 := trX(b.v)
		r := vg.Rectangle{Min: vg.Point{X: x0, Y: y - thick/2}, Max: vg.Point{X: x1, Y: y + thick/2}}
		pts := []vg.Point{r.Min, {X: r.Min.X, Y: r.Max.Y}, r.Max, {X: r.Max.X, Y: r.Min.Y}}
		c.FillPolygon(b.color, c.ClipPolygonXY(pts))
		c.StrokeLines(draw.LineStyle{Color: color.Black, Width: vg.Points(0.5)}, c.ClipLinesXY(append(pts, r.Min))...)
		end := x1
		if b.lo > 0 && b.hi > 0 {
			lo, hi := trX(b.lo), trX(b.hi)
			cap := min(thick/3, vg.Points(3))
			c.StrokeLine2(errorBarStyle, lo, y, hi, y)
			c.StrokeLine2(errorBarStyle, lo, y-cap, lo, y+cap)
			c.StrokeLine2(errorBarStyle, hi, y-cap, hi, y+cap)
			end = max(end, hi)
		}
		if ref >= end-vg.Points(1) && ref < end+vg.Points(30) {
			end = ref
		}
		c.FillText(sty, vg.Point{X: end + vg.Points(3), Y: y}, b.text)
	}
}

// wrapLabel fits s in width: whole when it fits, else broken at a space,
// '-' or '.' into at most lines lines, each shortened in the middle.
func wrapLabel(s string, sty text.Style, width vg.Length, lines int) string {
	if head, tail, ok := strings.Cut(s, "\n"); ok { // broken already
		return fitMiddle(head, sty, width) + "\n" + fitMiddle(tail, sty, width)
	}
	if sty.Width(s) <= width || lines < 2 {
		return fitMiddle(s, sty, width)
	}
	// The break nearest the middle.
	r := []rune(s)
	best := -1
	for i, c := range r {
		if c == ' ' || c == '-' || c == '.' || c == '_' {
			if best < 0 || abs(i-len(r)/2) < abs(best-len(r)/2) {
				best = i
			}
		}
	}
	if best < 0 {
		best = len(r) / 2
	}
	head := string(r[:best+1])
	if r[best] == ' ' {
		head = string(r[:best])
	}
	return fitMiddle(head, sty, width) + "\n" + fitMiddle(string(r[best+1:]), sty, width)
}

func abs(n int) int { return max(n, -n) }

// fitMiddle cuts s to at most width wide in sty by an ellipsis in the
// middle, keeping both ends, where host names differ most.
func fitMiddle(s string, sty text.Style, width vg.Length) string {
	if sty.Width(s) <= width {
		return s
	}
	r := []rune(s)
	head, tail := (len(r)+1)/2, len(r)/2
	for head+tail > 0 {
		if head >= tail {
			head--
		} else {
			tail--
		}
		if t := string(r[:head]) + "…" + string(r[len(r)-tail:]); sty.Width(t) <= width {
			return t
		}
	}
	return "…"
}
