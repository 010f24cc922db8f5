package bench_test

import (
	"fmt"

	"github.com/aesbench/aesbench/bench"
)

// A size the mode cannot take is an error that says what would fit.
func ExampleAlgorithm_CheckSize() {
	a, _ := bench.Lookup("des-ede3-cbc")
	fmt.Println(a.Name, a.CheckSize(20))
	// Output: 3des-cbc 3des-cbc: size 20 is not a multiple of its 8-byte block (try 16 or 24)
}
