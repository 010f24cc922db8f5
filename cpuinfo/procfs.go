package cpuinfo

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// ProcInfo is what a /proc/cpuinfo file says. Fields the file does not
// give are empty strings, -1 for numbers.
type ProcInfo struct {
	Arch        string   // "amd64" (a flags line) or "arm64" (a Features line)
	VendorID    string   // x86 vendor_id, e.g. "GenuineIntel"; "" on arm64
	ModelName   string   // x86 "model name", one space between words; "" when absent (usual on arm64)
	Family      int      // x86 "cpu family"; -1 when absent
	Model       int      // x86 "model"; -1 when absent
	Stepping    int      // x86 "stepping"; -1 when absent
	Implementer string   // arm64 "CPU implementer", e.g. "0x41"; "" when absent
	Part        string   // arm64 "CPU part", e.g. "0xd0c"; "" when absent
	Processors  int      // number of "processor" entries (at least 1)
	Flags       []string // flags or Features words present on every processor
	Mixed       bool     // processors list different flags (Flags is what all have)
}

// ErrNoFlags is returned for a file with neither an x86 flags line nor an
// arm64 Features line: nothing can be judged from it.
var ErrNoFlags = errors.New("no flags or Features line (not a /proc/cpuinfo dump?)")

// ErrMixedArch is returned for a file with both x86 flags lines and arm64
// Features lines: no host has both, so which one to judge cannot be told.
var ErrMixedArch = errors.New("the file mixes x86 and arm64 CPUs (flags and Features lines)")

// maxLine bounds one line: real flags lines are under 2 KiB.
const maxLine = 1 << 20

// ParseProcCPUInfo reads a /proc/cpuinfo file of an x86 or arm64 Linux host.
// Flag words are split on white space and kept whole. When processors
// differ, Flags holds only the words that every processor lists. A file
// with both flags and Features lines is an error (ErrMixedArch).
func ParseProcCPUInfo(r io.Reader) (*ProcInfo, error) {
	p := &ProcInfo{Family: -1, Model: -1, Stepping: -1}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	var flags []string // of the current processor
	seen := 0          // processors whose flags have been merged
	merge := func() {
		if flags == nil {
			return
		}
		if seen == 0 {
			p.Flags = flags
		} else if !slices.Equal(p.Flags, flags) {
			p.Mixed = true
			p.Flags = slices.DeleteFunc(p.Flags, func(w string) bool { return !slices.Contains(flags, w) })
		}
		seen++
		flags = nil
	}
	for sc.Scan() {
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		switch key {
		case "processor":
			merge()
			p.Processors++
		case "flags", "Features":
			arch := "amd64"
			if key == "Features" {
				arch = "arm64"
			}
			if p.Arch != "" && p.Arch != arch {
				return nil, ErrMixedArch
			}
			p.Arch = arch
			flags = words(val)
		case "vendor_id":
			setOnce(&p.VendorID, val)
		case "model name":
			// Intel pads its brand string ("CPU           X5550  @"):
			// one space between words, as CPUID's reading gives it.
			setOnce(&p.ModelName, strings.Join(strings.Fields(val), " "))
		case "cpu family":
			setIntOnce(&p.Family, val)
		case "model":
			setIntOnce(&p.Model, val)
		case "stepping":
			setIntOnce(&p.Stepping, val)
		case "CPU implementer":
			setOnce(&p.Implementer, val)
		case "CPU part":
			setOnce(&p.Part, val)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read cpuinfo: %w", err)
	}
	merge()
	if p.Arch == "" {
		return nil, ErrNoFlags
	}
	if p.Processors == 0 {
		p.Processors = 1
	}
	return p, nil
}

// words splits a flags line into sorted, unique words.
func words(s string) []string {
	w := strings.Fields(s)
	slices.Sort(w)
	return slices.Compact(w)
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func setIntOnce(dst *int, v string) {
	if *dst != -1 {
		return
	}
	if n, err := strconv.ParseInt(v, 0, 32); err == nil && n >= 0 {
		*dst = int(n)
	}
}

// Features returns the crypto features the flags name, as whole words.
func (p *ProcInfo) Features() Features { return fromWords(p.Arch, p.Flags) }

// Hypervisor reports whether the x86 "hypervisor" flag is set: the OS runs
// in a virtual machine. arm64 files do not say; false there.
func (p *ProcInfo) Hypervisor() bool { return slices.Contains(p.Flags, "hypervisor") }

// armParts names the arm64 cores that cloud hosts use, by implementer and
// part number, so a Graviton dump gets a model name.
var armParts = map[string]string{
	"0x41/0xd08": "ARM Cortex-A72 (e.g. AWS Graviton)",
	"0x41/0xd0c": "ARM Neoverse-N1 (e.g. AWS Graviton2, Ampere Altra)",
	"0x41/0xd40": "ARM Neoverse-V1 (e.g. AWS Graviton3)",
	"0x41/0xd49": "ARM Neoverse-N2",
	"0x41/0xd4f": "ARM Neoverse-V2 (e.g. AWS Graviton4, NVIDIA Grace)",
	"0x41/0xd84": "ARM Neoverse-V3",
	"0x41/0xd8e": "ARM Neoverse-N3",
	"0xc0/0xac3": "Ampere-1",
	"0xc0/0xac4": "Ampere-1a",
}

// armImplementers names arm64 implementer codes.
var armImplementers = map[string]string{
	"0x41": "ARM", "0x42": "Broadcom", "0x43": "Cavium", "0x46": "Fujitsu",
	"0x48": "HiSilicon", "0x4e": "NVIDIA", "0x50": "APM", "0x51": "Qualcomm",
	"0x61": "Apple", "0xc0": "Ampere",
}

// Name returns the model name, or for arm64 a name made from the
// implementer and part numbers; "" when the file gives neither.
func (p *ProcInfo) Name() string {
	if p.ModelName != "" || p.Arch != "arm64" {
		return p.ModelName
	}
	if n, ok := armParts[p.Implementer+"/"+p.Part]; ok {
		return n
	}
	if p.Implementer != "" {
		return fmt.Sprintf("implementer %s part %s", p.Implementer, p.Part)
	}
	return ""
}

// Vendor returns the x86 vendor_id or the arm64 implementer's name; "" when
// unknown.
func (p *ProcInfo) Vendor() string {
	if p.VendorID != "" {
		return p.VendorID
	}
	if n, ok := armImplementers[p.Implementer]; ok {
		return n
	}
	return p.Implementer
}
