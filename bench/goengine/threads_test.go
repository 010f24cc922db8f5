package goengine

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// BenchmarkThreads measures the aggregate throughput of 1 and 2 workers,
// each on its own OS thread with its own cipher (a Group), to show how
// far a cipher scales over cores, beside the host's own scaling, the
// dependent ADD chain of result.HostRef on as many threads (algo=add-chain):
//
//	go test -run '^$' -bench Threads -count 6 ./bench/goengine > threads.txt
//	benchstat -col /threads threads.txt
//
// One iteration is a barrier-synchronised round of about roundTime on
// every worker, as long as a sample of aesbench run: each round most
// likely pays for waking the workers' idle vCPUs at the barrier, which
// rounds of a few ms do not amortise (with them this VM held even the
// chain to 1.54x, against 1.96x with 100 ms rounds). MB/s and kB/s count
// all workers' bytes (the aggregate, as openssl speed -multi reports).
// The add-chain rounds report adds/ns, the workers' aggregate effective
// clock in GHz: 2 threads get twice one thread's only on two whole cores,
// and a cipher can scale no further.
func BenchmarkThreads(b *testing.B) {
	const roundTime = 100 * time.Millisecond
	for _, threads := range []int{1, 2} {
		for _, c := range []struct {
			name string
			size int
		}{
			{"aes-256-gcm", 16384},
			{"aes-256-cbc", 16}, // a write to a small object per 16 bytes: false sharing shows (see NewGroup)
		} {
			a, err := bench.Lookup(c.name)
			if err != nil {
				b.Fatal(err)
			}
			size := c.size
			b.Run(fmt.Sprintf("threads=%d/algo=%s/size=%d", threads, c.name, size), func(b *testing.B) {
				g, err := NewGroup(a, result.Encrypt, size, threads, "")
				if err != nil {
					b.Fatal(err)
				}
				ctx := context.Background()
				n, _ := Calibrate(ctx, g.Ops[0], roundTime)
				g.Sample(ctx, n/10, roundTime/10) // warm up every worker
				b.SetBytes(int64(threads * n * size))
				b.ReportAllocs()
				for b.Loop() {
					g.Sample(ctx, n, roundTime)
				}
				reportKBps(b, threads*n*size)
			})
		}
		b.Run(fmt.Sprintf("threads=%d/algo=add-chain", threads), func(b *testing.B) {
			if !clockSupported {
				b.Skip("no ADD chain on this architecture")
			}
			iters, _ := chainItersFor(context.Background(), roundTime)
			b.ReportAllocs()
			for b.Loop() {
				together(threads, func(int) { addChain(iters) })
			}
			adds := float64(iters) * 32 * float64(threads) * float64(b.N)
			b.ReportMetric(adds/float64(b.Elapsed().Nanoseconds()), "adds/ns")
		})
	}
}
