package cpuinfo_test

import (
	"fmt"
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
