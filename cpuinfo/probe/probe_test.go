package probe

import (
	"os"
	"runtime"
	"testing"

	"github.com/klauspost/cpuid/v2"
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

func TestHypervisorName(t *testing.T) {
	for _, tt := range []struct {
		id        cpuid.Vendor
		signature string
		vm        bool
		want      string
	}{
		{cpuid.KVM, "KVMKVMKVM", true, "KVM"},
		{cpuid.MSVM, "Microsoft Hv", true, "Hyper-V"},
		{cpuid.XenHVM, "XenVMMXenVMM", true, "Xen"},
		{cpuid.VMware, "VMwareVMware", true, "VMware"},
		{cpuid.VendorUnknown, " NewHV  ", true, "NewHV"}, // a signature cpuid does not know: as it is
		{cpuid.VendorUnknown, "", true, "unknown"},
		{cpuid.VendorUnknown, "", false, ""},
	} {
		if got := hypervisor(tt.id, tt.signature, tt.vm); got != tt.want {
			t.Errorf("hypervisor(%v, %q, %v) = %q, want %q", tt.id, tt.signature, tt.vm, got, tt.want)
		}
	}
}
