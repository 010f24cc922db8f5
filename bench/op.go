package bench

import (
	"crypto/cipher"
	"crypto/rand"
	"fmt"

	"github.com/aesbench/aesbench/bench/result"
)

// Op is one prepared measurement: a cipher keyed with random bytes, a
// random message of Size bytes and the buffers it reuses. Run does the work
// of n messages; it does not allocate.
//
// What one message costs, per mode:
//   - CBC and CTR encrypt or decrypt the buffer in place, the chaining or
//     counter state carrying on from one message to the next, as openssl
//     speed does;
//   - AEAD runs one Seal (or Open, which checks the tag) per message, with
//     13 bytes of additional data and the 16-byte tag, under a fixed key
//     and nonce, as Go's own crypto benchmarks do: the key schedule is not
//     timed;
//   - XTS encrypts or decrypts the message as one sector, numbered by its
//     position in the run.
type Op struct {
	Algo *Algorithm
	Dir  result.Direction
	Size int
	run  func(n int)
}

// Run processes n messages.
func (o *Op) Run(n int) { o.run(n) }

// Random returns n bytes from crypto/rand: every key, IV and message
// aesbench uses comes from it.
func Random(n int) []byte {
	b := make([]byte, n)
	rand.Read(b) // never fails: see crypto/rand.Read
	return b
}

// NewOp prepares algorithm a to process messages of size bytes in
// direction dir, with a fresh random key.
func NewOp(a *Algorithm, dir result.Direction, size int) (*Op, error) {
	if err := a.CheckSize(size); err != nil {
		return nil, err
	}
	if _, err := result.ParseDirection(string(dir)); err != nil {
		return nil, err
	}
	key, iv, buf := Random(a.KeySize), Random(a.IV), Random(size)
	op := &Op{Algo: a, Dir: dir, Size: size}
	var err error
	switch a.Mode {
	case CBC, CTR:
		op.run, err = blockRun(a, dir, key, iv, buf)
	case AEAD:
		op.run, err = aeadRun(a, dir, key, iv, buf)
	case XTS:
		op.run, err = xtsRun(a, dir, key, buf)
	default:
		err = fmt.Errorf("mode %d not measurable", a.Mode)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Name, err)
	}
	return op, nil
}

func blockRun(a *Algorithm, dir result.Direction, key, iv, buf []byte) (func(int), error) {
	b, err := a.block(key)
	if err != nil {
		return nil, err
	}
	if a.Mode == CTR {
		s := cipher.NewCTR(b, iv) // decryption is the same keystream XOR
		return func(n int) {
			for range n {
				s.XORKeyStream(buf, buf)
			}
		}, nil
	}
	m := cipher.NewCBCEncrypter(b, iv)
	if dir == result.Decrypt {
		m = cipher.NewCBCDecrypter(b, iv)
	}
	return func(n int) {
		for range n {
			m.CryptBlocks(buf, buf)
		}
	}, nil
}

// aeadAD is the additional data of each AEAD message: 13 bytes, the size of
// a TLS record header, as openssl speed and Go's benchmarks use.
const aeadAD = 13

func aeadRun(a *Algorithm, dir result.Direction, key, nonce, msg []byte) (func(int), error) {
	aead, err := a.aead(key)
	if err != nil {
		return nil, err
	}
	ad := Random(aeadAD)
	out := make([]byte, 0, len(msg)+aead.Overhead())
	if dir == result.Encrypt {
		return func(n int) {
			for range n {
				out = aead.Seal(out[:0], nonce, msg, ad)
			}
		}, nil
	}
	ct := aead.Seal(nil, nonce, msg, ad)
	return func(n int) {
		for range n {
			var err error
			if out, err = aead.Open(out[:0], nonce, ct, ad); err != nil {
				panic(fmt.Sprintf("%s: open of its own ciphertext failed: %v", a.Name, err))
			}
		}
	}, nil
}

func xtsRun(a *Algorithm, dir result.Direction, key, buf []byte) (func(int), error) {
	c, err := a.xts(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(buf))
	var sector uint64
	crypt := c.Encrypt
	if dir == result.Decrypt {
		crypt = c.Decrypt
	}
	return func(n int) {
		for range n {
			crypt(out, buf, sector)
			sector++
		}
	}, nil
}

// NewOpAEADMode is NewOp with the AEAD timing mode chosen: for an AEAD
// and result.AEADModePerMessage, every message sets the key up anew (AES key
// schedule and GHASH table, or ChaCha20-Poly1305's key copy) before its
// Seal or Open. Unlike the other Ops, that one allocates: Go's
// cipher.AEAD constructors return a new value each time. Other
// algorithms and modes get NewOp's Op.
func NewOpAEADMode(a *Algorithm, dir result.Direction, size int, mode result.AEADMode) (*Op, error) {
	if a.Mode != AEAD || mode == "" || mode == result.AEADModeSeal {
		return NewOp(a, dir, size)
	}
	if _, err := result.ParseAEADMode(string(mode)); err != nil {
		return nil, err
	}
	op, err := NewOp(a, dir, size) // checks size and direction
	if err != nil {
		return nil, err
	}
	key, nonce, msg, ad := Random(a.KeySize), Random(a.IV), Random(size), Random(aeadAD)
	aead, err := a.aead(key)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Name, err)
	}
	out := make([]byte, 0, size+aead.Overhead())
	ct := aead.Seal(nil, nonce, msg, ad)
	op.run = func(n int) {
		for range n {
			aead, err := a.aead(key)
			if err != nil {
				panic(fmt.Sprintf("%s: key set-up failed: %v", a.Name, err))
			}
			if dir == result.Encrypt {
				out = aead.Seal(out[:0], nonce, msg, ad)
				continue
			}
			if out, err = aead.Open(out[:0], nonce, ct, ad); err != nil {
				panic(fmt.Sprintf("%s: open of its own ciphertext failed: %v", a.Name, err))
			}
		}
	}
	return op, nil
}
