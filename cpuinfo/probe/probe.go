// Package probe describes the running machine: what CPUID says (through
// github.com/klauspost/cpuid/v2, which reads it as Go's runtime does),
// checked against the OS's /proc/cpuinfo. It is apart from cpuinfo,
// whose reports and verdicts are data, so that readers of a report (the
// results schema among them) do not link CPUID and its system calls.
package probe

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/aesbench/aesbench/cpuinfo"
	"github.com/klauspost/cpuid/v2"
)

// procCPUInfo is where Host reads the OS's view.
const procCPUInfo = "/proc/cpuinfo"

// Host describes this machine as this process sees it: CPUID, checked
// against /proc/cpuinfo where there is one.
func Host() *cpuinfo.Report {
	c := &cpuid.CPU
	r := &cpuinfo.Report{
		Source:      "this host",
		Arch:        runtime.GOARCH,
		Vendor:      c.VendorString,
		Model:       strings.TrimSpace(c.BrandName),
		Family:      c.Family,
		ModelID:     c.Model,
		Stepping:    c.Stepping,
		LogicalCPUs: runtime.NumCPU(), // CPUID's count is wrong in VMs
		Features:    fromCPUID(runtime.GOARCH, c),
		GODEBUG:     os.Getenv("GODEBUG"),
	}
	if runtime.GOARCH != "amd64" {
		r.Family, r.ModelID, r.Stepping = -1, -1, -1
	}
	r.Hypervisor = hypervisor(c.HypervisorVendorID, c.HypervisorVendorString, c.VM())
	if data, err := cpuinfo.ReadFile(procCPUInfo); err == nil {
		if p, err := cpuinfo.ParseProcCPUInfo(bytes.NewReader(data)); err == nil && p.Arch == r.Arch {
			osf := p.Features()
			r.OSFeatures = &osf
			r.Disagree = cpuinfo.Diff(r.Arch, r.Features, osf, "CPUID", "/proc/cpuinfo")
			if p.Mixed {
				r.Disagree = append(r.Disagree, "processors list different flags in /proc/cpuinfo")
			}
			if name := p.Name(); r.Model == "" {
				r.Model = name
			} else if name != "" && name != r.Model {
				r.Disagree = append(r.Disagree, fmt.Sprintf("model name (CPUID: %q, /proc/cpuinfo: %q)", r.Model, name))
			}
			if r.Vendor == "" {
				r.Vendor = p.Vendor()
			}
		}
	}
	r.Go = cpuinfo.GoUse(r.Arch, r.Features, r.GODEBUG)
	return r
}

// cpuidFeature is the CPUID feature of each of cpuinfo's feature names,
// per architecture.
var cpuidFeature = map[string]map[string]cpuid.FeatureID{
	"amd64": {
		"aes": cpuid.AESNI, "pclmulqdq": cpuid.CLMUL, "vaes": cpuid.VAES, "vpclmulqdq": cpuid.VPCLMULQDQ,
		"avx": cpuid.AVX, "avx2": cpuid.AVX2, "avx512f": cpuid.AVX512F, "sha": cpuid.SHA,
		"sse41": cpuid.SSE4, "ssse3": cpuid.SSSE3,
	},
	"arm64": {"aes": cpuid.AESARM, "pmull": cpuid.PMULL, "sha1": cpuid.SHA1, "sha2": cpuid.SHA2},
}

// fromCPUID sets the features of arch that CPUID reports.
func fromCPUID(arch string, c *cpuid.CPUInfo) cpuinfo.Features {
	var f cpuinfo.Features
	for _, name := range cpuinfo.FeatureNames(arch) {
		if id, ok := cpuidFeature[arch][name]; ok && c.Supports(id) {
			f.Set(arch, name)
		}
	}
	return f
}

// hypervisor names the hypervisor for the report: by its make when
// cpuid knows the signature ("KVMKVMKVM" is KVM, "Microsoft Hv" Hyper-V),
// else the signature itself, else "unknown" in a VM of no signature, ""
// on bare metal.
func hypervisor(id cpuid.Vendor, signature string, vm bool) string {
	switch id {
	case cpuid.VendorUnknown:
	case cpuid.MSVM:
		return "Hyper-V"
	case cpuid.XenHVM:
		return "Xen"
	default:
		return id.String()
	}
	if s := strings.TrimSpace(signature); s != "" {
		return s
	}
	if vm {
		return "unknown"
	}
	return ""
}
