package bench

import (
	"fmt"
	"testing"
)

// BenchmarkThreads measures the aggregate throughput of 1 and 2 workers,
// each on its own OS thread with its own cipher (a Group), to show how
// far a cipher scales over cores:
//
//	go test -run '^$' -bench Threads -count 6 ./bench > threads.txt
//	benchstat -col /threads threads.txt
//
// One iteration is a barrier-synchronised round of groupChunk messages on
// every worker; MB/s and kB/s count all workers' bytes (the aggregate, as
// openssl speed -multi reports).
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
	}
}
