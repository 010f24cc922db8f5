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
	out  func() []byte // the last message's output, for Verify
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
	return randomOp(a, dir, size, false)
}

// opKeying is what an Op is built from besides its input message: the
// key, the IV (a nonce for AEADs), the additional data (AEADs) and the
// first sector (XTS). NewOp draws them at random; Verify takes a
// published vector's, so that the code it checks is the code timed.
type opKeying struct {
	key, iv, ad []byte
	sector      uint64
}

// randomOp is NewOp, or with perMessage NewOpAEADMode's per-message Op.
func randomOp(a *Algorithm, dir result.Direction, size int, perMessage bool) (*Op, error) {
	if err := a.CheckSize(size); err != nil {
		return nil, err
	}
	if _, err := result.ParseDirection(string(dir)); err != nil {
		return nil, err
	}
	k := opKeying{key: Random(a.KeySize), iv: Random(a.IV)}
	in := Random(size)
	if a.Mode == AEAD {
		k.ad = Random(aeadAD)
		if dir == result.Decrypt { // Open needs a ciphertext that is one
			aead, err := a.aead(k.key)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", a.Name, err)
			}
			in = aead.Seal(nil, k.iv, in, k.ad)
		}
	}
	op, err := newOp(a, dir, k, in, perMessage)
	if err != nil {
		return nil, err
	}
	op.Size = size
	return op, nil
}

// newOp builds the Op of a in direction dir over the message in
// (plaintext to encrypt, or ciphertext, with its tag for AEADs, to
// decrypt) under k; with perMessage an AEAD sets its key up anew for
// every message.
func newOp(a *Algorithm, dir result.Direction, k opKeying, in []byte, perMessage bool) (*Op, error) {
	op := &Op{Algo: a, Dir: dir, Size: len(in)}
	var err error
	switch a.Mode {
	case CBC, CTR:
		op.run, op.out, err = blockRun(a, dir, k, in)
	case AEAD:
		op.run, op.out, err = aeadRun(a, dir, k, in, perMessage)
	case XTS:
		op.run, op.out, err = xtsRun(a, dir, k, in)
	default:
		err = fmt.Errorf("mode %d not measurable", a.Mode)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Name, err)
	}
	return op, nil
}

// blockRun works in place on buf: its output is buf.
func blockRun(a *Algorithm, dir result.Direction, k opKeying, buf []byte) (func(int), func() []byte, error) {
	b, err := a.block(k.key)
	if err != nil {
		return nil, nil, err
	}
	out := func() []byte { return buf }
	if a.Mode == CTR {
		s := cipher.NewCTR(b, k.iv) // decryption is the same keystream XOR
		return func(n int) {
			for range n {
				s.XORKeyStream(buf, buf)
			}
		}, out, nil
	}
	m := cipher.NewCBCEncrypter(b, k.iv)
	if dir == result.Decrypt {
		m = cipher.NewCBCDecrypter(b, k.iv)
	}
	return func(n int) {
		for range n {
			m.CryptBlocks(buf, buf)
		}
	}, out, nil
}

// aeadAD is the additional data of each AEAD message: 13 bytes, the size of
// a TLS record header, as openssl speed and Go's benchmarks use.
const aeadAD = 13

// aeadRun seals in, or opens it, once a message, under one key set up
// before (or, perMessage, anew for every message).
func aeadRun(a *Algorithm, dir result.Direction, k opKeying, in []byte, perMessage bool) (func(int), func() []byte, error) {
	aead, err := a.aead(k.key)
	if err != nil {
		return nil, nil, err
	}
	nonce, ad := k.iv, k.ad
	buf := make([]byte, 0, len(in)+aead.Overhead())
	out := func() []byte { return buf }
	if !perMessage {
		if dir == result.Encrypt {
			return func(n int) {
				for range n {
					buf = aead.Seal(buf[:0], nonce, in, ad)
				}
			}, out, nil
		}
		return func(n int) {
			for range n {
				var err error
				if buf, err = aead.Open(buf[:0], nonce, in, ad); err != nil {
					panic(fmt.Sprintf("%s: open of its own ciphertext failed: %v", a.Name, err))
				}
			}
		}, out, nil
	}
	return func(n int) {
		for range n {
			aead, err := a.aead(k.key)
			if err != nil {
				panic(fmt.Sprintf("%s: key set-up failed: %v", a.Name, err))
			}
			if dir == result.Encrypt {
				buf = aead.Seal(buf[:0], nonce, in, ad)
				continue
			}
			if buf, err = aead.Open(buf[:0], nonce, in, ad); err != nil {
				panic(fmt.Sprintf("%s: open of its own ciphertext failed: %v", a.Name, err))
			}
		}
	}, out, nil
}

// xtsRun treats each message as one sector, numbered from k.sector on.
func xtsRun(a *Algorithm, dir result.Direction, k opKeying, in []byte) (func(int), func() []byte, error) {
	c, err := a.xts(k.key)
	if err != nil {
		return nil, nil, err
	}
	buf := make([]byte, len(in))
	sector := k.sector
	crypt := c.Encrypt
	if dir == result.Decrypt {
		crypt = c.Decrypt
	}
	return func(n int) {
		for range n {
			crypt(buf, in, sector)
			sector++
		}
	}, func() []byte { return buf }, nil
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
	return randomOp(a, dir, size, true)
}
