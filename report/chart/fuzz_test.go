package chart

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/report"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// FuzzReport feeds what result.Parse accepts, one results file or two,
// through everything compare and report do with it: the comparison, its
// text, markdown, CSV and JSON forms, report.md, every chart rendered as
// PNG (at a low resolution) and SVG, and run's own tables of each file. None may panic or hang:
// results files come from other hosts.
func FuzzReport(f *testing.F) {
	var seeds [][]byte
	for _, dir := range []string{"../testdata", "../../results/reference"} {
		paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			seeds = append(seeds, data)
		}
	}
	if len(seeds) < 2 {
		f.Fatal("too few results files to seed the corpus")
	}
	extremes := edgeSeeds(f, seeds[0])
	for i := range seeds {
		f.Add(seeds[i], seeds[(i+1)%len(seeds)])
		f.Add(seeds[i], []byte(nil))
		f.Add(seeds[i], extremes[i%len(extremes)])
	}
	for _, e := range extremes {
		f.Add(e, []byte(nil))
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		var rs []*result.Results
		for i, data := range [][]byte{a, b} {
			if r, err := result.Parse("fuzz.json", data); err == nil {
				rs = append(rs, r)
			} else if i == 0 {
				return
			}
		}
		for _, r := range rs {
			report.WriteSpeedTable(io.Discard, r)
			report.WriteFileTable(io.Discard, r)
			report.WriteGoBench(io.Discard, r)
		}
		c, err := report.Compare(rs, report.CompareOptions{})
		if err != nil {
			return
		}
		for _, write := range []func(io.Writer, *report.Comparison) error{
			report.WriteCompareText, report.WriteCompareMarkdown, report.WriteCompareCSV, report.WriteCompareJSON,
		} {
			if err := write(io.Discard, c); err != nil {
				t.Errorf("writing the comparison: %v", err)
			}
		}
		size := report.DefaultCompareSize
		if len(c.Sizes) > 0 {
			size = c.Sizes[0]
		}
		chs, figs, err := charts(c, size)
		if err != nil { // Parse lets through only figures a chart can draw
			t.Fatalf("charts of accepted results: %v", err)
		}
		if err := report.WriteDocument(io.Discard, c, size, figs); err != nil {
			t.Errorf("report.md: %v", err)
		}
		for _, ch := range chs {
			if err := writeSmallPNG(io.Discard, ch); err != nil {
				t.Errorf("%s.png: %v", ch.Name, err)
			}
			if err := ch.WriteSVG(io.Discard); err != nil {
				t.Errorf("%s.svg: %v", ch.Name, err)
			}
		}
	})
}

// writeSmallPNG renders ch as WritePNG does at a tenth of its resolution:
// the same plot, axes, text and paths (a figure that makes the rasterizer
// spin makes it spin at any resolution), at a fiftieth of the cost, so
// that the fuzzer tries more inputs.
func writeSmallPNG(w io.Writer, ch *Chart) error {
	c := vgimg.NewWith(vgimg.UseWH(ChartWidth, ChartHeight), vgimg.UseDPI(ChartDPI/10))
	ch.draw(draw.New(c))
	_, err := vgimg.PngCanvas{Canvas: c}.WriteTo(w)
	return err
}

// edgeSeeds returns variants of the results file data at the edges of
// what Parse accepts: the least and greatest figures, cells openssl did
// not measure, decryption, threads, one size, labels that are not ASCII.
func edgeSeeds(f *testing.F, data []byte) [][]byte {
	edits := []func(r *result.Results){
		func(r *result.Results) {
			for i := range r.Measurements {
				m := &r.Measurements[i]
				x := 1e12
				if i%2 == 1 {
					x = 1e-3
				}
				m.SamplesKBps, m.KBps, m.MinKBps, m.MaxKBps = []float64{x}, x, x, x
			}
			for i := range r.Files {
				f := &r.Files[i]
				f.SamplesSeconds, f.Seconds, f.MinSeconds, f.MaxSeconds = []float64{1e-9, 1e7}, 1e-9, 1e-9, 1e7
			}
		},
		func(r *result.Results) {
			r.Label, r.Source = "東京-ü | *x*", result.SourceImported
			for i := range r.Measurements {
				m := &r.Measurements[i]
				m.Engine, m.Direction, m.Threads = result.EngineOpenSSL, result.Decrypt, 64
				if i%3 == 0 {
					m.SamplesKBps, m.KBps, m.MinKBps, m.MaxKBps = []float64{0}, 0, 0, 0
				}
			}
		},
		func(r *result.Results) {
			r.Label = ""
			r.Measurements = r.Measurements[:1]
			r.Measurements[0].Size = 64 << 20
			r.Files = nil
		},
	}
	var out [][]byte
	for _, edit := range edits {
		r, err := result.Parse("seed.json", data)
		if err != nil {
			f.Fatal(err)
		}
		edit(r)
		b, err := json.Marshal(r)
		if err != nil {
			f.Fatal(err)
		}
		if _, err := result.Parse("edge.json", b); err != nil {
			f.Fatalf("an edge seed is refused: %v", err)
		}
		out = append(out, b)
	}
	return out
}
