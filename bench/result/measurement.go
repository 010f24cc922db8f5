package result

import (
	"math"
	"slices"

	"github.com/aesbench/aesbench/bench/stats"
)

// Summarize fills the median, minimum, maximum, confidence interval and
// rerun interval from the samples, and marks the cell noisy when the
// rerun interval is wider than ±noisyPct percent (noisyPct <= 0: never).
// The rerun interval is the cell's alone; Results.Summarize draws it
// against the host factor of the whole run.
func (m *Measurement) Summarize(noisyPct float64) { m.SummarizeOn(noisyPct, stats.Host{}) }

// SummarizeOn is Summarize with the rerun interval drawn against the
// host factor h of the cell's run (stats.Host.RerunInterval).
func (m *Measurement) SummarizeOn(noisyPct float64, h stats.Host) {
	m.KBps = stats.Median(m.SamplesKBps)
	m.MinKBps = slices.Min(m.SamplesKBps)
	m.MaxKBps = slices.Max(m.SamplesKBps)
	ci := stats.MedianCI(m.SamplesKBps)
	m.CILowKBps, m.CIHighKBps, m.CIPct = ci.Lo, ci.Hi, ci.Pct
	if math.IsInf(ci.Pct, 0) { // JSON has no infinity
		m.CILowKBps, m.CIHighKBps, m.CIPct = 0, 0, -1
	}
	ri := h.RerunInterval(m.SamplesKBps, 0)
	m.RerunLowKBps, m.RerunHighKBps, m.RerunPct = ri.Lo, ri.Hi, ri.Pct
	if math.IsInf(ri.Pct, 0) {
		m.RerunLowKBps, m.RerunHighKBps, m.RerunPct = 0, 0, -1
	}
	m.Noisy = stats.Noisy(ri, noisyPct)
	if len(m.SamplesPerThreadKBps) > 0 {
		m.PerThreadKBps = stats.Median(m.SamplesPerThreadKBps)
	}
}

// Measurement is one cell of the table: one algorithm, direction and size.
// Throughputs are in kB/s, 1000s of bytes per second, counting plaintext
// bytes (the tag of an AEAD is not counted), as openssl speed does.
type Measurement struct {
	Engine      Engine    `json:"engine"`              // "go": Go's crypto in this process
	Algo        string    `json:"algo"`                // stable name, e.g. "aes-256-cbc"
	Direction   Direction `json:"direction"`           // "encrypt" or "decrypt"
	Size        int       `json:"size"`                // message bytes
	Threads     int       `json:"threads"`             // workers measured together
	AEADMode    AEADMode  `json:"aead_mode,omitempty"` // AEADs only: "seal", one Seal or Open per message under a key set up once; "per-message", key and IV set up per message too (AEADModePerMessage); "stream", openssl's streaming update without a tag per message (AEADModeStream); "" for an openssl whose way is unknown
	SamplesKBps []float64 `json:"samples_kbps"`        // every sample, in the order taken
	KBps        float64   `json:"kbps"`                // median of the samples
	MinKBps     float64   `json:"min_kbps"`
	MaxKBps     float64   `json:"max_kbps"`

	// Added by later features; 0 or absent in older files.
	CILowKBps  float64 `json:"ci_low_kbps,omitempty"`      // low end of the 95% confidence interval of the median (benchmath.AssumeNothing); 0 when unbounded (fewer than 6 samples)
	CIHighKBps float64 `json:"ci_high_kbps,omitempty"`     // high end of that interval; 0 when unbounded
	CIPct      float64 `json:"ci_pct,omitempty"`           // half width of that interval in % of the median, as benchstat's ±; -1 when unbounded (fewer than 6 samples)
	Noisy      bool    `json:"noisy,omitempty"`            // the rerun interval is wider than the run's noisy threshold (in files written before rerun intervals: the confidence interval)
	Iters      int     `json:"iters_per_sample,omitempty"` // messages per sample (per thread); 0 when unknown

	// The 95% rerun interval (against Results.Hosts): where the median
	// of a rerun of as many samples falls, by batch means of the samples
	// in the order taken over the run's host factor, and the host's
	// drift (in older files batch means alone, or, before 2026-12-06,
	// order statistics). The interval aesbench states; absent in older
	// files.
	RerunLowKBps  float64 `json:"rerun_low_kbps,omitempty"`  // 0 when unbounded (fewer than stats.MinSamplesForRerun samples)
	RerunHighKBps float64 `json:"rerun_high_kbps,omitempty"` // 0 when unbounded
	RerunPct      float64 `json:"rerun_pct,omitempty"`       // half width in % of the median; -1 when unbounded

	PerThreadKBps        float64   `json:"per_thread_kbps,omitempty"`         // Threads > 1: median of the samples' mean per-thread throughput; KBps is then the aggregate of all threads
	SamplesPerThreadKBps []float64 `json:"samples_per_thread_kbps,omitempty"` // Threads > 1: each sample's mean per-thread throughput

	CyclesPerByte      float64 `json:"cycles_per_byte,omitempty"`       // core cycles per byte on one thread, from Results.ClockHz; 0 when the clock is unknown
	BoundCyclesPerByte float64 `json:"bound_cycles_per_byte,omitempty"` // AES-CBC encryption only: the latency bound, rounds x AESENC latency / 16; 0 when unknown
	BoundPct           float64 `json:"bound_pct,omitempty"`             // BoundCyclesPerByte / CyclesPerByte in %: how near the serial latency bound; 0 when unknown
}
