package cpuinfo_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/aesbench/aesbench/cpuinfo"
)

// A host is judged from its /proc/cpuinfo flags as whole words: "vaes"
// and a model name that mentions AES do not make AES-NI.
func ExampleParseProcCPUInfo() {
	dump := "processor : 0\nmodel name : AES-ready vCPU\nflags : fpu sse2 vaes pclmulqdq\n"
	p, err := cpuinfo.ParseProcCPUInfo(strings.NewReader(dump))
	if err != nil {
		fmt.Println(err)
		return
	}
	v, _ := cpuinfo.FromProcInfo("dump", p).Check(nil)
	fmt.Println(v)
	// Output: hardware AES: no: the CPU lacks aes
}

func ExampleWriteCPUs() {
	cpus := []cpuinfo.CPUCapacity{
		{CPU: 0, PeakHz: 3.52e9, SustainedHz: 3.49e9, WaitShare: 0, AESGCMKBps: 5.05e6},
		{CPU: 1, PeakHz: 3.50e9, SustainedHz: 1.63e9, WaitShare: 0, AESGCMKBps: 2.40e6},    // no wait here: the host took the time
		{CPU: 2, PeakHz: 3.50e9, SustainedHz: 1.70e9, WaitShare: 0.51, AESGCMKBps: 2.50e6}, // waited behind another process here
		{CPU: 3, PeakHz: 3.41e9, SustainedHz: 3.31e9, WaitShare: 0, AESGCMKBps: 3.40e6},    // whole core, shared AES units
		{CPU: 4, PeakHz: 3.40e9, SustainedHz: 3.55e9, WaitShare: 0, AESGCMKBps: 5.00e6},    // the clock rose after the short trials
	}
	cpuinfo.WriteCPUs(os.Stdout, cpus)
	// Output:
	//   cpu  clock (GHz)  sustained (GHz)  share of a core  aes-256-gcm (kB/s)
	//     0         3.52             3.49              99%            5050000k
	//     1         3.50             1.63              47%            2400000k
	//     2         3.50             1.70              49%            2500000k
	//     3         3.41             3.31              97%            3400000k
	//     4         3.40             3.55             100%            5000000k
	// cpu 1: time-sliced by the host; AES at 48% of the fastest CPU's
	// cpu 2: busy here: other processes took turns; AES at 50% of the fastest CPU's
	// cpu 3: AES at 67% of the fastest CPU's
}
