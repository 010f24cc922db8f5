package chart

import (
	"bytes"
	"context"
	"errors"
	"html"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/report"
	"gonum.org/v1/plot/vg"
)

// TestCharts renders each chart from the fixtures and checks that the PNG
// decodes at ChartDPI's size and that the SVG holds the title, the unit
// and its font's name, not the font. Set AESBENCH_CHART_DIR to keep the files to look at.
func TestCharts(t *testing.T) {
	all, err := report.Compare(fixtures(t, "knight", "padawan", "knight-noaesni"), report.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		chart func() (*Chart, error)
		unit  string
	}{
		{"throughput", func() (*Chart, error) { return Throughput(all, 256) }, UnitKBps},
		{"sizes", func() (*Chart, error) { return Sizes(all) }, UnitKBps},
		{"files", func() (*Chart, error) { return Files(all) }, UnitSeconds},
		{"aesni-speedup", func() (*Chart, error) { return Speedup(all, 256) }, UnitTimes},
	}
	keep := os.Getenv("AESBENCH_CHART_DIR")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch, err := tt.chart()
			if err != nil || ch == nil {
				t.Fatalf("got %v, %v; want a chart", ch, err)
			}
			if ch.Name != tt.name {
				t.Errorf("name %q, want %q", ch.Name, tt.name)
			}
			var p, s bytes.Buffer
			if err := ch.WritePNG(&p); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(p.Bytes()))
			if err != nil {
				t.Fatalf("png: %v", err)
			}
			w, h := ChartWidth/vg.Inch*ChartDPI, ChartHeight/vg.Inch*ChartDPI
			wantW, wantH := int(w), int(h)
			if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
				t.Errorf("png is %dx%d, want %dx%d", b.Dx(), b.Dy(), wantW, wantH)
			}
			if err := ch.WriteSVG(&s); err != nil {
				t.Fatal(err)
			}
			svg := html.UnescapeString(s.String())
			for _, want := range []string{ch.Title, tt.unit, "font-family"} {
				if !strings.Contains(svg, want) {
					t.Errorf("svg lacks %q", want)
				}
			}
			if strings.Contains(svg, "@font-face") || s.Len() > 100<<10 {
				t.Errorf("svg embeds its font or is %d bytes; want font names, under 100 kB", s.Len())
			}
			if keep != "" {
				if err := ch.Save(keep); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestChartsLeftOut checks that a chart with nothing to show is nil, not
// an empty drawing.
func TestChartsLeftOut(t *testing.T) {
	noFiles, err := report.Compare(fixtures(t, "knight-noaesni"), report.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	bothAES, err := report.Compare(fixtures(t, "knight"), report.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	oneSize, err := report.Compare(fixtures(t, "knight", "padawan"), report.CompareOptions{Sizes: []int{256}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		chart func() (*Chart, error)
	}{
		{"files without file results", func() (*Chart, error) { return Files(noFiles) }},
		{"speedup without a host lacking hardware AES", func() (*Chart, error) { return Speedup(bothAES, 256) }},
		{"speedup without a host with hardware AES", func() (*Chart, error) { return Speedup(noFiles, 256) }},
		{"sizes with one size", func() (*Chart, error) { return Sizes(oneSize) }},
		{"throughput at a size not measured", func() (*Chart, error) { return Throughput(bothAES, 512) }},
	}
	for _, tt := range tests {
		if ch, err := tt.chart(); ch != nil || err != nil {
			t.Errorf("%s: got %v, %v; want no chart", tt.name, ch, err)
		}
	}
}

func TestCompact(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"}, {1.5, "1.5"}, {12.34, "12.3"}, {999, "999"}, {38792.57, "38.8k"},
		{718663.65, "719k"}, {2213083.08, "2.21M"}, {1e6, "1M"}, {4.2e9, "4.2G"},
	}
	for _, tt := range tests {
		if got := compact(tt.in); got != tt.want {
			t.Errorf("compact(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteReport(t *testing.T) {
	tests := []struct {
		name   string
		hosts  []string
		files  []string // written besides report.md
		absent []string
		mdHas  []string
	}{
		{"knight and padawan", []string{"knight", "padawan"},
			[]string{"throughput", "sizes", "files", "aesni-speedup"}, nil,
			[]string{"## Hosts", "| aes-256-cbc | 312000.00k | 59300.00k | 5.26x [5.11-5.41] |", "![", "(throughput.png)", "(files.png)", "(aesni-speedup.png)", "## How the figures were measured", "6 samples of 0.2 s per cell"}},
		{"masked host alone", []string{"knight-noaesni"},
			[]string{"throughput", "sizes"}, []string{"files", "aesni-speedup"},
			[]string{"Only one host's results were given", "No file results", "No chart: it needs a host whose Go crypto used hardware AES and one that did not"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := report.Compare(fixtures(t, tt.hosts...), report.CompareOptions{})
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "new", "rep")
			w, err := Report(context.Background(), dir, c, 256)
			if err != nil {
				t.Fatal(err)
			}
			written := w.Files
			if len(w.Removed) != 0 {
				t.Errorf("removed %v from a new directory", w.Removed)
			}
			if want := 2*len(tt.files) + 1; len(written) != want {
				t.Errorf("wrote %d files %v, want %d", len(written), written, want)
			}
			for _, f := range tt.files {
				if !slices.Contains(Names, f) {
					t.Errorf("chart %s is not among Names: a later report would leave it stale", f)
				}
				for _, ext := range []string{".png", ".svg"} {
					if _, err := os.Stat(filepath.Join(dir, f+ext)); err != nil {
						t.Error(err)
					}
				}
			}
			for _, f := range tt.absent {
				if _, err := os.Stat(filepath.Join(dir, f+".png")); err == nil {
					t.Errorf("%s.png written with nothing to show", f)
				}
			}
			md, err := os.ReadFile(filepath.Join(dir, "report.md"))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.mdHas {
				if !strings.Contains(string(md), want) {
					t.Errorf("report.md lacks %q", want)
				}
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".") {
					t.Errorf("stray temporary file %s", e.Name())
				}
			}
		})
	}
}

// TestReportRemovesStale checks that a report leaves no chart of an
// earlier one in its directory that its report.md does not show (one of
// 20 hosts with files, then one of a host alone, once kept the first's
// files chart), and that it removes nothing else: not a file of the
// user's, nor a link that has a chart's name.
func TestReportRemovesStale(t *testing.T) {
	full, err := report.Compare(fixtures(t, "knight", "padawan"), report.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := Report(context.Background(), dir, full, 256); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "notes.png")
	target := filepath.Join(t.TempDir(), "elsewhere.svg")
	for _, f := range []string{mine, target} {
		if err := os.WriteFile(f, []byte("keep"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "files.svg")
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	alone, err := report.Compare(fixtures(t, "knight-noaesni"), report.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	w, err := Report(context.Background(), dir, alone, 256)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "aesni-speedup.png"), filepath.Join(dir, "aesni-speedup.svg"), filepath.Join(dir, "files.png")}
	if got := slices.Sorted(slices.Values(w.Removed)); !slices.Equal(got, want) {
		t.Errorf("removed %v, want %v", got, want)
	}
	var left []string
	for name := range snapshot(t, dir) {
		left = append(left, name)
	}
	slices.Sort(left)
	if want := []string{"files.svg", "notes.png", "report.md", "sizes.png", "sizes.svg", "throughput.png", "throughput.svg"}; !slices.Equal(left, want) {
		t.Errorf("left %v, want %v", left, want)
	}
	if b, err := os.ReadFile(target); err != nil || string(b) != "keep" {
		t.Errorf("the link's target: %q, %v; want it untouched", b, err)
	}
}

// fixtures reads report's testdata/<name>.json files, each checked as a
// results file.
func fixtures(t *testing.T, names ...string) []*result.Results {
	t.Helper()
	var rs []*result.Results
	for _, n := range names {
		r, err := result.Read(filepath.Join("..", "testdata", n+".json"))
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	return rs
}

// cancelAfter is a context whose Err is nil n times, then
// context.Canceled: Ctrl-C pressed while a report is being written.
type cancelAfter struct {
	context.Context
	n int
}

func (c *cancelAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

// TestReportInterrupted checks that Report stops between files when ctx
// is done (it once drew all 30 hosts' charts and exited 0), and that a
// report stopped after some of its files were written, as a full disk
// would stop it, leaves the previous report whole: no new file beside
// the old ones, nothing temporary.
func TestReportInterrupted(t *testing.T) {
	old, err := report.Compare(fixtures(t, "knight", "padawan"), report.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := Report(context.Background(), dir, old, 256); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	c, err := report.Compare(fixtures(t, "knight", "knight-noaesni"), report.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 10 checks: one at the start, one before each of 4 charts' PNG and
	// SVG, one before report.md.
	for _, n := range []int{0, 1, 2, 5, 9} {
		ctx := &cancelAfter{Context: context.Background(), n: n}
		written, err := Report(ctx, dir, c, 256)
		if !errors.Is(err, context.Canceled) || written.Files != nil || written.Removed != nil {
			t.Fatalf("canceled after %d checks: %v, %v; want context.Canceled", n, written, err)
		}
		if ctx.n != -1 {
			t.Errorf("canceled after %d checks: went on for %d more", n, -1-ctx.n)
		}
		if after := snapshot(t, dir); !maps.Equal(after, before) {
			t.Fatalf("canceled after %d checks: the report changed; files now %v, were %v", n, slices.Sorted(maps.Keys(after)), slices.Sorted(maps.Keys(before)))
		}
	}
	ctx := &cancelAfter{Context: context.Background(), n: 10}
	if _, err := Report(ctx, dir, c, 256); err != nil || ctx.n != 0 {
		t.Errorf("not canceled: %v after %d checks, want none after 10", err, 10-ctx.n)
	}
}

// snapshot returns the contents of every file in dir by name.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}
