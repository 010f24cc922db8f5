package bench

import (
	"encoding/hex"
	"strings"
	"testing"
)

func TestVerifyEveryAlgorithm(t *testing.T) {
	for _, a := range Algorithms() {
		t.Run(a.Name, func(t *testing.T) {
			if err := Verify(a); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestVerifyCatchesWrongCipher feeds each algorithm's vectors to a wrong
// implementation: the check must fail, or it could not catch anything.
func TestVerifyCatchesWrongCipher(t *testing.T) {
	for _, a := range Algorithms() {
		t.Run(a.Name, func(t *testing.T) {
			// Same cipher, corrupted key: every vector must fail.
			for _, v := range vectors[a.Name] {
				k := unhex(v.key)
				k[0] ^= 0x80
				v.key = hex.EncodeToString(k)
				if err := v.check(a); err == nil {
					t.Errorf("%s: check passed with a corrupted key", v.source)
				}
			}
		})
	}
}

func TestVerifyWithoutVectors(t *testing.T) {
	a := &Algorithm{Name: "rot13-cbc"}
	if err := Verify(a); err == nil || !strings.Contains(err.Error(), "no known-answer vector") {
		t.Fatalf("Verify(no vectors) = %v, want an error", err)
	}
}
