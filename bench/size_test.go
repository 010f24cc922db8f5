package bench

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  string
	}{
		{"0", 0, ""}, {"16", 16, ""}, {" 64 ", 64, ""}, {"16k", 16384, ""}, {"16K", 16384, ""},
		{"8KiB", 8192, ""}, {"500KB", 500000, ""}, {"80MB", 80e6, ""}, {"80mb", 80e6, ""},
		{"1GiB", 1 << 30, ""}, {"2g", 2 << 30, ""}, {"10b", 10, ""}, {"0.5KiB", 512, ""},
		{"", 0, "empty"}, {"-1", 0, "negative"}, {"-1MB", 0, "negative"}, {"ten", 0, "not a number"},
		{"1.3b", 0, "not a whole number"}, {"NaN", 0, "not a number"}, {"9999999999TB", 0, "too large"},
		{"16 KiB", 16384, ""}, {"KiB", 0, "not a number"},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseSize(%q) = %d, %v; want error %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"16", "16k", "1.5GiB", "80MB", "-3", "1e3kb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSize(s)
		if err == nil && n < 0 {
			t.Fatalf("ParseSize(%q) = %d", s, n)
		}
	})
}

func TestParseAlgosAndSizes(t *testing.T) {
	as, err := ParseAlgos("AES-256-GCM, des-ede3-cbc,3des-cbc")
	if err != nil || len(as) != 2 || as[0].Name != "aes-256-gcm" || as[1].Name != "3des-cbc" {
		t.Fatalf("ParseAlgos = %v, %v", as, err)
	}
	if as, err := ParseAlgos("all"); err != nil || len(as) != len(AlgorithmNames()) {
		t.Fatalf("ParseAlgos(all) = %d algorithms, %v", len(as), err)
	}
	for _, bad := range []string{"", ",", "rc4"} {
		if _, err := ParseAlgos(bad); err == nil {
			t.Errorf("ParseAlgos(%q) succeeded", bad)
		}
	}
	ss, err := ParseSizes("16,1k,16,64MiB")
	if err != nil || len(ss) != 3 || ss[1] != 1024 || ss[2] != MaxSize {
		t.Fatalf("ParseSizes = %v, %v", ss, err)
	}
	for _, bad := range []string{"", "0", "65MiB", "x"} {
		if _, err := ParseSizes(bad); err == nil {
			t.Errorf("ParseSizes(%q) succeeded", bad)
		}
	}
}

func TestResultsRoundTrip(t *testing.T) {
	path := t.TempDir() + "/r.json"
	r := &Results{Schema: Schema, Label: "knight", Count: 1, Measurements: []Measurement{{Engine: "go", Algo: "aes-256-cbc", Direction: Encrypt, Size: 256, Threads: 1, SamplesKBps: []float64{1}, KBps: 1, MinKBps: 1, MaxKBps: 1}}}
	if err := r.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	got, err := ReadResults(path)
	if err != nil || got.Label != "knight" || got.Find("go", "aes-256-cbc", Encrypt, 256) == nil {
		t.Fatalf("ReadResults = %+v, %v", got, err)
	}
	for _, bad := range []string{`{}`, `{"schema":"other/v1"}`, `not json`, `{"schema":"aesbench/v1","measurements":[{"algo":"x"}]}`} {
		if _, err := ParseResults("bad.json", []byte(bad)); err == nil || !strings.Contains(err.Error(), "not an aesbench results file") {
			t.Errorf("ParseResults(%s) = %v", bad, err)
		}
	}
}

func TestWriteFileAtomicLeavesNothingOnError(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/out.json"
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files left, want only the old one", len(entries))
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("path holds %q, want the old contents", b)
	}
}
