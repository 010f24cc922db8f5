package filecrypt

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/aesbench/aesbench/bench"
)

// BenchmarkFile times the whole-file workload, Encrypt, on a 16 MiB
// random file in the page cache, the ciphertext written beside it:
// reading, encryption and writing pipelined, as aesbench run --file does
// (without the verification, which is not timed there either).
func BenchmarkFile(b *testing.B) {
	const size = 16 << 20
	dir := b.TempDir()
	in, _ := writeRandom(b, dir, "in", size)
	out := filepath.Join(dir, "out")
	for _, name := range []string{"aes-128-cbc", "aes-256-cbc", "aes-256-ctr", "aes-256-gcm", "chacha20-poly1305", "3des-cbc"} {
		a, err := bench.Lookup(name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("algo="+name, func(b *testing.B) {
			fc, err := NewCipher(a)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if err := fc.Encrypt(context.Background(), in, out, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
