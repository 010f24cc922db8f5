package goengine

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"fmt"
	"testing"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/unit"
)

// BenchmarkFidelity shows that the runner does not distort what it
// measures: path=runner times messages exactly as the aesbench run
// command does (Sample over a bench.Op), path=bare is a minimal loop written
// by hand over crypto/cipher. Compare the two with benchstat:
//
//	go test -run '^$' -bench Fidelity -count 10 ./bench/goengine > fid.txt
//	benchstat -col /path fid.txt
func BenchmarkFidelity(b *testing.B) {
	for _, name := range []string{"aes-256-gcm", "aes-256-cbc"} {
		a, err := bench.Lookup(name)
		if err != nil {
			b.Fatal(err)
		}
		for _, size := range []int{16, 16384} {
			b.Run(fmt.Sprintf("path=runner/algo=%s/size=%d", name, size), func(b *testing.B) {
				op, err := bench.NewOp(a, result.Encrypt, size)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(size))
				b.ReportAllocs()
				b.ResetTimer()
				Sample(context.Background(), op, b.N, 0)
				reportKBps(b, size)
			})
			// A sample's chunks, at 1024 messages far smaller than
			// its ~100 ms ones, cost nothing a figure could show.
			b.Run(fmt.Sprintf("path=chunked/algo=%s/size=%d", name, size), func(b *testing.B) {
				op, err := bench.NewOp(a, result.Encrypt, size)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(size))
				b.ReportAllocs()
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				b.ResetTimer()
				inChunks(ctx, op.Run, b.N, 1024)
				reportKBps(b, size)
			})
			b.Run(fmt.Sprintf("path=bare/algo=%s/size=%d", name, size), func(b *testing.B) {
				key, iv, buf := bench.Random(a.KeySize), bench.Random(a.IV), bench.Random(size)
				block, err := aes.NewCipher(key)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(size))
				b.ReportAllocs()
				if a.Mode == bench.AEAD {
					gcm, err := cipher.NewGCM(block)
					if err != nil {
						b.Fatal(err)
					}
					ad := bench.Random(13) // the additional data of bench.Op
					out := make([]byte, 0, size+gcm.Overhead())
					for b.Loop() {
						out = gcm.Seal(out[:0], iv, buf, ad)
					}
				} else {
					cbc := cipher.NewCBCEncrypter(block, iv)
					for b.Loop() {
						cbc.CryptBlocks(buf, buf)
					}
				}
				reportKBps(b, size)
			})
		}
	}
}

// reportKBps adds the kB/s metric: 1000s of bytes per second.
func reportKBps(b *testing.B, size int) {
	b.ReportMetric(unit.KBps(int64(b.N)*int64(size), b.Elapsed()), "kB/s")
}
