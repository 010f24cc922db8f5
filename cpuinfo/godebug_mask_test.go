package cpuinfo

import (
	"slices"
	"testing"
)

// TestMaskAESNI pins the mask per architecture: it turns off the AES
// instructions and the carry-less multiply that Go's GCM also uses, so
// that neither crypto/aes nor its GCM runs on hardware, and nothing else.
func TestMaskAESNI(t *testing.T) {
	all := Features{AES: true, PCLMULQDQ: true, VAES: true, VPCLMULQDQ: true, AVX: true, AVX2: true, SSE41: true, SSSE3: true, PMULL: true}
	tests := []struct {
		arch, mask string
		off        []string
	}{
		{"amd64", "cpu.aes=off,cpu.pclmulqdq=off", []string{"aes", "pclmulqdq"}},
		{"arm64", "cpu.aes=off,cpu.pmull=off", []string{"aes", "pmull"}},
	}
	for _, tt := range tests {
		t.Run(tt.arch, func(t *testing.T) {
			mask := MaskAESNI(tt.arch)
			if mask != tt.mask {
				t.Errorf("MaskAESNI(%s) = %q, want %q", tt.arch, mask, tt.mask)
			}
			off := godebugOff(tt.arch, mask)
			slices.Sort(off)
			if !slices.Equal(off, tt.off) {
				t.Errorf("MaskAESNI(%s) turns off %v, want %v", tt.arch, off, tt.off)
			}
			g := GoUse(tt.arch, all, mask)
			if g.HardwareAES || g.HardwareGCM {
				t.Errorf("under the mask, GoUse(%s) = %+v: hardware still used", tt.arch, g)
			}
			if g := GoUse(tt.arch, all, ""); !g.HardwareAES || !g.HardwareGCM {
				t.Errorf("without the mask, GoUse(%s) = %+v", tt.arch, g)
			}
			// A user's setting before the mask cannot undo it: later
			// settings win, as in the runtime.
			if g := GoUse(tt.arch, all, "cpu.all=on,cpu.aes=on,"+mask); g.HardwareAES || g.HardwareGCM {
				t.Errorf("mask after the user's cpu.aes=on: GoUse(%s) = %+v", tt.arch, g)
			}
		})
	}
}
