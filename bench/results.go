package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
	Source  string            `json:"source,omitempty"`  // "imported" for results read from saved openssl speed output; "" when measured here
	OpenSSL *OpenSSLInfo      `json:"openssl,omitempty"` // the openssl binary measured or imported; nil when none
	Files   []FileMeasurement `json:"files,omitempty"`   // whole-file encryption workloads (run --file)

	NoisyPct     float64   `json:"noisy_pct,omitempty"`      // cells whose interval is wider than ±this % are noisy; 0 when not checked
	PrecisionPct float64   `json:"precision_pct,omitempty"`  // --precision: cells were sampled until their interval was within ±this %; 0 when off
	MaxSeconds   float64   `json:"max_seconds,omitempty"`    // --max-time: the sampling budget of one cell under --precision; 0 when off
	ClockHz      float64   `json:"clock_hz,omitempty"`       // core clock estimated by a dependent ADD chain, the higher of before and after the run (an interruption only lowers an estimate); 0 when not estimated (not amd64 or arm64)
	AESENCCycles float64   `json:"aesenc_cycles,omitempty"`  // latency of one AESENC in cycles, by a dependent chain; 0 when not measured (not amd64, or no AES-NI)
	HostRef      []HostRef `json:"host_reference,omitempty"` // the host's own scaling over threads (hostref.go), measured when a cell ran on more than one thread; absent otherwise or where there is no ADD chain
}

// OpenSSLInfo describes the openssl whose figures a results file holds.
type OpenSSLInfo struct {
	Version string `json:"version"`           // e.g. "OpenSSL 3.0.19 27 Jan 2026"; "" when unknown
	CPUInfo string `json:"cpuinfo,omitempty"` // its CPUINFO/OPENSSL_ia32cap line; "" when unknown
	Timing  string `json:"timing,omitempty"`  // "elapsed": wall-clock time, as the go engine (openssl speed -elapsed); "cpu": user CPU time, openssl speed's default; "" when unknown
	Seconds int    `json:"seconds,omitempty"` // the -seconds of each openssl speed run (whole seconds: --time rounded, at least 1); 0 when unknown (imported)
}

// FileMeasurement is the time to read a whole file, encrypt it and write
// the ciphertext beside it, with the disk I/O, as one job.
type FileMeasurement struct {
	Engine         string    `json:"engine"`          // "go", or "openssl" for openssl enc
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

// Measurement is one cell of the table: one algorithm, direction and size.
// Throughputs are in kB/s, 1000s of bytes per second, counting plaintext
// bytes (the tag of an AEAD is not counted), as openssl speed does.
type Measurement struct {
	Engine      string    `json:"engine"`              // "go": Go's crypto in this process
	Algo        string    `json:"algo"`                // stable name, e.g. "aes-256-cbc"
	Direction   Direction `json:"direction"`           // "encrypt" or "decrypt"
	Size        int       `json:"size"`                // message bytes
	Threads     int       `json:"threads"`             // workers measured together
	AEADMode    string    `json:"aead_mode,omitempty"` // AEADs only: "seal", one Seal or Open per message under a key set up once; "per-message", key and IV set up per message too (AEADModePerMessage); "stream", openssl's streaming update without a tag per message (AEADModeStream); "" for an openssl whose way is unknown
	SamplesKBps []float64 `json:"samples_kbps"`        // every sample, in the order taken
	KBps        float64   `json:"kbps"`                // median of the samples
	MinKBps     float64   `json:"min_kbps"`
	MaxKBps     float64   `json:"max_kbps"`

	// Added by later features; 0 or absent in older files.
	CILowKBps  float64 `json:"ci_low_kbps,omitempty"`      // low end of the 95% confidence interval of the median (benchmath.AssumeNothing); 0 when unbounded (fewer than 6 samples)
	CIHighKBps float64 `json:"ci_high_kbps,omitempty"`     // high end of that interval; 0 when unbounded
	CIPct      float64 `json:"ci_pct,omitempty"`           // half width of that interval in % of the median, as benchstat's ±; -1 when unbounded (fewer than 6 samples)
	Noisy      bool    `json:"noisy,omitempty"`            // the interval is wider than the run's noisy threshold
	Iters      int     `json:"iters_per_sample,omitempty"` // messages per sample (per thread); 0 when unknown

	PerThreadKBps        float64   `json:"per_thread_kbps,omitempty"`         // Threads > 1: median of the samples' mean per-thread throughput; KBps is then the aggregate of all threads
	SamplesPerThreadKBps []float64 `json:"samples_per_thread_kbps,omitempty"` // Threads > 1: each sample's mean per-thread throughput

	CyclesPerByte      float64 `json:"cycles_per_byte,omitempty"`       // core cycles per byte on one thread, from Results.ClockHz; 0 when the clock is unknown
	BoundCyclesPerByte float64 `json:"bound_cycles_per_byte,omitempty"` // AES-CBC encryption only: the latency bound, rounds x AESENC latency / 16; 0 when unknown
	BoundPct           float64 `json:"bound_pct,omitempty"`             // BoundCyclesPerByte / CyclesPerByte in %: how near the serial latency bound; 0 when unknown
}

// AEADModeSeal is how the go engine times AEADs: see Op.
const AEADModeSeal = "seal"

// Find returns the one-thread measurement of engine, algo, direction and
// size, or nil.
func (r *Results) Find(engine, algo string, dir Direction, size int) *Measurement {
	return r.FindThreads(engine, algo, dir, size, 1)
}

// FindThreads returns the measurement of engine, algo, direction and size
// on threads workers, or nil.
func (r *Results) FindThreads(engine, algo string, dir Direction, size, threads int) *Measurement {
	for i := range r.Measurements {
		m := &r.Measurements[i]
		if m.Engine == engine && m.Algo == algo && m.Direction == dir && m.Size == size && max(m.Threads, 1) == threads {
			return m
		}
	}
	return nil
}

// WriteFile writes the results as indented JSON to path atomically: into a
// temporary file beside it, then renamed, so that path never holds half a
// file and an interrupted write leaves nothing behind.
func (r *Results) WriteFile(path string) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	})
}

// WriteFileAtomic creates path with the bytes write produces, through a
// temporary file in the same directory that is synced and renamed into
// place, and then syncs the directory. On any error the temporary file is
// removed and path is untouched. Errors name path, never the temporary
// file: "create PATH: ..." when no file can be made there, "write PATH:
// ..." after that.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("create %s: is a directory", path)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, bare(err))
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	err = write(f)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = f.Close()
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, bare(err))
	}
	syncDir(dir)
	return nil
}

// bare strips the path from a file system error: it would name the
// temporary file, which only confuses.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// syncDir makes a rename in dir durable where the system allows syncing
// a directory; elsewhere it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// ErrNotResults is wrapped by ReadResults for a file that is not an
// aesbench results file.
var ErrNotResults = errors.New("not an aesbench results file")

// ReadResults reads and checks a results file written by WriteFile.
func ReadResults(path string) (*Results, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read results: %w", err)
	}
	return ParseResults(path, data)
}

// ParseResults decodes results JSON; name says where it came from in errors.
func ParseResults(name string, data []byte) (*Results, error) {
	var r Results
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrNotResults, err)
	}
	if r.Schema != Schema {
		return nil, fmt.Errorf("%s: %w: schema %q, want %q", name, ErrNotResults, r.Schema, Schema)
	}
	for i, m := range r.Measurements {
		if m.Algo == "" || m.Size <= 0 || m.Engine == "" || len(m.SamplesKBps) == 0 {
			return nil, fmt.Errorf("%s: %w: measurement %d is incomplete", name, ErrNotResults, i)
		}
	}
	return &r, nil
}
