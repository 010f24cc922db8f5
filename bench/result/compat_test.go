package result

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestReadsEarlierVersions parses results files written by earlier
// versions of aesbench (testdata/compat: the first fixtures, the first
// and a later reference run of the development machine, an import) and
// checks what each says, so that a change of the schema that loses a
// field or a file fails here. Later versions add fields; they never
// rename or drop these.
func TestReadsEarlierVersions(t *testing.T) {
	tests := []struct {
		file         string
		label        string
		cells, files int
		source       Source
		key          Key
		kbps         float64
	}{
		{"v1-first-knight.json", "knight", 24, 2, SourceMeasured, Key{EngineGo, "aes-256-cbc", Encrypt, 16, 1}, 280800},
		{"v1-reference-first.json", "epyc-turin-2vcpu", 24, 6, SourceMeasured, Key{EngineGo, "aes-256-cbc", Encrypt, 16, 1}, 642725.5510571217},
		{"v1-reference-mid-noaesni.json", "epyc-turin-2vcpu-noaesni", 24, 6, SourceMeasured, Key{EngineGo, "aes-256-cbc", Encrypt, 16, 1}, 224709.58246799553},
		{"v1-reference-current.json", "epyc-turin-2vcpu", 24, 6, SourceMeasured, Key{EngineGo, "aes-256-cbc", Encrypt, 16, 1}, 644014.2125783528},
		{"v1-imported-knight.json", "knight-openssl-1.0.1", 10, 0, SourceImported, Key{EngineOpenSSL, "3des-cbc", Encrypt, 16, 1}, 22514.98},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r, err := Read(filepath.Join("testdata", "compat", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if r.Label != tt.label || len(r.Measurements) != tt.cells || len(r.Files) != tt.files || r.Source != tt.source {
				t.Errorf("label %q, %d cells, %d files, source %q; want %q, %d, %d, %q",
					r.Label, len(r.Measurements), len(r.Files), r.Source, tt.label, tt.cells, tt.files, tt.source)
			}
			if m := r.Find(tt.key); m == nil || m.KBps != tt.kbps {
				t.Errorf("Find(%v) = %+v, want %v kB/s", tt.key, m, tt.kbps)
			}
			if r.Probe == nil && r.Source == SourceMeasured {
				t.Error("a measured run lost its probe")
			}
			// What this version reads, it writes back with nothing lost:
			// every field of the old file, and of its first cell, is
			// still there, and the second encoding equals the first.
			once, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			orig, now := fields(t, mustRead(t, filepath.Join("testdata", "compat", tt.file))), fields(t, once)
			for k := range orig {
				if !now[k] {
					t.Errorf("field %s of the old file is lost", k)
				}
			}
			again, err := Parse(tt.file, once)
			if err != nil {
				t.Fatal(err)
			}
			twice, _ := json.Marshal(again)
			if !bytes.Equal(once, twice) {
				t.Error("a second round trip through the schema changed the file")
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fields returns the top-level keys of a results file and those of its
// first measurement (as "measurements.key"), with a value that is not
// JSON's zero (an older writer may have written zeros later ones omit).
func fields(t *testing.T, data []byte) map[string]bool {
	t.Helper()
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	zero := func(v json.RawMessage) bool {
		s := string(v)
		return s == "0" || s == `""` || s == "null" || s == "false" || s == "[]" || s == "{}"
	}
	out := map[string]bool{}
	for k, v := range doc {
		if !zero(v) {
			out[k] = true
		}
	}
	var ms []map[string]json.RawMessage
	if err := json.Unmarshal(doc["measurements"], &ms); err == nil && len(ms) > 0 {
		for k, v := range ms[0] {
			if !zero(v) {
				out["measurements."+k] = true
			}
		}
	}
	return out
}
