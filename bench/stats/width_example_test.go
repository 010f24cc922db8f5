package stats_test

import (
	"fmt"
	"math"

	"github.com/aesbench/aesbench/bench/stats"
)

// A narrow interval shows its wider side; a wide one, even in
// logarithms, both: a median ×/÷ 2.52 reaches +152% and only -60%,
// where "±152%" would reach below nothing.
func ExampleCI_Width() {
	for _, ci := range []stats.CI{
		{Median: 100, Lo: 100 / 1.046, Hi: 104.6, Pct: 4.6},
		{Median: 100, Lo: 100 / 2.52, Hi: 252, Pct: 152},
		{Median: 100, Lo: math.Inf(-1), Hi: math.Inf(1), Pct: math.Inf(1)},
	} {
		fmt.Println(ci.Width())
	}
	// Output:
	// ±4.6%
	// +152%/-60%
	// ±∞
}
