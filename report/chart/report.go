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
// written.
//
// The files are written as one set (atomicfile.WriteFiles): on any
// error, a full disk or ctx done, dir holds what it held before, not a
// mix of old and new charts. Report stops between files when ctx is done,
// with ctx's error.
func Report(ctx context.Context, dir string, c *report.Comparison, size int) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	chs, figs, err := charts(c, size)
	if err != nil {
		return nil, err
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
		return nil, err
	}
	var written []string
	for _, f := range files {
		written = append(written, filepath.Join(dir, f.Name))
	}
	return written, nil
}

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
