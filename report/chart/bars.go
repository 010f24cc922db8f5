package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// labelSize is the font size of the figures on the bars.
const labelSize = 8 // points

// series is one host's bars: a value per category, 0 where missing.
type series struct {
	name   string
	values []float64
	color  int // index for hostColor, so a host keeps its colour across charts
	// lo and hi, when set, are each value's 95% interval, drawn as an
	// error bar; 0 where unknown (too few samples).
	lo, hi []float64
	// same, when set, is true where the value is a ratio that does not
	// differ significantly from 1x: its label is "~", as benchstat
	// writes it, not a figure read as a difference.
	same []bool
}

// valueLabel is the label over value j of s: "~" when it is no
// significant difference, else label of the value.
func (s series) valueLabel(j int, label func(float64) string) string {
	if j < len(s.same) && s.same[j] {
		return NotSignificant
	}
	return label(s.values[j])
}

// present drops the series with no value at all: a host that measured
// none of the chart's categories gets no bar and no legend entry.
func present(ss []series) []series {
	var out []series
	for _, s := range ss {
		for _, v := range s.values {
			if v > 0 {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// valuesOf returns the values of each series.
func valuesOf(ss []series) [][]float64 {
	out := make([][]float64, len(ss))
	for i, s := range ss {
		out[i] = s.values
	}
	return out
}

// groupedBars adds one bar per series in each category, side by side,
// with the value written above each bar by label. On a log axis the bars
// stand on an invisible base at the axis minimum, since a bar cannot
// start at 0 there.
// labelFloor, when above 0, lifts the labels of shorter bars to that
// value, so that a reference line there does not cross them.
func groupedBars(p *plot.Plot, categories []string, ss []series, label func(float64) string, logY bool, labelFloor float64) error {
	ss = present(ss)
	lo, hi := math.Inf(1), 0.0
	for _, s := range ss {
		for _, v := range s.values {
			if v > 0 {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	if hi == 0 {
		lo, hi = 1, 1
	}
	base := 0.0
	if logY {
		base = logFloor(lo)
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = compactTicks{plot.LogTicks{}}
		p.Y.Min = base
		p.Y.Max = hi * 2.5 // room for the labels above the tallest bar
	} else {
		p.Y.Tick.Marker = compactTicks{linearTicks{}}
		p.Y.Min = 0
		p.Y.Max = hi * 1.18
	}
	// Each category gets 80% of the plotting width, shared by its bars.
	plotWidth := ChartWidth * 0.62
	groupWidth := plotWidth / vg.Length(len(categories)) * 0.8
	barWidth := groupWidth / vg.Length(len(ss))
	// Labels turn upright when the widest would not fit over its bar.
	sty := text.Style{Font: font.From(plot.DefaultFont, labelSize), Handler: plot.DefaultTextHandler}
	var widest vg.Length
	for _, s := range ss {
		for _, v := range s.values {
			if v > 0 {
				widest = max(widest, sty.Width(label(v)))
			}
		}
	}
	rotate := widest > barWidth-vg.Points(2)
	intervals := false
	for i, s := range ss {
		vals := make(plotter.Values, len(s.values))
		for j, v := range s.values {
			if v > 0 {
				vals[j] = v - base
			}
		}
		b, err := plotter.NewBarChart(vals, barWidth)
		if err != nil {
			return err
		}
		b.Color = hostColor(s.color)
		b.LineStyle.Width = vg.Points(0.5)
		b.Offset = barWidth*vg.Length(i) - groupWidth/2 + barWidth/2
		if logY {
			floor, _ := plotter.NewBarChart(make(plotter.Values, len(s.values)), barWidth)
			for j := range s.values {
				floor.Values[j] = base
			}
			floor.Offset = b.Offset
			b.StackOn(floor) // copies floor's offset
		}
		p.Add(b)
		p.Legend.Add(fitMiddle(s.name, p.Legend.TextStyle, maxLegend), b)
		if s.lo != nil {
			p.Add(errorBars{lo: s.lo, hi: s.hi, offset: b.Offset})
			intervals = true
		}

		var xys plotter.XYs
		var strs []string
		for j, v := range s.values {
			if v <= 0 {
				// A host without the cell: "n/a" where its bar would
				// stand, not a bar of no height.
				xys = append(xys, plotter.XY{X: float64(j), Y: max(base, labelFloor, p.Y.Min)})
				strs = append(strs, "n/a")
				continue
			}
			if v > 0 {
				top := v // the label goes above the bar and its error bar
				if s.hi != nil {
					top = max(top, s.hi[j])
				}
				xys = append(xys, plotter.XY{X: float64(j), Y: max(top, labelFloor)})
				strs = append(strs, s.valueLabel(j, label))
			}
		}
		if len(xys) == 0 {
			continue
		}
		l, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: strs})
		if err != nil {
			return err
		}
		for k := range l.TextStyle {
			st := &l.TextStyle[k]
			st.Font.Size = labelSize
			st.XAlign = draw.XCenter
			if rotate {
				st.Rotation = math.Pi / 2
				st.XAlign = draw.XLeft
				st.YAlign = draw.YCenter
			}
		}
		l.Offset = vg.Point{X: b.Offset, Y: vg.Points(2)}
		p.Add(l)
	}
	if intervals {
		p.Legend.Add("95% interval", errorBars{})
	}
	p.X.Tick.Label.Font.Size = vg.Points(10)
	short := make([]string, len(categories))
	for i, c := range categories {
		short[i] = fit(c, p.X.Tick.Label, maxCategory)
	}
	p.NominalX(short...)
	p.X.Min, p.X.Max = -0.5, float64(len(categories))-0.5
	if len(categories) > 5 {
		p.X.Tick.Label.Rotation = math.Pi / 8
		p.X.Tick.Label.XAlign = draw.XRight
		p.X.Tick.Label.YAlign = draw.YTop
	}
	return nil
}

// linearTicks labels about six round values on a linear axis (1, 2 or 5
// times a power of ten apart), with unlabelled ticks between.
type linearTicks struct{}

func (linearTicks) Ticks(min, max float64) []plot.Tick {
	if max <= min {
		return plot.DefaultTicks{}.Ticks(min, max)
	}
	raw := (max - min) / 6
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, f := range []float64{1, 2, 5, 10} {
		if f*mag >= raw {
			step = f * mag
			break
		}
	}
	var ts []plot.Tick
	for v := math.Ceil(min/step) * step; v <= max+step*1e-9; v += step {
		ts = append(ts, plot.Tick{Value: v, Label: "x"}) // compactTicks writes the label
		if half := v + step/2; half <= max {
			ts = append(ts, plot.Tick{Value: half})
		}
	}
	return ts
}

// errorBars draws each bar's 95% interval as a vertical line with caps,
// at the bar's own place (the category, shifted by the bar's offset).
type errorBars struct {
	lo, hi []float64
	offset vg.Length
}

var errorBarStyle = draw.LineStyle{Color: color.Black, Width: vg.Points(0.75)}

// Thumbnail draws the legend's sample: one bar with its caps.
func (errorBars) Thumbnail(c *draw.Canvas) {
	x := (c.Min.X + c.Max.X) / 2
	c.StrokeLine2(errorBarStyle, x, c.Min.Y, x, c.Max.Y)
	for _, y := range []vg.Length{c.Min.Y, c.Max.Y} {
		c.StrokeLine2(errorBarStyle, x-vg.Points(2), y, x+vg.Points(2), y)
	}
}

func (e errorBars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := errorBarStyle
	for j := range e.lo {
		if e.lo[j] <= 0 || e.hi[j] <= 0 {
			continue
		}
		x := trX(float64(j)) + e.offset
		lo, hi := trY(e.lo[j]), trY(e.hi[j])
		c.StrokeLine2(sty, x, lo, x, hi)
		for _, y := range []vg.Length{lo, hi} {
			c.StrokeLine2(sty, x-vg.Points(2), y, x+vg.Points(2), y)
		}
	}
}
