package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutThatIsAnInputIsRefused: run --file X --out X replaced the file
// to measure by the results, import speed.txt --out speed.txt the saved
// output. Either is a usage error, however the two paths are spelt, and
// the input is left as it was.
func TestOutThatIsAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	speed, err := os.ReadFile("../../bench/openssl/testdata/layout-1.0.1-knight.txt")
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "speed.txt")
	if err := os.WriteFile(in, speed, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink("speed.txt", link); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	// The default results file, results/<label>.json, can be an input too.
	if err := os.MkdirAll("results", 0o755); err != nil {
		t.Fatal(err)
	}
	dflt := filepath.Join("results", "knight.json")
	if err := os.WriteFile(dflt, speed, 0o644); err != nil {
		t.Fatal(err)
	}
	run1 := []string{"run", "--time", "1ms", "--count", "1", "--sizes", "16", "--algos", "aes-128-ctr"}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"run, same path", append(run1, "--file", in, "--out", in), "run: --out " + in + " is the --file " + in + ": the results would replace it"},
		{"run, relative", append(run1, "--file", in, "--out", "./speed.txt"), "is the --file"},
		{"run, second file", append(run1, "--file", dflt, "--file", link, "--out", "speed.txt"), "is the --file " + link},
		{"run, default out", append(run1, "--file", dflt, "--label", "knight"), "run: --out results/knight.json is the --file results/knight.json"},
		{"import, same path", []string{"import", "--label", "knight", "--out", in, in}, "import: --out " + in + " is the input " + in},
		{"import, through a link", []string{"import", "--label", "knight", "--out", link, "speed.txt"}, "is the input speed.txt"},
		{"import, default out", []string{"import", "--label", "knight", dflt}, "import: --out results/knight.json is the input results/knight.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(context.Background(), tt.args, &bytes.Buffer{}, &bytes.Buffer{})
			var ue *usageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%q: %v, want usage error %q", tt.args, err, tt.want)
			}
			for _, f := range []string{in, dflt} {
				if b, _ := os.ReadFile(f); !bytes.Equal(b, speed) {
					t.Errorf("%s was changed", f)
				}
			}
		})
	}
	// An --out beside the input, not it, is fine.
	if err := run(context.Background(), []string{"import", "--label", "knight", "--out", "knight.json", "speed.txt"}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Errorf("import to another file: %v", err)
	}
}
