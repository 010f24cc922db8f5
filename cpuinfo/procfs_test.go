package cpuinfo

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseWholeWords(t *testing.T) {
	tests := []struct {
		name, text  string
		arch        string
		aes, pclmul bool
	}{
		{"x86 with aes", "processor : 0\nflags : fpu sse2 aes pclmulqdq\n", "amd64", true, true},
		{"aes only as part of words", "processor : 0\nmodel name : AES CPU aes\nflags : vaes aes_ni xaes pclmulqdq\n", "amd64", false, true},
		{"tabs and repeated spaces", "flags\t\t:  aes\t  pclmulqdq  \n", "amd64", true, true},
		{"arm64", "processor : 0\nFeatures : fp asimd aes pmull\n", "arm64", true, false},
		{"no trailing newline", "flags : aes", "amd64", true, false},
	}
	for _, tt := range tests {
		p, err := ParseProcCPUInfo(strings.NewReader(tt.text))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		f := p.Features()
		if p.Arch != tt.arch || f.AES != tt.aes || f.PCLMULQDQ != tt.pclmul {
			t.Errorf("%s: arch %s aes %v pclmulqdq %v, want %s %v %v", tt.name, p.Arch, f.AES, f.PCLMULQDQ, tt.arch, tt.aes, tt.pclmul)
		}
	}
}

func TestParseMixedProcessorsKeepsCommonFlags(t *testing.T) {
	p, err := ParseProcCPUInfo(strings.NewReader("processor : 0\nflags : aes sse2 avx\n\nprocessor : 1\nflags : sse2 avx\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Mixed || !slices.Equal(p.Flags, []string{"avx", "sse2"}) || p.Processors != 2 {
		t.Fatalf("got %+v", p)
	}
}

func TestParseErrors(t *testing.T) {
	for _, text := range []string{"", "hello\nworld\n", "processor : 0\nmodel name : Xeon\n"} {
		if _, err := ParseProcCPUInfo(strings.NewReader(text)); !errors.Is(err, ErrNoFlags) {
			t.Errorf("Parse(%q) = %v, want ErrNoFlags", text, err)
		}
	}
	long := "flags : " + strings.Repeat("x", maxLine+10) + "\n"
	if _, err := ParseProcCPUInfo(strings.NewReader(long)); err == nil {
		t.Errorf("Parse(over-long line) succeeded")
	}
}

// TestParseMixedArch: x86 flags and arm64 Features lines in one file fail
// closed, whichever comes first and however the processors are split.
func TestParseMixedArch(t *testing.T) {
	const (
		x86 = "flags : aes pclmulqdq sse4_1 ssse3\n"
		arm = "Features : aes pmull\n"
	)
	tests := []struct{ name, text string }{
		{"one processor with both lines", "processor : 0\n" + x86 + arm},
		{"x86 then arm64 processor", "processor : 0\n" + x86 + "\nprocessor : 1\n" + arm},
		{"arm64 then x86 processor", "processor : 0\n" + arm + "\nprocessor : 1\n" + x86},
		{"no processor lines", arm + x86},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParseProcCPUInfo(strings.NewReader(tt.text))
			if !errors.Is(err, ErrMixedArch) || p != nil {
				t.Fatalf("got %+v, %v; want ErrMixedArch", p, err)
			}
			if !strings.Contains(err.Error(), "mixes x86 and arm64 CPUs") {
				t.Errorf("error %q does not say the file mixes x86 and arm64 CPUs", err)
			}
		})
	}
}

// FuzzParseProcCPUInfo checks that no input panics the parser, and that
// what it accepts is self-consistent.
func FuzzParseProcCPUInfo(f *testing.F) {
	f.Add("processor : 0\nflags : aes pclmulqdq\n")
	f.Add("processor\t: 0\nFeatures\t: aes pmull\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n")
	f.Add("flags:\nflags: aes\nprocessor:\nmodel: 0x1f\n")
	f.Add("processor : 0\nflags : aes pclmulqdq\nFeatures : aes pmull\n")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseProcCPUInfo(strings.NewReader(s))
		if err != nil {
			return
		}
		if p.Arch != "amd64" && p.Arch != "arm64" {
			t.Fatalf("arch %q", p.Arch)
		}
		if p.Processors < 1 {
			t.Fatalf("processors %d", p.Processors)
		}
		for _, w := range p.Flags {
			if w == "" || strings.ContainsAny(w, " \t\n") {
				t.Fatalf("flag word %q", w)
			}
		}
		if p.Features().AES != slices.Contains(p.Flags, "aes") {
			t.Fatalf("aes feature disagrees with flags %v", p.Flags)
		}
		r := FromProcInfo("fuzz", p)
		if _, err := r.Check(nil); err != nil {
			t.Fatal(err)
		}
	})
}

// TestProcCPUInfoModelNameSpaces: Intel's padded brand string reads
// with one space between words, as CPUID gives it.
func TestProcCPUInfoModelNameSpaces(t *testing.T) {
	p, err := ParseProcCPUInfo(strings.NewReader("processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU           X5550  @ 2.67GHz\nflags\t\t: fpu sse2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Intel(R) Xeon(R) CPU X5550 @ 2.67GHz"; p.ModelName != want {
		t.Errorf("model name %q, want %q", p.ModelName, want)
	}
}
