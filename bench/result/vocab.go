package result

import (
	"fmt"
	"strings"

	"github.com/aesbench/aesbench/bench/unit"
)

// Direction is which way a cell ran the cipher.
type Direction string

const (
	Encrypt Direction = "encrypt"
	Decrypt Direction = "decrypt" // Open for AEADs, tag checked
)

// ParseDirection reads "encrypt" or "decrypt".
func ParseDirection(s string) (Direction, error) {
	switch d := Direction(s); d {
	case Encrypt, Decrypt:
		return d, nil
	}
	return "", fmt.Errorf("unknown direction %q (valid: encrypt, decrypt)", s)
}

// Engine is what did the encrypting.
type Engine string

const (
	EngineGo      Engine = "go"      // Go's crypto in the measuring process
	EngineOpenSSL Engine = "openssl" // openssl speed (cells) or openssl enc (files)
)

// Engines lists every engine, in the order tables show them.
var Engines = []Engine{EngineGo, EngineOpenSSL}

// ParseEngines reads a comma-separated list of engines, dropping repeats;
// an empty item ("go,$X" with X unset) is an error, not skipped
// (unit.SplitList).
func ParseEngines(list string) ([]Engine, error) {
	var valid []string
	for _, e := range Engines {
		valid = append(valid, string(e))
	}
	items, err := unit.SplitList(list)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("no engine given (valid: %s)", strings.Join(valid, ", "))
	}
	var out []Engine
	for _, f := range items {
		e := Engine(strings.ToLower(f))
		if e != EngineGo && e != EngineOpenSSL {
			return nil, fmt.Errorf("unknown engine %q (valid: %s)", e, strings.Join(valid, ", "))
		}
		if !contains(out, e) {
			out = append(out, e)
		}
	}
	return out, nil
}

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// AEADMode says how an AEAD's figure was timed: engines differ, and the
// figures of two modes are not comparable.
type AEADMode string

const (
	// AEADModeSeal is one Seal (or Open) per message under a key and
	// nonce set up once, as Go's own crypto benchmarks do: the go
	// engine's default.
	AEADModeSeal AEADMode = "seal"
	// AEADModePerMessage sets the key and IV up for every message too:
	// what openssl speed does for GCM (and CCM, OCB, SIV) from 3.0.16 on,
	// and the go engine with --aead-mode per-message.
	AEADModePerMessage AEADMode = "per-message"
	// AEADModeStream is openssl speed's streaming update with no tag per
	// message: its way for ChaCha20-Poly1305, and for GCM before 3.0.16.
	AEADModeStream AEADMode = "stream"
	// AEADModeUnknown is an openssl whose way is unknown (or not an AEAD).
	AEADModeUnknown AEADMode = ""
)

// ParseAEADMode reads how the go engine times AEADs: seal or per-message
// (stream is openssl's alone).
func ParseAEADMode(s string) (AEADMode, error) {
	switch m := AEADMode(s); m {
	case AEADModeSeal, AEADModePerMessage:
		return m, nil
	}
	return "", fmt.Errorf("unknown AEAD mode %q (valid: %s, %s)", s, AEADModeSeal, AEADModePerMessage)
}

// Source says where a results file's figures came from.
type Source string

const (
	SourceMeasured Source = ""         // measured by aesbench run
	SourceImported Source = "imported" // read from saved openssl speed output (aesbench import)
)

// Key names one cell: what was measured, on how many threads. Two
// measurements with one key are the same cell, on one host or on two.
type Key struct {
	Engine    Engine
	Algo      string
	Direction Direction
	Size      int
	Threads   int // 1 for one thread (0 in older files reads as 1)
}

// Row names the cell's row in a table, without its size: the algorithm,
// " decrypt" for decryption, the engine when it is not Go's and the
// threads when more than one: "aes-256-gcm decrypt (openssl), 2 threads".
func (k Key) Row() string {
	s := k.Algo
	if k.Direction == Decrypt {
		s += " decrypt"
	}
	if k.Engine != EngineGo && k.Engine != "" {
		s += " (" + string(k.Engine) + ")"
	}
	if k.Threads > 1 {
		s += fmt.Sprintf(", %d threads", k.Threads)
	}
	return s
}

// String names the cell for people, in one way everywhere: its row and
// its size, "aes-256-gcm decrypt (openssl), 2 threads, 16384 bytes".
func (k Key) String() string { return fmt.Sprintf("%s, %d bytes", k.Row(), k.Size) }

// Key returns the measurement's cell.
func (m *Measurement) Key() Key {
	return Key{Engine: m.Engine, Algo: m.Algo, Direction: m.Direction, Size: m.Size, Threads: max(m.Threads, 1)}
}
