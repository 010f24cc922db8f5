package chart

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/aesbench/aesbench/internal/atomicfile"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Chart is one figure of a report. Its legend is drawn in a column to the
// right of the plot, so that it never covers bars or lines.
type Chart struct {
	Name  string // file name without extension, e.g. "throughput"
	Title string
	Plot  *plot.Plot // the only plot, or the first panel of several

	// panels, when set, are drawn in a column under the title, their
	// axes aligned (small multiples); Plot is then panels[0].
	panels []*plot.Plot
	// Height is the chart's height; 0 for ChartHeight. Panels of many
	// hosts make a taller chart.
	Height vg.Length
	// rows are each panel's bars, which share out the height; nil to
	// share it equally.
	rows []float64
	// legend, when set, is drawn beside the panels.
	legend *plot.Legend
}

// height is the chart's height: Height, or ChartHeight when unset.
func (ch Chart) height() vg.Length {
	if ch.Height > 0 {
		return ch.Height
	}
	return ChartHeight
}

// Chart sizes and the PNG resolution: readable on screen and in print.
const (
	ChartWidth  = 9 * vg.Inch
	ChartHeight = 5.5 * vg.Inch
	ChartDPI    = 200
	UnitKBps    = "kB/s (1000s of bytes per second)"
	UnitSeconds = "seconds"
	UnitTimes   = "x faster"
	// NotSignificant labels a ratio that does not differ significantly
	// from 1x, as benchstat's tables write it.
	NotSignificant = "~"
)

// newPlot returns a plot with the house style: title, axis labels with
// units, grid lines, a legend for the right-hand column.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(15)
	p.Title.Padding = vg.Points(8)
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.X.Label.TextStyle.Font.Size = vg.Points(12)
	p.Y.Label.TextStyle.Font.Size = vg.Points(11)
	p.X.Tick.Label.Font.Size = vg.Points(10)
	p.Y.Tick.Label.Font.Size = vg.Points(10)
	p.Legend.TextStyle.Font.Size = vg.Points(10)
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.Padding = vg.Points(3)
	p.Legend.ThumbnailWidth = vg.Points(18)
	p.Add(gridY())
	return p
}

// draw renders the chart onto c: the plot on the left, its legend in a
// column on the right as wide as its longest entry.
func (ch Chart) draw(c draw.Canvas) {
	if ch.panels != nil {
		ch.drawPanels(c)
		return
	}
	// The title spans the whole chart, not only the plot beside the
	// legend, so that a wide legend does not clip it.
	if t := ch.Plot.Title.Text; t != "" {
		c = drawTitle(c, t, ch.Plot.Title.TextStyle, ch.Plot.Title.Padding)
		ch.Plot.Title.Text = ""
		defer func() { ch.Plot.Title.Text = t }()
	}
	legend := ch.Plot.Legend.Rectangle(c)
	lw := legend.Max.X - legend.Min.X
	if lw > 0 {
		lw += vg.Points(16)
	}
	plotArea := draw.Crop(c, 0, -lw, 0, 0)
	// gonum places a y label by the arithmetic middle of the axis range,
	// which on a log axis lies near the top and squeezes the plot; the
	// label is drawn here instead, centred on the left.
	yl := ch.Plot.Y.Label
	if yl.Text != "" {
		sty := yl.TextStyle
		sty.Rotation = math.Pi / 2
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
		h := yl.TextStyle.Height(yl.Text)
		plotArea.FillText(sty, vg.Point{X: plotArea.Min.X, Y: (plotArea.Min.Y + plotArea.Max.Y) / 2}, yl.Text)
		plotArea = draw.Crop(plotArea, h+vg.Points(6), 0, 0, 0)
	}
	saved := ch.Plot.Legend
	ch.Plot.Legend = plot.NewLegend() // drawn below, outside the plot
	ch.Plot.Y.Label.Text = ""
	ch.Plot.Draw(plotArea)
	ch.Plot.Legend, ch.Plot.Y.Label.Text = saved, yl.Text
	if lw > 0 {
		col := draw.Crop(c, c.Max.X-c.Min.X-lw+vg.Points(8), 0, 0, -vg.Points(6))
		ch.Plot.Legend.Draw(col)
	}
}

// drawTitle writes title centred at the top of c, in a smaller font if it
// would not fit the width, and returns the canvas below it.
func drawTitle(c draw.Canvas, title string, sty text.Style, pad vg.Length) draw.Canvas {
	width := c.Max.X - c.Min.X - 2*pad
	for sty.Width(title) > width && sty.Font.Size > vg.Points(8) {
		sty.Font.Size -= vg.Points(0.5)
	}
	title = fit(title, sty, width)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
	c.FillText(sty, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: c.Max.Y - pad}, title)
	return draw.Crop(c, 0, 0, 0, -(sty.Height(title) + 2*pad))
}

// WritePNG renders the chart as a PNG at ChartDPI.
func (ch Chart) WritePNG(w io.Writer) error {
	c := vgimg.NewWith(vgimg.UseWH(ChartWidth, ch.height()), vgimg.UseDPI(ChartDPI))
	ch.draw(draw.New(c))
	_, err := vgimg.PngCanvas{Canvas: c}.WriteTo(w)
	return err
}

// WriteSVG renders the chart as an SVG that names its fonts (a serif
// family) rather than embedding them: a few kB instead of the 530 kB of
// an embedded TTF, and rsvg-convert and browsers draw it with their own
// serif font.
func (ch Chart) WriteSVG(w io.Writer) error {
	c := vgsvg.NewWith(vgsvg.UseWH(ChartWidth, ch.height()), vgsvg.EmbedFonts(false))
	ch.draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return err
	}
	// The text is laid out in Liberation Serif's metrics: name the fonts
	// made to the same metrics after it, so that a reader without it
	// draws the text the same width.
	b := bytes.ReplaceAll(buf.Bytes(), []byte("font-family:Liberation Serif;"), []byte(svgFonts))
	_, err := w.Write(b)
	return err
}

// svgFonts is the font-family of an SVG's text: Liberation Serif, then
// the fonts with its metrics.
const svgFonts = "font-family:'Liberation Serif','Times New Roman',Times,'Nimbus Roman',serif;"

// Save writes dir/<name>.png and dir/<name>.svg atomically.
func (ch Chart) Save(dir string) error {
	for _, f := range []struct {
		ext   string
		write func(io.Writer) error
	}{{".png", ch.WritePNG}, {".svg", ch.WriteSVG}} {
		var buf bytes.Buffer // render fully before creating the file
		if err := f.write(&buf); err != nil {
			return fmt.Errorf("chart %s: %w", ch.Name, err)
		}
		path := filepath.Join(dir, ch.Name+f.ext)
		if err := atomicfile.WriteFile(path, func(w io.Writer) error {
			_, err := w.Write(buf.Bytes())
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

// compact writes a figure in at most four significant digits with an SI
// suffix: 718663.65 -> "719k", 2213083 -> "2.21M".
func compact(x float64) string {
	abs := math.Abs(x)
	for _, u := range []struct {
		f float64
		s string
	}{{1e12, "T"}, {1e9, "G"}, {1e6, "M"}, {1e3, "k"}} {
		if abs >= u.f {
			return sig3(x/u.f) + u.s
		}
	}
	return sig3(x)
}

// sig3 writes x with three significant digits, no trailing zeros
// (sig3Fixed, trimmed): 0.4, 0.025, 2.17, 150.
func sig3(x float64) string {
	s := sig3Fixed(x)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// sig3Fixed writes x with three significant digits, trailing zeros kept,
// so that bars labelled side by side show alike precision: 0.404 s and
// 0.420 s, 2.10 s and 2.17 s, not 0.4 s beside 0.42 s. From 100 up, the
// whole number.
func sig3Fixed(x float64) string {
	a := math.Abs(x)
	if a >= 100 || a == 0 || math.IsInf(a, 0) || math.IsNaN(a) {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	prec := 2 - int(math.Floor(math.Log10(a)))
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if r, _ := strconv.ParseFloat(s, 64); math.Abs(r) >= 10*math.Pow(10, -float64(prec-2)) && prec > 0 {
		s = strconv.FormatFloat(x, 'f', prec-1, 64) // 9.996 rounds up to 10.00: 10.0
	}
	return s
}

// compactTicks labels another ticker's major ticks with compact.
type compactTicks struct{ plot.Ticker }

func (t compactTicks) Ticks(min, max float64) []plot.Tick {
	ts := t.Ticker.Ticks(min, max)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = compact(ts[i].Value)
		}
	}
	return ts
}

// useLog reports whether figures from lo to hi need a log axis: when the
// smallest would be a sliver on a linear one.
func useLog(lo, hi float64) bool { return lo > 0 && hi/lo > 25 }

// newBarPlot is newPlot for bars of the values all, with a log y axis
// when they span a wide range (useLog), which it returns; title's %s
// becomes ", log scale" then, and nothing otherwise. all must not be
// empty.
func newBarPlot(title, xLabel, yLabel string, all []float64) (*plot.Plot, bool) {
	logY := useLog(slices.Min(all), slices.Max(all))
	scale := ""
	if logY {
		scale = ", log scale"
	}
	return newPlot(fmt.Sprintf(title, scale), xLabel, yLabel), logY
}

// The figures a chart draws: from 1e-100 to 1e100, so that every axis
// end made from them (a power of ten around them, 2.5 times the largest)
// is a finite number above 0, which a log axis needs. Results files hold
// far narrower figures (result.Parse); these bounds keep a chart of any
// comparison from panicking in gonum or rasterizing for ever.
const (
	minDrawable = 1e-100
	maxDrawable = 1e100
)

// drawable returns an error for the first figure of values that is
// neither 0 (missing) nor from minDrawable to maxDrawable.
func drawable(chart string, values ...[]float64) error {
	for _, vs := range values {
		for _, v := range vs {
			if v != 0 && !(v >= minDrawable && v <= maxDrawable) {
				return fmt.Errorf("chart %s: cannot draw the figure %g (from %g to %g, or 0 for none)", chart, v, minDrawable, maxDrawable)
			}
		}
	}
	return nil
}

// logFloor is the power of ten at or below x.
func logFloor(x float64) float64 { return math.Pow(10, math.Floor(math.Log10(x))) }

// logCeil is the power of ten at or above x.
func logCeil(x float64) float64 { return math.Pow(10, math.Ceil(math.Log10(x))) }

// okabeIto is the Okabe-Ito palette, told apart by readers with any
// common colour blindness: orange, sky blue, bluish green, yellow, blue,
// vermillion, reddish purple, and grey in place of its black, which
// would hide the error bars.
var okabeIto = [...]color.RGBA{
	{0xE6, 0x9F, 0x00, 0xFF},
	{0x56, 0xB4, 0xE9, 0xFF},
	{0x00, 0x9E, 0x73, 0xFF},
	{0xF0, 0xE4, 0x42, 0xFF},
	{0x00, 0x72, 0xB2, 0xFF},
	{0xD5, 0x5E, 0x00, 0xFF},
	{0xCC, 0x79, 0xA7, 0xFF},
	{0x99, 0x99, 0x99, 0xFF},
}

// shades scale a palette colour towards black (below 1) or white (above
// 1): the second cue once the eight hues are used, so that hosts 8 and
// up do not repeat a look.
var shades = [...]float64{1, 0.55, 1.6, 0.78, 2.4, 0.35}

// hostColor is host i's colour in every chart: an Okabe-Ito hue, then
// the same hues darker or lighter; distinct for at least 56 hosts.
func hostColor(i int) color.Color {
	if i < 0 {
		i = -i
	}
	c := okabeIto[i%len(okabeIto)]
	f := shades[(i/len(okabeIto))%len(shades)]
	scale := func(v uint8) uint8 {
		x := float64(v) * f
		if f > 1 { // towards white
			x = 255 - (255-float64(v))/f
		}
		return uint8(math.Round(min(max(x, 0), 255)))
	}
	return color.RGBA{scale(c.R), scale(c.G), scale(c.B), 0xFF}
}

// gridY is light horizontal grid lines.
func gridY() *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical.Color = nil
	g.Horizontal.Color = color.Gray{Y: 220}
	return g
}

func itoa(n int) string { return strconv.Itoa(n) }

// The widest legend entry and category label: a wider one (a label may
// be a host name of 253 bytes) would push the plot off the chart.
const (
	maxLegend   = ChartWidth / 3
	maxCategory = ChartWidth / 4
)

// fit cuts s to at most width wide in sty, ending it with an ellipsis.
func fit(s string, sty text.Style, width vg.Length) string {
	if sty.Width(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && sty.Width(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
