package chart

import (
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
// the report says why. dir is created if missing; every file is written
// atomically. It returns the files written.
func Report(dir string, c *report.Comparison, size int) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	var written []string
	var figs report.Figures
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
			return written, err
		}
		if ch == nil {
			continue
		}
		if err := ch.Save(dir); err != nil {
			return written, fmt.Errorf("report: %w", err)
		}
		written = append(written, filepath.Join(dir, ch.Name+".png"), filepath.Join(dir, ch.Name+".svg"))
		*d.fig = &report.Figure{Title: ch.Title, Name: ch.Name}
	}
	path := filepath.Join(dir, "report.md")
	if err := atomicfile.WriteFile(path, func(w io.Writer) error {
		return report.WriteDocument(w, c, size, figs)
	}); err != nil {
		return written, fmt.Errorf("report: %w", err)
	}
	return append(written, path), nil
}
