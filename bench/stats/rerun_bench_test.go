package stats

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkRerunInterval: a results file from another host may carry
// thousands of samples a cell (--time 1ms --precision), and run,
// compare and report take a rerun interval of every cell.
func BenchmarkRerunInterval(b *testing.B) {
	for _, n := range []int{16, 100, 1000, 10000} {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = 1e6 * (1 + 0.05*rng.NormFloat64())
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				RerunInterval(xs, 0)
			}
		})
	}
}
