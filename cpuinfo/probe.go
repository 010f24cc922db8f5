package cpuinfo

import (
	"bytes"
	"fmt"
)

// Report describes one host: this machine (probe.Host, in cpuinfo/probe)
// or a saved cpuinfo file (FromFile). Strings that cannot be told are "", numbers -1.
type Report struct {
	Source      string        `json:"source"`                  // "this host" or the saved file's path
	Arch        string        `json:"arch"`                    // "amd64" or "arm64" (GOARCH names); "" when unknown
	Vendor      string        `json:"vendor"`                  // "GenuineIntel", "AuthenticAMD", "ARM", ...; "" when unknown
	Model       string        `json:"model"`                   // e.g. "Intel(R) Xeon(R) CPU E5-2665 0 @ 2.40GHz"; "" when unknown
	Family      int           `json:"family"`                  // x86 family; -1 when unknown or arm64
	ModelID     int           `json:"model_id"`                // x86 model number; -1 when unknown or arm64
	Stepping    int           `json:"stepping"`                // x86 stepping; -1 when unknown or arm64
	Hypervisor  string        `json:"hypervisor"`              // "KVM", "Xen", ...; "" for none seen, "unknown" when a VM of unknown make
	LogicalCPUs int           `json:"logical_cpus"`            // CPUs the OS gives this process (or the file lists)
	Features    Features      `json:"features"`                // from CPUID on this host, from the file otherwise
	OSFeatures  *Features     `json:"os_features,omitempty"`   // this host's /proc/cpuinfo; nil when not read
	Disagree    []string      `json:"disagreements,omitempty"` // where CPUID and /proc/cpuinfo differ, or processors differ
	GODEBUG     string        `json:"godebug"`                 // this process's GODEBUG; "" for a saved file
	Go          GoCrypto      `json:"go"`                      // Go's use of the hardware in this process, or on that host with no GODEBUG
	EC2         *EC2Info      `json:"ec2,omitempty"`           // instance metadata; nil when not EC2, not asked or not answered
	CPUs        []CPUCapacity `json:"cpus,omitempty"`          // each CPU's clock and sustained share (probe --cpus); nil when not measured
}

// FromFile describes the host whose /proc/cpuinfo was saved at path. The
// report says nothing of this process: GODEBUG is empty and Go's use is
// judged from the flags alone. The file is read by ReadFile: a FIFO, a
// device or a directory is an error, as is a file over MaxFileSize.
func FromFile(path string) (*Report, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	p, err := ParseProcCPUInfo(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cpuinfo %s: %w", path, err)
	}
	return FromProcInfo(path, p), nil
}

// FromProcInfo describes the host of a parsed cpuinfo file.
func FromProcInfo(source string, p *ProcInfo) *Report {
	r := &Report{
		Source:      source,
		Arch:        p.Arch,
		Vendor:      p.Vendor(),
		Model:       p.Name(),
		Family:      p.Family,
		ModelID:     p.Model,
		Stepping:    p.Stepping,
		LogicalCPUs: p.Processors,
		Features:    p.Features(),
	}
	if p.Hypervisor() {
		r.Hypervisor = "unknown"
	}
	if p.Mixed {
		r.Disagree = append(r.Disagree, "processors list different flags; only the common ones count")
	}
	r.Go = GoUse(r.Arch, r.Features, "")
	return r
}

// IsThisHost reports whether the report describes the running machine.
func (r *Report) IsThisHost() bool { return r.Source == "this host" }
