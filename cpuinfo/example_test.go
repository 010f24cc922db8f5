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
		{CPU: 0, PeakHz: 3.52e9, SustainedHz: 3.49e9, WaitShare: 0},
		{CPU: 1, PeakHz: 3.50e9, SustainedHz: 1.63e9, WaitShare: 0},    // no wait here: the host took the time
		{CPU: 2, PeakHz: 3.50e9, SustainedHz: 1.70e9, WaitShare: 0.51}, // waited behind another process here
	}
	cpuinfo.WriteCPUs(os.Stdout, cpus)
	// Output:
	//   cpu  clock (GHz)  sustained (GHz)  share of a core
	//     0         3.52             3.49              99%
	//     1         3.50             1.63              47%  time-sliced by the host
	//     2         3.50             1.70              49%  busy here: other processes took turns
}
