package filecrypt

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/aesbench/aesbench/bench"
)

// FuzzDecryptSHA256 feeds arbitrary ciphertext files to the verifier of
// each mode with padding or tags: it must never panic, and every failure
// must say the ciphertext does not decrypt.
func FuzzDecryptSHA256(f *testing.F) {
	dir := f.TempDir()
	var ciphers []*Cipher
	for _, name := range []string{"aes-256-cbc", "3des-cbc", "aes-256-gcm", "chacha20-poly1305"} {
		a, _ := bench.Lookup(name)
		fc, err := NewCipher(a)
		if err != nil {
			f.Fatal(err)
		}
		ciphers = append(ciphers, fc)
		in, _ := writeRandom(f, dir, "in", 40)
		out := filepath.Join(dir, "seed")
		if err := fc.Encrypt(context.Background(), in, out, false); err != nil {
			f.Fatal(err)
		}
		seed, _ := os.ReadFile(out)
		f.Add(uint8(len(ciphers)-1), seed)
	}
	f.Add(uint8(0), []byte{})
	f.Add(uint8(2), make([]byte, 16))
	f.Fuzz(func(t *testing.T, which uint8, ct []byte) {
		fc := ciphers[int(which)%len(ciphers)]
		path := filepath.Join(t.TempDir(), "ct")
		if err := os.WriteFile(path, ct, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := fc.DecryptSHA256(context.Background(), path); err != nil && !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: %d bytes: %v, want ErrCorrupt", fc.Algo.Name, len(ct), err)
		}
	})
}
