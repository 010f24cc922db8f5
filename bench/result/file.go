package result

import (
	"slices"

	"github.com/aesbench/aesbench/bench/stats"
	"github.com/aesbench/aesbench/bench/unit"
)

// FileMeasurement is the time to read a whole file, encrypt it and write
// the ciphertext beside it, with the disk I/O, as one job.
type FileMeasurement struct {
	Engine         Engine    `json:"engine"`          // "go", or "openssl" for openssl enc
	Algo           string    `json:"algo"`            // e.g. "aes-256-cbc"
	Path           string    `json:"path"`            // the input file
	Bytes          int64     `json:"bytes"`           // its size
	Cold           bool      `json:"cold"`            // input evicted from the page cache before each run
	Fsync          bool      `json:"fsync"`           // the output's fsync counted in the time
	SamplesSeconds []float64 `json:"samples_seconds"` // every run's wall time
	Seconds        float64   `json:"seconds"`         // median wall time
	MinSeconds     float64   `json:"min_seconds"`
	MaxSeconds     float64   `json:"max_seconds"`
	KBps           float64   `json:"kbps"`     // Bytes / Seconds, in 1000s of bytes per second
	Verified       bool      `json:"verified"` // the ciphertext decrypted back to the input (SHA-256)
}

// Summarize fills the median, minimum, maximum and throughput from the
// samples.
func (m *FileMeasurement) Summarize() {
	m.Seconds = stats.Median(m.SamplesSeconds)
	m.MinSeconds = slices.Min(m.SamplesSeconds)
	m.MaxSeconds = slices.Max(m.SamplesSeconds)
	if m.Seconds > 0 {
		m.KBps = unit.KBpsSeconds(float64(m.Bytes), m.Seconds)
	}
}
