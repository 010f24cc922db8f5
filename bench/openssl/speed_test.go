package openssl

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// TestParseSpeedGolden parses every saved output in testdata and
// compares the result with its .golden JSON.
func TestParseSpeedGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			in, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			so, err := ParseSpeed(bytes.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(so, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(file, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("ParseSpeed(%s) =\n%s\nwant\n%s", file, got, want)
			}
		})
	}
}

// TestParseSpeedLayouts checks what the golden files hold in a form a
// reader can check against the inputs.
func TestParseSpeedLayouts(t *testing.T) {
	tests := []struct {
		file    string
		version string
		algos   []string
		sizes   int
		first   float64 // kB/s of the first row's first size
	}{
		{"layout-1.0.1-knight.txt", "OpenSSL 1.0.1e 11 Feb 2013", []string{"3des-cbc", "aes-256-cbc"}, 5, 22514.98},
		{"layout-1.0.1-padawan-evp.txt", "OpenSSL 1.0.1e-fips 11 Feb 2013", []string{"aes-256-cbc"}, 5, 59985.96},
		{"layout-1.0.1-mr.txt", "", []string{"aes-256-cbc"}, 5, 73406.36856},
		{"layout-1.1.1.txt", "OpenSSL 1.1.1f  31 Mar 2020", []string{"3des-cbc", "rc4"}, 6, 27920.89},
		{"layout-1.1.1-bytes.txt", "OpenSSL 1.1.1f  31 Mar 2020", []string{"aes-256-gcm"}, 1, 1825867.44},
		{"openssl-3.0.19-des-ede3-cbc-64.txt", "3.0.19", []string{"3des-cbc"}, 1, 29668.65},
		{"openssl-3.0.19-mr-aes-256-gcm.txt", "", []string{"aes-256-gcm"}, 6, 32163.63333},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			so, err := ParseSpeed(f)
			if err != nil {
				t.Fatal(err)
			}
			if so.Version != tt.version {
				t.Errorf("version %q, want %q", so.Version, tt.version)
			}
			var algos []string
			for _, r := range so.Rows {
				algos = append(algos, r.Algo)
				if len(r.Sizes) != tt.sizes || len(r.KBps) != tt.sizes {
					t.Errorf("%s: %d sizes, %d figures, want %d", r.Name, len(r.Sizes), len(r.KBps), tt.sizes)
				}
			}
			if strings.Join(algos, ",") != strings.Join(tt.algos, ",") {
				t.Errorf("algos %v, want %v", algos, tt.algos)
			}
			if d := so.Rows[0].KBps[0] - tt.first; d > 0.001 || d < -0.001 {
				t.Errorf("first figure %v kB/s, want %v", so.Rows[0].KBps[0], tt.first)
			}
		})
	}
}

func TestParseSpeedRejects(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*")
	inputs := map[string]string{"empty": "", "text": "type of the day\nnothing here\n"}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = string(b)
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			so, err := ParseSpeed(strings.NewReader(in))
			if !errors.Is(err, ErrNotSpeed) {
				t.Fatalf("ParseSpeed = %+v, %v; want an error wrapping ErrNotSpeed", so, err)
			}
		})
	}
}

func FuzzParseSpeed(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("+H:16\n+F:1:x:NaN\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		so, err := ParseSpeed(bytes.NewReader(in))
		if err != nil {
			if so != nil {
				t.Fatal("results with an error")
			}
			return
		}
		if len(so.Rows) == 0 {
			t.Fatal("no rows and no error")
		}
		for _, r := range so.Rows {
			if len(r.Sizes) == 0 || len(r.Sizes) != len(r.KBps) || r.Algo == "" {
				t.Fatalf("bad row %+v", r)
			}
			for i, k := range r.KBps {
				if k < 0 || k != k || r.Sizes[i] < 1 || r.Sizes[i] > bench.MaxSize {
					t.Fatalf("bad figure in row %+v", r)
				}
			}
		}
	})
}
