package bench

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"fmt"
	"slices"
	"strings"

	"github.com/aesbench/aesbench/bench/unit"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/xts"
)

// Mode is how an algorithm turns a block or stream cipher into messages.
type Mode int

const (
	CBC  Mode = iota // block chaining: sizes in whole blocks, chained across messages
	CTR              // counter stream: any size
	AEAD             // authenticated: one Seal or Open per message, 13 bytes of AAD, a 16-byte tag
	XTS              // tweaked blocks per sector: sizes in whole 16-byte blocks
)

// Algorithm is one cipher as aesbench measures it.
type Algorithm struct {
	Name    string   // stable name, e.g. "aes-256-cbc"
	Aliases []string // other accepted names, e.g. "des-ede3-cbc"
	Mode    Mode
	KeySize int  // bytes
	IV      int  // IV, counter or nonce bytes; 0 for XTS, which takes a sector number
	Block   int  // sizes must be a multiple of this (1 for CTR and AEAD)
	AES     bool // built on AES, so AES-NI matters

	// One of these builds the cipher from a key.
	block func(key []byte) (cipher.Block, error) // CBC and CTR
	aead  func(key []byte) (cipher.AEAD, error)  // AEAD
	xts   func(key []byte) (*xts.Cipher, error)  // XTS
}

func gcm(key []byte) (cipher.AEAD, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

func aesXTS(key []byte) (*xts.Cipher, error) { return xts.NewCipher(aes.NewCipher, key) }

// algorithms is the suite, in the order tables list it.
var algorithms = []*Algorithm{
	{Name: "aes-128-cbc", Mode: CBC, KeySize: 16, IV: 16, Block: aes.BlockSize, AES: true, block: aes.NewCipher},
	{Name: "aes-256-cbc", Mode: CBC, KeySize: 32, IV: 16, Block: aes.BlockSize, AES: true, block: aes.NewCipher},
	{Name: "aes-128-ctr", Mode: CTR, KeySize: 16, IV: 16, Block: 1, AES: true, block: aes.NewCipher},
	{Name: "aes-256-ctr", Mode: CTR, KeySize: 32, IV: 16, Block: 1, AES: true, block: aes.NewCipher},
	{Name: "aes-128-gcm", Mode: AEAD, KeySize: 16, IV: 12, Block: 1, AES: true, aead: gcm},
	{Name: "aes-256-gcm", Mode: AEAD, KeySize: 32, IV: 12, Block: 1, AES: true, aead: gcm},
	{Name: "aes-256-xts", Mode: XTS, KeySize: 64, Block: aes.BlockSize, AES: true, xts: aesXTS},
	{Name: "3des-cbc", Aliases: []string{"des-ede3-cbc", "des-ede3", "3des"}, Mode: CBC, KeySize: 24, IV: 8, Block: des.BlockSize, block: des.NewTripleDESCipher},
	{Name: "chacha20-poly1305", Mode: AEAD, KeySize: chacha20poly1305.KeySize, IV: chacha20poly1305.NonceSize, Block: 1, aead: chacha20poly1305.New},
}

// DefaultAlgos is the default suite: the knight/padawan experiment's pair
// (AES-256-CBC, which AES-NI speeds up, and 3DES-CBC, which nothing does)
// plus AES-256-GCM, what TLS and most storage use today.
var DefaultAlgos = []string{"aes-256-cbc", "aes-256-gcm", "3des-cbc"}

// DefaultSizes are the message sizes of openssl speed.
var DefaultSizes = []int{16, 64, 256, 1024, 8192, 16384}

// MaxSize is the largest message aesbench measures: 64 MiB.
const MaxSize = 64 << 20

// Algorithms returns the whole suite in table order.
func Algorithms() []*Algorithm { return slices.Clone(algorithms) }

// AlgorithmNames lists the stable names of the suite.
func AlgorithmNames() []string {
	names := make([]string, len(algorithms))
	for i, a := range algorithms {
		names[i] = a.Name
	}
	return names
}

// Lookup finds an algorithm by name or alias, ignoring case.
func Lookup(name string) (*Algorithm, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, a := range algorithms {
		if a.Name == n || slices.Contains(a.Aliases, n) {
			return a, nil
		}
	}
	return nil, fmt.Errorf("unknown algorithm %q (valid: %s)", name, strings.Join(AlgorithmNames(), ", "))
}

// ParseAlgos reads a comma-separated list of algorithm names ("all" for
// the whole suite), dropping repeats. An empty item ("aes-128-gcm,,",
// a variable left unset in "$A,$B") is an error, not skipped
// (unit.SplitList).
func ParseAlgos(list string) ([]*Algorithm, error) {
	if strings.TrimSpace(list) == "all" {
		return Algorithms(), nil
	}
	names, err := unit.SplitList(list)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no algorithm given (valid: %s)", strings.Join(AlgorithmNames(), ", "))
	}
	var out []*Algorithm
	for _, name := range names {
		a, err := Lookup(name)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out, nil
}

// ParseSizes reads a comma-separated list of message sizes ("256,1k,16KiB"),
// dropping repeats. Each must be between 1 byte and MaxSize; an empty
// item is an error, as for ParseAlgos.
func ParseSizes(list string) ([]int, error) {
	items, err := unit.SplitList(list)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("no size given")
	}
	var out []int
	for _, s := range items {
		n, err := unit.ParseSize(s)
		if err != nil {
			return nil, err
		}
		if n < 1 || n > MaxSize {
			return nil, fmt.Errorf("size %q: must be from 1 byte to 64 MiB", s)
		}
		if !slices.Contains(out, int(n)) {
			out = append(out, int(n))
		}
	}
	return out, nil
}

// CheckSize reports whether the algorithm can take messages of size bytes.
// A size the mode cannot take is an error, never rounded.
func (a *Algorithm) CheckSize(size int) error {
	switch {
	case size < 1 || size > MaxSize:
		return fmt.Errorf("%s: size %d: must be from 1 byte to 64 MiB", a.Name, size)
	case size%a.Block != 0:
		lo := size / a.Block * a.Block
		hint := fmt.Sprintf("%d", lo+a.Block)
		if lo > 0 {
			hint = fmt.Sprintf("%d or %d", lo, lo+a.Block)
		}
		return fmt.Errorf("%s: size %d is not a multiple of its %d-byte block (try %s)", a.Name, size, a.Block, hint)
	}
	return nil
}

// Overhead is how many bytes a message grows by: the tag of an AEAD.
func (a *Algorithm) Overhead() int {
	if a.Mode == AEAD {
		return 16
	}
	return 0
}

// NewBlock returns the block cipher of a CBC or CTR algorithm under key.
func (a *Algorithm) NewBlock(key []byte) (cipher.Block, error) {
	if a.block == nil {
		return nil, fmt.Errorf("%s: not a block cipher mode", a.Name)
	}
	return a.block(key)
}

// NewAEAD returns the AEAD of an AEAD algorithm under key.
func (a *Algorithm) NewAEAD(key []byte) (cipher.AEAD, error) {
	if a.aead == nil {
		return nil, fmt.Errorf("%s: not an AEAD", a.Name)
	}
	return a.aead(key)
}
