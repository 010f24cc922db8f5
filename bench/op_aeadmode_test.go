package bench

import (
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

// The per-message mode sets the key up for every message, so it allocates;
// the seal mode does not. Both really run the cipher.
func TestNewOpAEADMode(t *testing.T) {
	for _, name := range []string{"aes-256-gcm", "chacha20-poly1305"} {
		a, _ := Lookup(name)
		for _, dir := range []result.Direction{result.Encrypt, result.Decrypt} {
			seal, err := NewOpAEADMode(a, dir, 256, result.AEADModeSeal)
			if err != nil {
				t.Fatal(err)
			}
			per, err := NewOpAEADMode(a, dir, 256, result.AEADModePerMessage)
			if err != nil {
				t.Fatal(err)
			}
			if n := testing.AllocsPerRun(20, func() { seal.Run(1) }); n != 0 {
				t.Errorf("%s %s seal: %v allocations per message, want 0", name, dir, n)
			}
			if n := testing.AllocsPerRun(20, func() { per.Run(1) }); n == 0 {
				t.Errorf("%s %s per-message: no allocation: the key is not set up per message", name, dir)
			}
		}
	}
	cbc, _ := Lookup("aes-256-cbc")
	if op, err := NewOpAEADMode(cbc, result.Encrypt, 256, result.AEADModePerMessage); err != nil || op == nil {
		t.Errorf("per-message on a non-AEAD: %v", err)
	}
	gcm, _ := Lookup("aes-256-gcm")
	if _, err := NewOpAEADMode(gcm, result.Encrypt, 256, "bogus"); err == nil {
		t.Error("bogus AEAD mode accepted")
	}
}
