package cpuinfo_test

import (
	"fmt"

	"github.com/aesbench/aesbench/cpuinfo"
)

// Judge saved /proc/cpuinfo files of the two m2.2xlarge hosts of the
// origin story: knight got a CPU with AES-NI, padawan did not.
func ExampleReport_Check() {
	for _, f := range []string{"testdata/knight.cpuinfo", "testdata/padawan.cpuinfo"} {
		r, err := cpuinfo.FromFile(f)
		if err != nil {
			fmt.Println(err)
			continue
		}
		v, err := r.Check(nil)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(v)
	}
	// Output:
	// hardware AES: yes (aes, pclmulqdq)
	// hardware AES: no: the CPU lacks aes, pclmulqdq
}
