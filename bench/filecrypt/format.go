package filecrypt

import (
	"bytes"
	"crypto/cipher"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/aesbench/aesbench/bench"
)

// ChunkSize is the plaintext size of each buffer of the file pipeline, and
// of each sealed chunk of an bench.AEAD file: 1 MiB.
const ChunkSize = 1 << 20

// A Cipher encrypts a whole file as a stream of chunks of ChunkSize
// plaintext bytes (the last one shorter), under a fresh random key and IV.
// What the ciphertext is, per mode:
//
//   - CBC: one bench.CBC chain over the whole file, the last block padded by
//     PKCS#7 (1 to Block bytes, each holding the pad length): the bytes
//     `openssl enc -<cipher> -K <key> -iv <iv>` writes.
//   - CTR: the plaintext XORed with one keystream from the IV, as
//     `openssl enc -aes-256-ctr -K <key> -iv <iv>` writes.
//   - AEAD: the file is cut into chunks of ChunkSize plaintext bytes, the
//     last one shorter (an empty file is one empty chunk), and each chunk is
//     sealed on its own: ciphertext || 16-byte tag, so the file grows by 16
//     bytes a chunk. Chunk i (from 0) is sealed with the 12-byte nonce
//     prefix || uint64 big-endian i, where prefix is 4 random bytes chosen
//     per file, and with 9 bytes of additional data, uint64 big-endian i ||
//     1 for the last chunk, 0 otherwise. Decryption thus detects chunks
//     that are reordered, dropped from the end (truncation) or appended.
//   - bench.XTS is for disk sectors, not files: NewCipher refuses it.
//
// Key and IV are never printed; the openssl engine passes them to openssl
// enc in hex.
type Cipher struct {
	Algo *bench.Algorithm
	key  []byte
	iv   []byte // the IV for bench.CBC and bench.CTR; the 4-byte nonce prefix for AEADs

	block cipher.Block
	aead  cipher.AEAD
}

// ErrNotForFiles is wrapped by NewCipher for an algorithm that the file
// workload does not measure.
var ErrNotForFiles = errors.New("not a file cipher")

// NewCipher keys algorithm a with random bytes for one file.
func NewCipher(a *bench.Algorithm) (*Cipher, error) {
	fc := &Cipher{Algo: a, key: bench.Random(a.KeySize)}
	var err error
	switch a.Mode {
	case bench.CBC, bench.CTR:
		fc.iv = bench.Random(a.IV)
		fc.block, err = a.NewBlock(fc.key)
	case bench.AEAD:
		if a.IV != 12 {
			return nil, fmt.Errorf("%s: %w: nonce of %d bytes, want 12", a.Name, ErrNotForFiles, a.IV)
		}
		fc.iv = bench.Random(4)
		fc.aead, err = a.NewAEAD(fc.key)
	default:
		return nil, fmt.Errorf("%s: %w: it encrypts disk sectors, not files", a.Name, ErrNotForFiles)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Name, err)
	}
	return fc, nil
}

// Overhead is how many bytes a file of size bytes grows by when encrypted.
func (fc *Cipher) Overhead(size int64) int64 {
	switch fc.Algo.Mode {
	case bench.CBC:
		b := int64(fc.Algo.Block)
		return b - size%b
	case bench.AEAD:
		return chunks(size) * int64(fc.aead.Overhead())
	}
	return 0
}

// chunks is the number of bench.AEAD chunks of a file of size bytes.
func chunks(size int64) int64 { return max(1, (size+ChunkSize-1)/ChunkSize) }

// maxOverhead is the most one chunk grows by: a tag, or a block of padding.
const maxOverhead = 16

// encrypter returns the function that encrypts chunk after chunk in place:
// buf holds the chunk's plaintext and has room for maxOverhead more bytes;
// it returns the ciphertext, in buf's array. Every chunk but the last must
// be ChunkSize bytes.
func (fc *Cipher) encrypter() func(buf []byte, index int64, last bool) []byte {
	switch fc.Algo.Mode {
	case bench.CBC:
		m := cipher.NewCBCEncrypter(fc.block, fc.iv)
		return func(buf []byte, _ int64, last bool) []byte {
			if last {
				buf = pad(buf, fc.Algo.Block)
			}
			m.CryptBlocks(buf, buf)
			return buf
		}
	case bench.CTR:
		s := cipher.NewCTR(fc.block, fc.iv)
		return func(buf []byte, _ int64, _ bool) []byte {
			s.XORKeyStream(buf, buf)
			return buf
		}
	default:
		var nonce [12]byte
		var ad [9]byte
		copy(nonce[:], fc.iv)
		return func(buf []byte, index int64, last bool) []byte {
			fc.chunkParams(&nonce, &ad, index, last)
			return fc.aead.Seal(buf[:0], nonce[:], buf, ad[:])
		}
	}
}

// chunkParams fills the nonce's counter and the additional data of an bench.AEAD
// chunk.
func (fc *Cipher) chunkParams(nonce *[12]byte, ad *[9]byte, index int64, last bool) {
	binary.BigEndian.PutUint64(nonce[4:], uint64(index))
	binary.BigEndian.PutUint64(ad[:8], uint64(index))
	ad[8] = 0
	if last {
		ad[8] = 1
	}
}

// pad appends PKCS#7 padding to b, within its capacity.
func pad(b []byte, block int) []byte {
	n := block - len(b)%block
	for range n {
		b = append(b, byte(n))
	}
	return b
}

// ErrCorrupt is wrapped by a decrypter for a ciphertext that does not
// decrypt: bad padding, a bad tag or a bad length.
var ErrCorrupt = errors.New("ciphertext does not decrypt")

// decrypter returns the function that decrypts the chunks of a ciphertext of
// total bytes in place, for verification. Each call takes the next
// ciphertext chunk, of cipherChunk bytes but the last, and returns its
// plaintext in buf's array.
func (fc *Cipher) decrypter(total int64) (cipherChunk int, dec func(buf []byte, index int64, last bool) ([]byte, error), err error) {
	switch fc.Algo.Mode {
	case bench.CBC:
		b := fc.Algo.Block
		if total == 0 || total%int64(b) != 0 {
			return 0, nil, fmt.Errorf("%w: %d bytes is not a whole number of %d-byte blocks", ErrCorrupt, total, b)
		}
		m := cipher.NewCBCDecrypter(fc.block, fc.iv)
		return ChunkSize, func(buf []byte, _ int64, last bool) ([]byte, error) {
			m.CryptBlocks(buf, buf)
			if last {
				return unpad(buf, b)
			}
			return buf, nil
		}, nil
	case bench.CTR:
		s := cipher.NewCTR(fc.block, fc.iv)
		return ChunkSize, func(buf []byte, _ int64, _ bool) ([]byte, error) {
			s.XORKeyStream(buf, buf)
			return buf, nil
		}, nil
	default:
		tag := fc.aead.Overhead()
		var nonce [12]byte
		var ad [9]byte
		copy(nonce[:], fc.iv)
		return ChunkSize + tag, func(buf []byte, index int64, last bool) ([]byte, error) {
			fc.chunkParams(&nonce, &ad, index, last)
			out, err := fc.aead.Open(buf[:0], nonce[:], buf, ad[:])
			if err != nil {
				return nil, fmt.Errorf("%w: chunk %d: %v", ErrCorrupt, index, err)
			}
			return out, nil
		}, nil
	}
}

// unpad checks and strips PKCS#7 padding.
func unpad(b []byte, block int) ([]byte, error) {
	if len(b) == 0 || len(b)%block != 0 {
		return nil, fmt.Errorf("%w: last chunk of %d bytes", ErrCorrupt, len(b))
	}
	n := int(b[len(b)-1])
	if n == 0 || n > block || !bytes.Equal(b[len(b)-n:], bytes.Repeat([]byte{byte(n)}, n)) {
		return nil, fmt.Errorf("%w: bad padding", ErrCorrupt)
	}
	return b[:len(b)-n], nil
}
