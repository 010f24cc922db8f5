package chart

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/aesbench/aesbench/internal/atomicfile"
	"github.com/aesbench/aesbench/report"
)

// Report writes dir/report.md (report.WriteDocument) and its charts, each
// as PNG and SVG, for the comparison c, which must hold every size
// (report.CompareOptions.Sizes nil). size is the message size of the bar
// charts and the first table. Charts with nothing to show are left out and
// the report says why. dir is created if missing. It returns the files
// written, and the charts of an earlier report in dir that this one does
// not draw, which it removes (Names; regular files only), so that dir
// never shows a chart its report.md does not.
//
// The files are written as one set (atomicfile.WriteFiles): on any
// error, a full disk or ctx done, dir holds what it held before, not a
// mix of old and new charts. Report stops between files when ctx is done,
// with ctx's error.
func Report(ctx context.Context, dir string, c *report.Comparison, size int) (Written, error) {
	if err := ctx.Err(); err != nil {
		return Written{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Written{}, err
	}
	chs, figs, err := charts(c, size)
	if err != nil {
		return Written{}, err
	}
	var files []atomicfile.File
	for _, ch := range chs {
		for _, f := range []struct {
			ext   string
			write func(io.Writer) error
		}{{".png", ch.WritePNG}, {".svg", ch.WriteSVG}} {
			files = append(files, atomicfile.File{Name: ch.Name + f.ext, Write: func(w io.Writer) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := f.write(w); err != nil {
					return fmt.Errorf("chart %s: %w", ch.Name, err)
				}
				return nil
			}})
		}
	}
	// Last, so that it is renamed into place after the charts it shows.
	files = append(files, atomicfile.File{Name: "report.md", Write: func(w io.Writer) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return report.WriteDocument(w, c, size, figs)
	}})
	if err := atomicfile.WriteFiles(dir, files); err != nil {
		return Written{}, err
	}
	var w Written
	drawn := map[string]bool{}
	for _, f := range files {
		w.Files = append(w.Files, filepath.Join(dir, f.Name))
		drawn[f.Name] = true
	}
	for _, name := range Names {
		for _, ext := range []string{".png", ".svg"} {
			path := filepath.Join(dir, name+ext)
			if drawn[name+ext] {
				continue
			}
			if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
				continue // none, or not one a report wrote
			}
			if err := os.Remove(path); err != nil {
				return w, fmt.Errorf("remove the earlier report's %s: %w", path, err)
			}
			w.Removed = append(w.Removed, path)
		}
	}
	return w, nil
}

// Written is what Report did in its directory.
type Written struct {
	Files   []string // written: the charts, then report.md
	Removed []string // an earlier report's charts that this one has not
}

// Names are the names of every chart a report can draw (Chart.Name),
// without their extensions.
var Names = []string{"throughput", "aesni-speedup", "sizes", "files"}

// charts draws the charts of the report of c at size, without rendering
// them, and the figures the document shows.
func charts(c *report.Comparison, size int) ([]*Chart, report.Figures, error) {
	var figs report.Figures
	var out []*Chart
	for _, d := range []struct {
		fig  **report.Figure
		want bool // the document has a section for it
		draw func() (*Chart, error)
	}{
		{&figs.Throughput, slices.ContainsFunc(c.Rows, func(r report.CompRow) bool { return r.Size == size }), func() (*Chart, error) { return Throughput(c, size) }},
		{&figs.Speedup, true, func() (*Chart, error) { return Speedup(c, size) }},
		{&figs.Sizes, len(c.Sizes) > 1, func() (*Chart, error) { return Sizes(c) }},
		{&figs.Files, len(c.Files) > 0, func() (*Chart, error) { return Files(c) }},
	} {
		if !d.want {
			continue
		}
		ch, err := d.draw()
		if err != nil {
			return nil, figs, err
		}
		if ch == nil {
			continue
		}
		out = append(out, ch)
		*d.fig = &report.Figure{Title: ch.Title, Name: ch.Name}
	}
	return out, figs, nil
}
