package report

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

// FuzzCompare puts two results files that Parse accepts side by side and
// writes the comparison in every format and as report.md: files come
// from other hosts, and one without a probe once crashed compare (a nil
// pointer in HostMoved) though Parse took it.
func FuzzCompare(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil || len(paths) < 2 {
		f.Fatalf("seed files: %v, %v", paths, err)
	}
	var seeds [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	for i := range seeds {
		f.Add(seeds[i], seeds[(i+1)%len(seeds)])
	}
	noProbe := []byte(`{"schema":"aesbench/v1","label":"a","count":2,"measurements":[{"engine":"go","algo":"aes-256-gcm","direction":"encrypt","size":256,"threads":1,"samples_kbps":[100,110],"kbps":105,"min_kbps":100,"max_kbps":110}],"host_reference":[{"threads":1,"samples_ghz":[3,3.1],"ghz":3.05}]}`)
	f.Add(noProbe, noProbe)
	f.Fuzz(func(t *testing.T, a, b []byte) {
		ra, err := result.Parse("a.json", a)
		if err != nil {
			return
		}
		rb, err := result.Parse("b.json", b)
		if err != nil {
			return
		}
		for _, sizes := range [][]int{nil, {256}} {
			c, err := Compare([]*result.Results{ra, rb}, CompareOptions{Sizes: sizes, Nearest: true})
			if err != nil {
				continue
			}
			for _, write := range []func(io.Writer, *Comparison) error{WriteCompareText, WriteCompareMarkdown, WriteCompareCSV, WriteCompareJSON} {
				if err := write(io.Discard, c); err != nil {
					t.Fatalf("write: %v", err)
				}
			}
			if sizes == nil {
				size, _ := c.At(DefaultCompareSize, true)
				if err := WriteDocument(io.Discard, c, size, Figures{}); err != nil {
					t.Fatalf("document: %v", err)
				}
			}
		}
	})
}
