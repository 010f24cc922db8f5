package cpuinfo

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestFromFileGolden describes each saved cpuinfo sample, as text and JSON,
// and compares with testdata/<name>.golden.
func TestFromFileGolden(t *testing.T) {
	samples, err := filepath.Glob("testdata/*.cpuinfo")
	if err != nil || len(samples) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	for _, path := range samples {
		name := strings.TrimSuffix(filepath.Base(path), ".cpuinfo")
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			r, err := FromFile(path)
			if err != nil {
				got.WriteString("error: " + err.Error() + "\n")
			} else {
				if err := r.WriteText(&got); err != nil {
					t.Fatal(err)
				}
				enc := json.NewEncoder(&got)
				enc.SetIndent("", "  ")
				if err := enc.Encode(r); err != nil {
					t.Fatal(err)
				}
			}
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cpuinfo -update)", err)
			}
			if got.String() != string(want) {
				t.Errorf("FromFile(%s) =\n%s\nwant\n%s", path, got.String(), want)
			}
		})
	}
}

func TestVerdicts(t *testing.T) {
	tests := []struct {
		sample  string
		require []string
		ok      bool
		reason  string
	}{
		{"knight", nil, true, ""},
		{"padawan", nil, false, "the CPU lacks aes, pclmulqdq"},
		{"trap", nil, false, "the CPU lacks aes, pclmulqdq"},
		{"trap", []string{"vaes"}, false, "Go will not use hardware AES"},
		{"graviton2", nil, true, ""},
		{"graviton2", []string{"aes", "pmull", "sha2"}, true, ""},
		{"arm64-noaes", nil, false, "the CPU lacks aes, pmull"},
		{"knight", []string{"avx2"}, false, "the CPU lacks avx2"},
		{"mixed", nil, false, "the CPU lacks aes, pclmulqdq"},
	}
	for _, tt := range tests {
		r, err := FromFile(filepath.Join("testdata", tt.sample+".cpuinfo"))
		if err != nil {
			t.Fatal(err)
		}
		v, err := r.Check(tt.require)
		if err != nil {
			t.Fatal(err)
		}
		if v.OK != tt.ok || !strings.Contains(strings.Join(v.Reasons, "; "), tt.reason) {
			t.Errorf("%s require %v: %+v, want ok=%v reason %q", tt.sample, tt.require, v, tt.ok, tt.reason)
		}
	}
}

func TestFromFileErrors(t *testing.T) {
	if _, err := FromFile("testdata/does-not-exist"); err == nil || !os.IsNotExist(errorsUnwrapAll(err)) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := FromFile("testdata/noflags.cpuinfo"); err == nil || !strings.Contains(err.Error(), "no flags or Features line") {
		t.Errorf("no flags line: %v", err)
	}
}

func errorsUnwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

func TestGoUse(t *testing.T) {
	all := Features{AES: true, PCLMULQDQ: true, SSE41: true, SSSE3: true}
	tests := []struct {
		arch, godebug string
		f             Features
		aes, gcm      bool
		masked        string
	}{
		{"amd64", "", all, true, true, ""},
		{"amd64", "cpu.aes=off", all, false, false, "aes"},
		{"amd64", "cpu.pclmulqdq=off", all, true, false, "pclmulqdq"},
		{"amd64", "cpu.all=off", all, false, false, "aes,pclmulqdq,sse41,ssse3"},
		{"amd64", "cpu.all=off,cpu.aes=on,cpu.pclmulqdq=on,cpu.sse41=on,cpu.ssse3=on", all, true, true, ""},
		{"amd64", "cpu.aes=off,cpu.aes=on", all, true, true, ""},
		{"amd64", "madvdontneed=1,cpu.aes=bogus", all, true, true, ""},
		{"amd64", "", Features{PCLMULQDQ: true, SSE41: true, SSSE3: true}, false, false, ""},
		{"arm64", "", Features{AES: true, PMULL: true}, true, true, ""},
		{"arm64", "cpu.pmull=off", Features{AES: true, PMULL: true}, true, false, "pmull"},
		{"riscv64", "", all, false, false, ""},
	}
	for _, tt := range tests {
		g := GoUse(tt.arch, tt.f, tt.godebug)
		if g.HardwareAES != tt.aes || g.HardwareGCM != tt.gcm || strings.Join(g.Masked, ",") != tt.masked || g.Reason == "" {
			t.Errorf("GoUse(%s, %+v, %q) = %+v, want aes=%v gcm=%v masked=%q", tt.arch, tt.f, tt.godebug, g, tt.aes, tt.gcm, tt.masked)
		}
	}
}
