package cpuinfo

import (
	"slices"
	"strings"
)

// GoCrypto says whether Go's crypto uses the hardware in a process with
// the given features and GODEBUG.
type GoCrypto struct {
	HardwareAES bool     `json:"hardware_aes"`     // crypto/aes runs on the AES instructions
	HardwareGCM bool     `json:"hardware_gcm"`     // AES-GCM also uses carry-less multiply for GHASH
	Masked      []string `json:"masked,omitempty"` // features the CPU has that GODEBUG turns off
	Reason      string   `json:"reason"`           // one sentence: why or why not
}

// goNeeds lists, per architecture, what Go's crypto/aes and its GCM need
// (crypto/internal/fips140/aes and .../aes/gcm: supportsAES, supportsAESGCM).
var goNeeds = map[string]struct{ aes, gcm []string }{
	"amd64": {aes: []string{"aes", "sse41", "ssse3"}, gcm: []string{"aes", "pclmulqdq", "sse41", "ssse3"}},
	"arm64": {aes: []string{"aes"}, gcm: []string{"aes", "pmull"}},
}

// MaskAESNI is the GODEBUG setting that makes Go's crypto behave as on a
// host without hardware AES: the runtime reads it only at process start.
func MaskAESNI(arch string) string {
	if arch == "arm64" {
		return "cpu.aes=off,cpu.pmull=off"
	}
	return "cpu.aes=off,cpu.pclmulqdq=off"
}

// godebugOff returns the features of arch that a GODEBUG value turns off,
// read as the runtime reads it: comma-separated cpu.NAME=on|off settings,
// later ones winning, cpu.all applying to every feature. Other settings
// are ignored.
func godebugOff(arch, godebug string) []string {
	names := FeatureNames(arch)
	off := map[string]bool{}
	for _, field := range strings.Split(godebug, ",") {
		key, val, ok := strings.Cut(strings.TrimSpace(field), "=")
		name, isCPU := strings.CutPrefix(key, "cpu.")
		if !ok || !isCPU || (val != "on" && val != "off") {
			continue
		}
		if name == "all" {
			for _, n := range names {
				off[n] = val == "off"
			}
			continue
		}
		off[name] = val == "off"
	}
	var out []string
	for _, n := range names {
		if off[n] {
			out = append(out, n)
		}
	}
	return out
}

// GoUse decides whether Go's crypto uses hardware AES on a CPU of arch
// with features f, in a process started with the given GODEBUG.
func GoUse(arch string, f Features, godebug string) GoCrypto {
	need, ok := goNeeds[arch]
	if !ok {
		return GoCrypto{Reason: "Go has no hardware AES path on architecture " + quoteOr(arch, "unknown")}
	}
	var g GoCrypto
	off := godebugOff(arch, godebug)
	for _, n := range off {
		if has, _ := f.Has(n); has {
			g.Masked = append(g.Masked, n)
		}
	}
	usable := func(n string) bool {
		has, _ := f.Has(n)
		return has && !slices.Contains(off, n)
	}
	g.HardwareAES = !slices.ContainsFunc(need.aes, func(n string) bool { return !usable(n) })
	g.HardwareGCM = !slices.ContainsFunc(need.gcm, func(n string) bool { return !usable(n) })
	var missing, masked []string
	for _, n := range need.gcm {
		switch has, _ := f.Has(n); {
		case !has:
			missing = append(missing, n)
		case slices.Contains(off, n):
			masked = append(masked, n)
		}
	}
	switch {
	case g.HardwareGCM:
		g.Reason = "Go uses hardware AES and GCM (" + strings.Join(need.gcm, ", ") + ")"
	case len(missing) > 0:
		g.Reason = "the CPU lacks " + strings.Join(missing, ", ")
	default:
		g.Reason = "GODEBUG turns off " + strings.Join(masked, ", ")
	}
	if g.HardwareAES && !g.HardwareGCM {
		g.Reason = "Go uses hardware AES but not for GCM: " + g.Reason
	}
	return g
}

func quoteOr(s, def string) string {
	if s == "" {
		return def
	}
	return `"` + s + `"`
}
