package probe

import (
	"os"
	"runtime"
	"testing"

	"golang.org/x/sys/cpu"
)

// TestProbeAgreesWithGoRuntime checks the live decision against
// golang.org/x/sys/cpu, which reads CPUID and GODEBUG as the runtime does.
func TestProbeAgreesWithGoRuntime(t *testing.T) {
	r := Host()
	var want bool
	switch runtime.GOARCH {
	case "amd64":
		want = cpu.X86.HasAES && cpu.X86.HasSSE41 && cpu.X86.HasSSSE3
	case "arm64":
		want = cpu.ARM64.HasAES
	default:
		t.Skip("no hardware AES path in Go on", runtime.GOARCH)
	}
	if r.Go.HardwareAES != want {
		t.Errorf("Host().Go.HardwareAES = %v, x/sys/cpu says %v (GODEBUG=%q)", r.Go.HardwareAES, want, os.Getenv("GODEBUG"))
	}
	if r.LogicalCPUs != runtime.NumCPU() {
		t.Errorf("LogicalCPUs = %d, want runtime.NumCPU() = %d", r.LogicalCPUs, runtime.NumCPU())
	}
}
