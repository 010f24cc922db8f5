package cpuinfo

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCheckSavedSamples judges the saved gate samples with the default
// requirement and with explicit ones.
func TestCheckSavedSamples(t *testing.T) {
	tests := []struct {
		file    string
		require []string
		ok      bool
		reason  string // substring of the reasons when not ok
	}{
		{"knight.cpuinfo", nil, true, ""},
		{"knight.cpuinfo", []string{"aes"}, true, ""},
		{"knight.cpuinfo", []string{"aes", "vaes"}, false, "the CPU lacks vaes"},
		{"padawan.cpuinfo", nil, false, "the CPU lacks aes, pclmulqdq"},
		// Go's AES is required whatever the list: without aes it is not used.
		{"padawan.cpuinfo", []string{"ssse3", "sse41"}, false, "Go will not use hardware AES: the CPU lacks aes, pclmulqdq"},
		{"graviton2.cpuinfo", nil, true, ""},
		{"graviton2.cpuinfo", []string{"sha2"}, true, ""},
		{"graviton2.cpuinfo", []string{"pclmulqdq"}, false, "the CPU lacks pclmulqdq"},
		{"arm64-noaes.cpuinfo", nil, false, "the CPU lacks aes, pmull"},
		// vaes, vpclmulqdq, aesni, aes_ni, avx512_vaes and a model name
		// with "aes" in it: none is the aes flag.
		{"trap-aesni-spellings.cpuinfo", nil, false, "the CPU lacks aes, pclmulqdq"},
		{"trap-aesni-spellings.cpuinfo", []string{"vaes", "vpclmulqdq"}, false, "Go will not use hardware AES"},
		{"trap-aesni-spellings.cpuinfo", []string{"avx512f"}, false, "Go will not use hardware AES"},
	}
	for _, tt := range tests {
		name := strings.TrimSuffix(tt.file, ".cpuinfo") + "/require=" + strings.Join(tt.require, "+")
		t.Run(name, func(t *testing.T) {
			r, err := FromFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			v, err := r.Check(tt.require)
			if err != nil {
				t.Fatal(err)
			}
			if v.OK != tt.ok {
				t.Fatalf("OK = %v, want %v (%s)", v.OK, tt.ok, v)
			}
			if got := strings.Join(v.Reasons, "; "); !strings.Contains(got, tt.reason) || (tt.ok && got != "") {
				t.Errorf("reasons %q, want %q", got, tt.reason)
			}
			if len(v.Notes) == 0 || !strings.Contains(v.Notes[0], "GODEBUG does not apply") {
				t.Errorf("notes %q: a saved file's verdict must say GODEBUG does not apply", v.Notes)
			}
		})
	}
}

func TestCheckNoFlags(t *testing.T) {
	_, err := FromFile(filepath.Join("testdata", "noflags.cpuinfo"))
	if err == nil || !strings.Contains(err.Error(), "no flags") {
		t.Fatalf("err = %v, want one about the missing flags line", err)
	}
}

func TestCheckUnknownFeature(t *testing.T) {
	r := &Report{Source: "x", Arch: "amd64"}
	if _, err := r.Check([]string{"aes", "aes-ni"}); err == nil || !strings.Contains(err.Error(), `unknown feature "aes-ni"`) {
		t.Fatalf("err = %v, want unknown feature", err)
	}
}

// TestCheckGoNeeds: a saved host whose flags have the required features
// but not the others Go's AES code needs does not pass.
func TestCheckGoNeeds(t *testing.T) {
	f := Features{AES: true, PCLMULQDQ: true, SSE41: true} // no ssse3
	r := &Report{Source: "saved", Arch: "amd64", Features: f, Go: GoUse("amd64", f, "")}
	v, err := r.Check(nil)
	if err != nil {
		t.Fatal(err)
	}
	if v.OK || !strings.Contains(strings.Join(v.Reasons, ";"), "Go will not use hardware AES: the CPU lacks ssse3") {
		t.Fatalf("verdict %s, want a fail for the missing ssse3", v)
	}
}

func TestCheckUnknownArch(t *testing.T) {
	r := &Report{Source: "x", Arch: "riscv64", Features: Features{AES: true}}
	v, err := r.Check(nil)
	if err != nil {
		t.Fatal(err)
	}
	if v.OK || !strings.Contains(strings.Join(v.Reasons, ";"), `cannot judge architecture "riscv64"`) {
		t.Fatalf("verdict %s: an unknown architecture must fail closed", v)
	}
}

// TestCheckGODEBUG judges this-host reports under GODEBUG settings: only
// settings that take a required feature, or one Go's AES needs, away fail.
func TestCheckGODEBUG(t *testing.T) {
	x86 := Features{AES: true, PCLMULQDQ: true, SSE41: true, SSSE3: true, AVX2: true, VAES: true}
	arm := Features{AES: true, PMULL: true, SHA2: true}
	tests := []struct {
		arch    string
		f       Features
		godebug string
		require []string
		ok      bool
		reason  string
	}{
		{"amd64", x86, "", nil, true, ""},
		{"amd64", x86, "cpu.aes=off", nil, false, "GODEBUG=cpu.aes=off turns off aes for Go"},
		{"amd64", x86, "cpu.pclmulqdq=off", nil, false, "turns off pclmulqdq"},
		{"amd64", x86, "cpu.aes=off,cpu.aes=on", nil, true, ""},
		{"amd64", x86, "cpu.all=off", nil, false, "turns off aes, pclmulqdq, sse41, ssse3"},
		{"amd64", x86, "cpu.avx2=off", nil, true, ""},
		{"amd64", x86, "cpu.avx2=off", []string{"avx2"}, false, "turns off avx2"},
		{"amd64", x86, "cpu.sse41=off", []string{"aes"}, false, "turns off sse41"},
		{"amd64", x86, "cpu.vaes=off", []string{"aes", "vaes"}, false, "turns off vaes"},
		{"amd64", x86, "http2debug=1", nil, true, ""},
		{"amd64", Features{AES: true, SSE41: true, SSSE3: true}, "", nil, false, "the CPU lacks pclmulqdq"},
		{"arm64", arm, "", nil, true, ""},
		{"arm64", arm, "cpu.pmull=off", nil, false, "turns off pmull"},
		{"arm64", arm, "cpu.sha2=off", nil, true, ""},
	}
	for _, tt := range tests {
		name := "arch=" + tt.arch + "/godebug=" + tt.godebug + "/require=" + strings.Join(tt.require, "+")
		t.Run(name, func(t *testing.T) {
			r := &Report{Source: "this host", Arch: tt.arch, Features: tt.f, GODEBUG: tt.godebug, Go: GoUse(tt.arch, tt.f, tt.godebug)}
			v, err := r.Check(tt.require)
			if err != nil {
				t.Fatal(err)
			}
			if v.OK != tt.ok {
				t.Fatalf("OK = %v, want %v (%s)", v.OK, tt.ok, v)
			}
			if got := strings.Join(v.Reasons, "; "); !strings.Contains(got, tt.reason) {
				t.Errorf("reasons %q, want %q", got, tt.reason)
			}
			if len(v.Notes) != 0 {
				t.Errorf("notes %q for this host", v.Notes)
			}
			want := tt.require
			if want == nil {
				want = DefaultRequirement(tt.arch)
			}
			if !slices.Equal(v.Require, want) {
				t.Errorf("Require = %q, want %q", v.Require, want)
			}
		})
	}
}

// TestSummaryMasked: run's banner says a CPU whose AES GODEBUG turns off
// (run --no-aesni) is masked, as compare does, and a CPU without AES, or
// one masked as well as lacking a feature, has none.
func TestSummaryMasked(t *testing.T) {
	x86 := Features{AES: true, PCLMULQDQ: true, SSE41: true, SSSE3: true}
	tests := []struct {
		f       Features
		godebug string
		want    string
	}{
		{x86, "", "; hardware AES: yes (aes, pclmulqdq); Go uses hardware AES"},
		{x86, "cpu.aes=off,cpu.pclmulqdq=off", "; hardware AES: masked: GODEBUG=cpu.aes=off,cpu.pclmulqdq=off turns off aes, pclmulqdq for Go"},
		{Features{AES: true, SSE41: true, SSSE3: true}, "", "; hardware AES: no: the CPU lacks pclmulqdq"},
		{Features{AES: true, SSE41: true, SSSE3: true}, "cpu.aes=off", "; hardware AES: no: the CPU lacks pclmulqdq; GODEBUG=cpu.aes=off turns off aes for Go"},
	}
	for _, tt := range tests {
		r := &Report{Source: "this host", Model: "m", Arch: "amd64", LogicalCPUs: 2, Features: tt.f, GODEBUG: tt.godebug, Go: GoUse("amd64", tt.f, tt.godebug)}
		if got := r.Summary(); !strings.Contains(got, tt.want) {
			t.Errorf("GODEBUG=%q: %q, want it to hold %q", tt.godebug, got, tt.want)
		}
	}
}
