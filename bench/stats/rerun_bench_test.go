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

// BenchmarkHostOf: compare takes the host factor of every results file
// once, over all its cells (48 of the default suite on both engines),
// then each cell's interval against it.
func BenchmarkHostOf(b *testing.B) {
	for _, n := range []int{16, 1000} {
		rng := rand.New(rand.NewPCG(2, uint64(n)))
		cells := make([][]float64, 48)
		for c := range cells {
			cells[c] = make([]float64, n)
			for i := range cells[c] {
				cells[c][i] = float64(1000*(c+1)) * (1 + 0.05*rng.NormFloat64())
			}
		}
		b.Run(fmt.Sprintf("cells=48/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				h := HostOf(cells)
				for _, xs := range cells {
					h.RerunInterval(xs, 0)
				}
			}
		})
	}
}

// BenchmarkCompareSamples: compare tests every cell of every pair of
// hosts, and the U test's exact distribution at 50 samples a side once
// cost 0.6 s a call; its critical value is now worked out once per pair
// of sample counts.
func BenchmarkCompareSamples(b *testing.B) {
	for _, n := range []int{16, 50, 200} {
		rng := rand.New(rand.NewPCG(2, uint64(n)))
		xs, ys := make([]float64, n), make([]float64, n)
		for i := range xs {
			xs[i], ys[i] = 1e6*(1+0.05*rng.NormFloat64()), 1.02e6*(1+0.05*rng.NormFloat64())
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				CompareSamples(xs, ys)
			}
		})
	}
}
