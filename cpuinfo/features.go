package cpuinfo

import (
	"fmt"
	"slices"
	"strings"
)

// Features holds the crypto-relevant CPU features, named as aesbench names
// them everywhere (JSON fields, --require lists). A feature the host lacks,
// or that belongs to the other architecture, is false.
type Features struct {
	AES        bool `json:"aes"`        // AES-NI on x86, the AES instructions on arm64
	PCLMULQDQ  bool `json:"pclmulqdq"`  // carry-less multiply (CPUID calls it CLMUL); GHASH for GCM
	VAES       bool `json:"vaes"`       // vector AES (AVX2/AVX-512 wide AES rounds)
	VPCLMULQDQ bool `json:"vpclmulqdq"` // vector carry-less multiply
	AVX        bool `json:"avx"`
	AVX2       bool `json:"avx2"`
	AVX512F    bool `json:"avx512f"`
	SHA        bool `json:"sha"`   // SHA-NI (sha_ni in /proc/cpuinfo)
	SSE41      bool `json:"sse41"` // Go's AES assembly also needs SSE4.1 ...
	SSSE3      bool `json:"ssse3"` // ... and SSSE3
	PMULL      bool `json:"pmull"` // arm64 polynomial multiply; GHASH for GCM
	SHA1       bool `json:"sha1"`  // arm64
	SHA2       bool `json:"sha2"`  // arm64
}

// feature describes one field of Features: its name, the architecture it
// belongs to and its word in /proc/cpuinfo. (Its CPUID feature is in
// cpuinfo/probe, which alone reads CPUID.)
type feature struct {
	name   string
	arch   string // "amd64" or "arm64"; aes is listed once per architecture
	osWord string
	field  func(*Features) *bool
}

var features = []feature{
	{"aes", "amd64", "aes", func(f *Features) *bool { return &f.AES }},
	{"pclmulqdq", "amd64", "pclmulqdq", func(f *Features) *bool { return &f.PCLMULQDQ }},
	{"vaes", "amd64", "vaes", func(f *Features) *bool { return &f.VAES }},
	{"vpclmulqdq", "amd64", "vpclmulqdq", func(f *Features) *bool { return &f.VPCLMULQDQ }},
	{"avx", "amd64", "avx", func(f *Features) *bool { return &f.AVX }},
	{"avx2", "amd64", "avx2", func(f *Features) *bool { return &f.AVX2 }},
	{"avx512f", "amd64", "avx512f", func(f *Features) *bool { return &f.AVX512F }},
	{"sha", "amd64", "sha_ni", func(f *Features) *bool { return &f.SHA }},
	{"sse41", "amd64", "sse4_1", func(f *Features) *bool { return &f.SSE41 }},
	{"ssse3", "amd64", "ssse3", func(f *Features) *bool { return &f.SSSE3 }},
	{"aes", "arm64", "aes", func(f *Features) *bool { return &f.AES }},
	{"pmull", "arm64", "pmull", func(f *Features) *bool { return &f.PMULL }},
	{"sha1", "arm64", "sha1", func(f *Features) *bool { return &f.SHA1 }},
	{"sha2", "arm64", "sha2", func(f *Features) *bool { return &f.SHA2 }},
}

// FeatureNames lists the feature names of an architecture ("amd64" or
// "arm64") in a fixed order, as --require and the probe use them.
func FeatureNames(arch string) []string {
	var names []string
	for _, d := range features {
		if d.arch == arch {
			names = append(names, d.name)
		}
	}
	return names
}

// AllFeatureNames lists every feature name of every architecture once.
func AllFeatureNames() []string {
	var names []string
	for _, d := range features {
		if !slices.Contains(names, d.name) {
			names = append(names, d.name)
		}
	}
	return names
}

// Has reports the named feature. An unknown name is an error that lists
// the valid ones.
func (f Features) Has(name string) (bool, error) {
	for _, d := range features {
		if d.name == name {
			return *d.field(&f), nil
		}
	}
	return false, fmt.Errorf("unknown feature %q (valid: %s)", name, strings.Join(AllFeatureNames(), ", "))
}

// List returns the names of the features that are set, for arch.
func (f Features) List(arch string) []string {
	var on []string
	for _, d := range features {
		if d.arch == arch && *d.field(&f) {
			on = append(on, d.name)
		}
	}
	return on
}

// fromWords sets the features of arch whose /proc/cpuinfo word is in words.
func fromWords(arch string, words []string) Features {
	var f Features
	for _, d := range features {
		if d.arch == arch && slices.Contains(words, d.osWord) {
			*d.field(&f) = true
		}
	}
	return f
}

// Set turns on the feature name of arch and reports whether there is
// such a feature.
func (f *Features) Set(arch, name string) bool {
	for _, d := range features {
		if d.arch == arch && d.name == name {
			*d.field(f) = true
			return true
		}
	}
	return false
}

// Diff lists, for arch, the features where a and b differ, as
// "name (aName: yes, bName: no)".
func Diff(arch string, a, b Features, aName, bName string) []string {
	var out []string
	yes := map[bool]string{true: "yes", false: "no"}
	for _, d := range features {
		if d.arch != arch {
			continue
		}
		x, y := *d.field(&a), *d.field(&b)
		if x != y {
			out = append(out, fmt.Sprintf("%s (%s: %s, %s: %s)", d.name, aName, yes[x], bName, yes[y]))
		}
	}
	return out
}
