package bench

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"strings"
	"testing"

	"golang.org/x/crypto/xts"
)

// badDecrypt is a block cipher that encrypts right and decrypts wrong:
// one bit of every block it decrypts is flipped.
type badDecrypt struct{ cipher.Block }

func (b badDecrypt) Decrypt(dst, src []byte) {
	b.Block.Decrypt(dst, src)
	dst[0] ^= 1
}

// TestVerifyCatchesWrongDecryption gives every algorithm that decrypts
// with its block cipher's Decrypt (CBC, its ECB vector, XTS) a block
// cipher whose encryption is right and decryption wrong: Verify must
// check decryption too, and fail.
func TestVerifyCatchesWrongDecryption(t *testing.T) {
	for _, a := range Algorithms() {
		bad := *a
		switch {
		case a.Mode == CBC:
			orig := a.block
			bad.block = func(key []byte) (cipher.Block, error) {
				b, err := orig(key)
				return badDecrypt{b}, err
			}
		case a.Mode == XTS:
			bad.xts = func(key []byte) (*xts.Cipher, error) {
				return xts.NewCipher(func(k []byte) (cipher.Block, error) {
					b, err := aes.NewCipher(k)
					return badDecrypt{b}, err
				}, key)
			}
		default:
			continue // CTR and AEADs decrypt with Encrypt
		}
		t.Run(a.Name, func(t *testing.T) {
			for _, v := range vectors[a.Name] {
				if err := v.check(&bad); err == nil || !strings.Contains(err.Error(), "decrypt") {
					t.Errorf("%s: check = %v, want a decryption error", v.source, err)
				}
			}
			if err := Verify(&bad); err == nil {
				t.Error("Verify passed a cipher that decrypts wrong")
			}
		})
	}
}

// noTagCheck is AES-GCM whose Open decrypts without checking the tag:
// it accepts any tag.
type noTagCheck struct {
	cipher.AEAD
	block cipher.Block
}

func (g noTagCheck) Open(dst, nonce, ciphertext, ad []byte) ([]byte, error) {
	ct := ciphertext[:len(ciphertext)-g.Overhead()]
	ctr := make([]byte, 16)
	copy(ctr, nonce)                        // a 12-byte nonce ...
	binary.BigEndian.PutUint32(ctr[12:], 2) // ... and the counter after J0
	out := make([]byte, len(ct))
	cipher.NewCTR(g.block, ctr).XORKeyStream(out, ct)
	return append(dst, out...), nil
}

// TestVerifyCatchesAnAEADAcceptingAnyTag: the GCM vectors must fail a
// GCM that encrypts and decrypts right but never checks the tag.
func TestVerifyCatchesAnAEADAcceptingAnyTag(t *testing.T) {
	for _, name := range []string{"aes-128-gcm", "aes-256-gcm"} {
		a, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		bad := *a
		bad.aead = func(key []byte) (cipher.AEAD, error) {
			b, err := aes.NewCipher(key)
			if err != nil {
				return nil, err
			}
			g, err := cipher.NewGCM(b)
			return noTagCheck{g, b}, err
		}
		t.Run(name, func(t *testing.T) {
			// The fake is right about everything but the tag.
			for _, v := range vectors[name] {
				g, err := bad.aead(unhex(v.key))
				if err != nil {
					t.Fatal(err)
				}
				p, err := g.Open(nil, unhex(v.iv), append(unhex(v.ciphertext), unhex(v.tag)...), unhex(v.ad))
				if err != nil || string(p) != string(unhex(v.plain)) {
					t.Fatalf("%s: the fake decrypts wrong (%v): the test proves nothing", v.source, err)
				}
				if err := v.check(&bad); err == nil || !strings.Contains(err.Error(), "forged tag") {
					t.Errorf("%s: check = %v, want a forged tag error", v.source, err)
				}
			}
			if err := Verify(&bad); err == nil {
				t.Error("Verify passed an AEAD that accepts any tag")
			}
		})
	}
}

// badEncrypt is a block cipher that decrypts right and encrypts wrong.
type badEncrypt struct{ cipher.Block }

func (b badEncrypt) Encrypt(dst, src []byte) {
	b.Block.Encrypt(dst, src)
	dst[0] ^= 1
}

// badSeal is an AEAD whose Open is right and whose Seal is not.
type badSeal struct{ cipher.AEAD }

func (a badSeal) Seal(dst, nonce, plaintext, ad []byte) []byte {
	out := a.AEAD.Seal(dst, nonce, plaintext, ad)
	out[len(dst)] ^= 1
	return out
}

// TestVerifyCatchesWrongEncryption gives every algorithm whose decryption
// does not use its encryption (CBC, its ECB vector, XTS, the AEADs' Seal)
// a cipher that decrypts right and encrypts wrong: Verify must check
// encryption, and fail.
func TestVerifyCatchesWrongEncryption(t *testing.T) {
	for _, a := range Algorithms() {
		bad := *a
		switch a.Mode {
		case CBC:
			orig := a.block
			bad.block = func(key []byte) (cipher.Block, error) {
				b, err := orig(key)
				return badEncrypt{b}, err
			}
		case XTS:
			bad.xts = func(key []byte) (*xts.Cipher, error) {
				return xts.NewCipher(func(k []byte) (cipher.Block, error) {
					b, err := aes.NewCipher(k)
					return badEncrypt{b}, err
				}, key)
			}
		case AEAD:
			orig := a.aead
			bad.aead = func(key []byte) (cipher.AEAD, error) {
				g, err := orig(key)
				return badSeal{g}, err
			}
		default:
			continue // CTR decrypts with Encrypt
		}
		t.Run(a.Name, func(t *testing.T) {
			for _, v := range vectors[a.Name] {
				if err := v.check(&bad); err == nil || !strings.HasPrefix(err.Error(), "encrypt:") {
					t.Errorf("%s: check = %v, want an encryption error", v.source, err)
				}
			}
		})
	}
}
