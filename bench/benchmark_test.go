package bench

import (
	"crypto/aes"
	"crypto/cipher"
	"fmt"
	"testing"
)

// These benchmarks print openssl-comparable figures on any host with only
// Go installed:
//
//	go test -run '^$' -bench . ./bench
//
// Each sub-benchmark is named algo=<name>/size=<bytes> so that benchstat
// can pivot on either key; beside MB/s (10^6 bytes/s) each reports kB/s,
// the unit of openssl speed.

func BenchmarkEncrypt(b *testing.B) { benchmarkSuite(b, Encrypt) }
func BenchmarkDecrypt(b *testing.B) { benchmarkSuite(b, Decrypt) }

func benchmarkSuite(b *testing.B, dir Direction) {
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
	b.ReportMetric(float64(b.N)*float64(size)/b.Elapsed().Seconds()/1000, "kB/s")
}

// BenchmarkFidelity shows that the runner does not distort what it
// measures: path=runner times messages exactly as the aesbench run
// command does (Sample over an Op), path=bare is a minimal loop written
// by hand over crypto/cipher. Compare the two with benchstat:
//
//	go test -run '^$' -bench Fidelity -count 10 ./bench > fid.txt
//	benchstat -col /path fid.txt
func BenchmarkFidelity(b *testing.B) {
	for _, name := range []string{"aes-256-gcm", "aes-256-cbc"} {
		a, err := Lookup(name)
		if err != nil {
			b.Fatal(err)
		}
		for _, size := range []int{16, 16384} {
			b.Run(fmt.Sprintf("path=runner/algo=%s/size=%d", name, size), func(b *testing.B) {
				op, err := NewOp(a, Encrypt, size)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(size))
				b.ReportAllocs()
				b.ResetTimer()
				Sample(op, b.N)
				reportKBps(b, size)
			})
			b.Run(fmt.Sprintf("path=bare/algo=%s/size=%d", name, size), func(b *testing.B) {
				key, iv, buf := random(a.KeySize), random(a.IV), random(size)
				block, err := aes.NewCipher(key)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(size))
				b.ReportAllocs()
				if a.Mode == AEAD {
					gcm, err := cipher.NewGCM(block)
					if err != nil {
						b.Fatal(err)
					}
					ad := random(aeadAD)
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
		for _, mode := range []string{AEADModeSeal, AEADModePerMessage} {
			for _, size := range []int{16, 1024, 16384} {
				b.Run(fmt.Sprintf("algo=%s/mode=%s/size=%d", name, mode, size), func(b *testing.B) {
					op, err := NewOpAEADMode(a, Encrypt, size, mode)
					if err != nil {
						b.Fatal(err)
					}
					benchmarkOp(b, op)
				})
			}
		}
	}
}
