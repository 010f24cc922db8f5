package bench

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkThreads measures the aggregate throughput of 1 and 2 workers,
// each on its own OS thread with its own cipher (a Group), to show how
// far a cipher scales over cores, beside the host's own scaling, the
// dependent ADD chain of HostRef on as many threads (algo=add-chain):
//
//	go test -run '^$' -bench Threads -count 6 ./bench > threads.txt
//	benchstat -col /threads threads.txt
//
// One iteration is a barrier-synchronised round of groupChunk messages on
// every worker; MB/s and kB/s count all workers' bytes (the aggregate, as
// openssl speed -multi reports). The add-chain rounds report adds/ns, the
// workers' aggregate effective clock in GHz: 2 threads get twice one
// thread's only on two whole cores, and a cipher can scale no further.
func BenchmarkThreads(b *testing.B) {
	const groupChunk = 1024 // 16 MiB a round: a few ms, so the barrier costs little
	for _, threads := range []int{1, 2} {
		for _, name := range []string{"aes-256-gcm"} {
			a, err := Lookup(name)
			if err != nil {
				b.Fatal(err)
			}
			size := 16384
			b.Run(fmt.Sprintf("threads=%d/algo=%s/size=%d", threads, name, size), func(b *testing.B) {
				g, err := NewGroup(a, Encrypt, size, threads, "")
				if err != nil {
					b.Fatal(err)
				}
				g.Sample(groupChunk) // warm up every worker
				b.SetBytes(int64(threads * groupChunk * size))
				b.ReportAllocs()
				for b.Loop() {
					g.Sample(groupChunk)
				}
				reportKBps(b, threads*groupChunk*size)
			})
		}
		b.Run(fmt.Sprintf("threads=%d/algo=add-chain", threads), func(b *testing.B) {
			if !clockSupported {
				b.Skip("no ADD chain on this architecture")
			}
			iters := chainItersFor(5 * time.Millisecond)
			b.ReportAllocs()
			for b.Loop() {
				together(threads, func(int) { addChain(iters) })
			}
			adds := float64(iters) * 32 * float64(threads) * float64(b.N)
			b.ReportMetric(adds/float64(b.Elapsed().Nanoseconds()), "adds/ns")
		})
	}
}
