package bench_test

import (
	"fmt"

	"github.com/aesbench/aesbench/bench"
)

func ExampleParseSize() {
	for _, s := range []string{"256", "16k", "16KiB", "80MB", "1.5GiB"} {
		n, err := bench.ParseSize(s)
		fmt.Println(s, n, err)
	}
	// Output:
	// 256 256 <nil>
	// 16k 16384 <nil>
	// 16KiB 16384 <nil>
	// 80MB 80000000 <nil>
	// 1.5GiB 1610612736 <nil>
}

// A size the mode cannot take is an error that says what would fit.
func ExampleAlgorithm_CheckSize() {
	a, _ := bench.Lookup("des-ede3-cbc")
	fmt.Println(a.Name, a.CheckSize(20))
	// Output: 3des-cbc 3des-cbc: size 20 is not a multiple of its 8-byte block (try 16 or 24)
}
