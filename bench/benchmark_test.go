package bench

import (
	"fmt"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/unit"
)

// These benchmarks print openssl-comparable figures on any host with only
// Go installed:
//
//	go test -run '^$' -bench . ./bench
//
// Each sub-benchmark is named algo=<name>/size=<bytes> so that benchstat
// can pivot on either key; beside MB/s (10^6 bytes/s) each reports kB/s,
// the unit of openssl speed.

func BenchmarkEncrypt(b *testing.B) { benchmarkSuite(b, result.Encrypt) }
func BenchmarkDecrypt(b *testing.B) { benchmarkSuite(b, result.Decrypt) }

func benchmarkSuite(b *testing.B, dir result.Direction) {
	for _, a := range Algorithms() {
		if err := Verify(a); err != nil {
			b.Fatal(err)
		}
		for _, size := range DefaultSizes {
			b.Run(fmt.Sprintf("algo=%s/size=%d", a.Name, size), func(b *testing.B) {
				op, err := NewOp(a, dir, size)
				if err != nil {
					b.Fatal(err)
				}
				benchmarkOp(b, op)
			})
		}
	}
}

// benchmarkOp times one message of op per iteration.
func benchmarkOp(b *testing.B, op *Op) {
	b.SetBytes(int64(op.Size))
	b.ReportAllocs()
	for b.Loop() {
		op.Run(1)
	}
	reportKBps(b, op.Size)
}

// reportKBps adds the kB/s metric: 1000s of bytes per second.
func reportKBps(b *testing.B, size int) {
	b.ReportMetric(unit.KBps(int64(b.N)*int64(size), b.Elapsed()), "kB/s")
}

// BenchmarkAEADMode compares the go engine's two ways of timing an AEAD:
// mode=seal (one Seal per message under a key set up once) and
// mode=per-message (a new cipher.AEAD from the key, then Seal, per
// message: openssl speed's way from 3.0.16, which allocates).
func BenchmarkAEADMode(b *testing.B) {
	for _, name := range []string{"aes-256-gcm", "chacha20-poly1305"} {
		a, err := Lookup(name)
		if err != nil {
			b.Fatal(err)
		}
		for _, mode := range []result.AEADMode{result.AEADModeSeal, result.AEADModePerMessage} {
			for _, size := range []int{16, 1024, 16384} {
				b.Run(fmt.Sprintf("algo=%s/mode=%s/size=%d", name, mode, size), func(b *testing.B) {
					op, err := NewOpAEADMode(a, result.Encrypt, size, mode)
					if err != nil {
						b.Fatal(err)
					}
					benchmarkOp(b, op)
				})
			}
		}
	}
}
