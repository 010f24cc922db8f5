package result

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// seedResults adds every results file of report/testdata and
// results/reference to f's corpus.
func seedResults(f *testing.F) {
	var paths []string
	for _, dir := range []string{"report/testdata", "results/reference"} {
		p, err := filepath.Glob(filepath.Join("..", "..", dir, "*.json"))
		if err != nil {
			f.Fatal(err)
		}
		paths = append(paths, p...)
	}
	if len(paths) == 0 {
		f.Fatal("no results files to seed the corpus")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"schema":"aesbench/v1"}`))
}

// FuzzParse checks that Parse never panics, and that what it accepts is
// plausible still when written and read back.
func FuzzParse(f *testing.F) {
	seedResults(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz.json", data)
		if err != nil {
			if r != nil {
				t.Fatalf("Parse returned results and %v", err)
			}
			return
		}
		again, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("accepted results do not encode: %v", err)
		}
		if _, err := Parse("again.json", again); err != nil {
			t.Fatalf("accepted results, written back, are refused: %v", err)
		}
	})
}
