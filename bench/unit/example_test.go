package unit_test

import (
	"fmt"

	"github.com/aesbench/aesbench/bench/unit"
)

func ExampleParseSize() {
	for _, s := range []string{"256", "16k", "16KiB", "80MB", "1.5GiB"} {
		n, err := unit.ParseSize(s)
		fmt.Println(s, n, err)
	}
	// Output:
	// 256 256 <nil>
	// 16k 16384 <nil>
	// 16KiB 16384 <nil>
	// 80MB 80000000 <nil>
	// 1.5GiB 1610612736 <nil>
}
