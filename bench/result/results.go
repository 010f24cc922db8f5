package result

import (
	"time"

	"github.com/aesbench/aesbench/cpuinfo"
)

// Schema names the results format. Later versions add fields; they never
// rename or drop these.
const Schema = "aesbench/v1"

// Results is one run on one host, as written to results/<label>.json.
type Results struct {
	Schema        string          `json:"schema"`         // always Schema
	Label         string          `json:"label"`          // the host's name in tables (--label; default the hostname)
	Time          time.Time       `json:"time"`           // when the run started
	Probe         *cpuinfo.Report `json:"probe"`          // the host as the measuring process saw it
	GoVersion     string          `json:"go_version"`     // runtime.Version() of the measuring binary
	GODEBUG       string          `json:"godebug"`        // the measuring process's GODEBUG; "" when unset
	AESNIMasked   bool            `json:"aesni_masked"`   // run with --no-aesni: Go's hardware AES turned off
	SampleSeconds float64         `json:"sample_seconds"` // the target length of one sample
	Count         int             `json:"count"`          // samples per cell
	Measurements  []Measurement   `json:"measurements"`

	// Added by later features; absent in plain runs.
	Source  Source            `json:"source,omitempty"`  // "imported" for results read from saved openssl speed output; "" when measured here
	OpenSSL *OpenSSLInfo      `json:"openssl,omitempty"` // the openssl binary measured or imported; nil when none
	Files   []FileMeasurement `json:"files,omitempty"`   // whole-file encryption workloads (run --file)

	NoisyPct     float64   `json:"noisy_pct,omitempty"`      // cells whose interval is wider than ±this % are noisy; 0 when not checked
	PrecisionPct float64   `json:"precision_pct,omitempty"`  // --precision: cells were sampled until their interval was within ±this %; 0 when off
	MaxSeconds   float64   `json:"max_seconds,omitempty"`    // --max-time: the sampling budget of one cell under --precision; 0 when off
	ClockHz      float64   `json:"clock_hz,omitempty"`       // core clock estimated by a dependent ADD chain, the higher of before and after the run (an interruption only lowers an estimate); 0 when not estimated (not amd64 or arm64)
	AESENCCycles float64   `json:"aesenc_cycles,omitempty"`  // latency of one AESENC in cycles, by a dependent chain; 0 when not measured (not amd64, or no AES-NI)
	HostRef      []HostRef `json:"host_reference,omitempty"` // the host's own scaling over threads (hostref.go), measured when a cell ran on more than one thread; absent otherwise or where there is no ADD chain
	PinnedCPUs   []int     `json:"pinned_cpus,omitempty"`    // run --cpu: the CPUs the measuring process (and openssl under it) was confined to; absent when the OS placed it, and in older files

	// Warnings are what a reader must know about the figures, found
	// while measuring: noisy cells, a host short of cores, AEADs timed
	// differently by two engines, a core clock that moved. None in older
	// files, and none when all is well.
	Warnings []string `json:"warnings,omitempty"`

	// Pair links this file to the other side of a same-host A/B run
	// (Pair); nil in a plain run and in older files.
	Pair *Pair `json:"pair,omitempty"`
}

// OpenSSLInfo describes the openssl whose figures a results file holds.
type OpenSSLInfo struct {
	Version string `json:"version"`           // e.g. "OpenSSL 3.0.19 27 Jan 2026"; "" when unknown
	CPUInfo string `json:"cpuinfo,omitempty"` // its CPUINFO/OPENSSL_ia32cap line; "" when unknown
	Timing  string `json:"timing,omitempty"`  // "elapsed": wall-clock time, as the go engine (openssl speed -elapsed); "cpu": user CPU time, openssl speed's default; "" when unknown
	Seconds int    `json:"seconds,omitempty"` // the -seconds of each openssl speed run (whole seconds: --time rounded, at least 1); 0 when unknown (imported)
}

// Find returns the measurement of cell k, or nil. Threads 0 in k reads
// as 1, as in older files.
func (r *Results) Find(k Key) *Measurement {
	k.Threads = max(k.Threads, 1)
	for i := range r.Measurements {
		if r.Measurements[i].Key() == k {
			return &r.Measurements[i]
		}
	}
	return nil
}
