package cpuinfo

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/aesbench/aesbench/internal/textwrap"
)

// CPUCapacity is what one CPU gave a thread pinned to it alone: the rate
// of a dependent chain of ADDs (one cycle each, so the rate is the clock)
// in short best-of trials and sustained over a longer run, and the rate of
// AES-256-GCM. A whole core sustains its clock; a vCPU the host
// time-slices (a CPU quota, a busy neighbour on the same core) falls
// short, and no cipher measured on it can do better. The chain uses no
// vector or AES unit, so a vCPU whose host core shares those with a busy
// SMT sibling sustains its clock yet encrypts slower than the others: the
// AES figure shows that. Package bench, which has the chain and the
// ciphers, fills these.
type CPUCapacity struct {
	CPU         int     `json:"cpu"`          // the OS's number of the CPU
	PeakHz      float64 `json:"peak_hz"`      // best of short trials: the core clock
	SustainedHz float64 `json:"sustained_hz"` // over the whole sustained run
	WaitShare   float64 `json:"wait_share"`   // the share of that run the thread waited, runnable, for the CPU while it ran other threads of this machine (its run-queue delay; a hypervisor's turns are not in it); -1 when unknown
	AESGCMKBps  float64 `json:"aes_gcm_kbps"` // AES-256-GCM encryption of 16 KiB messages by the pinned thread, in kB/s; 0 when not measured
}

// Share is the part of a whole core the CPU sustained: SustainedHz over
// PeakHz; 0 when unknown.
func (c CPUCapacity) Share() float64 {
	if c.PeakHz <= 0 {
		return 0
	}
	return c.SustainedHz / c.PeakHz
}

// SlicedShare is the share of a core under which a CPU counts as
// time-sliced by the host.
const SlicedShare = 0.9

// Why says why a CPU sustained under SlicedShare of a core: "" when it did
// not; "busy here" when the thread waited for it behind other threads of
// this machine over 1-SlicedShare of the time; "time-sliced by the host"
// when it did not wait, yet the work was not done, as when a hypervisor
// takes the vCPU away; "busy here or time-sliced" when the wait is
// unknown.
func (c CPUCapacity) Why() string {
	switch {
	case c.Share() >= SlicedShare:
		return ""
	case c.WaitShare < 0:
		return "busy here or time-sliced by the host"
	case c.WaitShare > 1-SlicedShare:
		return "busy here: other processes took turns"
	}
	return "time-sliced by the host"
}

// WriteCPUs prints one line per CPU: its clock, what it sustained, the
// share (at most 100%: a sustained rate above the best short trial's is
// a clock that rose after them, not more than a core), and its
// AES-256-GCM rate; then, below the table, Why for each CPU under
// SlicedShare of a core and a note for each under SlicedShare of the
// fastest CPU's AES, one line each within TextWidth.
func WriteCPUs(w io.Writer, cpus []CPUCapacity) error {
	var best float64
	for _, c := range cpus {
		best = max(best, c.AESGCMKBps)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "cpu\tclock (GHz)\tsustained (GHz)\tshare of a core\taes-256-gcm (kB/s)\t")
	var notes []string
	for _, c := range cpus {
		var why []string
		if s := c.Why(); s != "" {
			why = append(why, s)
		}
		aes := "n/a"
		if c.AESGCMKBps > 0 {
			aes = fmt.Sprintf("%.0fk", c.AESGCMKBps)
			if c.AESGCMKBps < SlicedShare*best {
				why = append(why, fmt.Sprintf("AES at %.0f%% of the fastest CPU's", 100*c.AESGCMKBps/best))
			}
		}
		if len(why) > 0 {
			notes = append(notes, fmt.Sprintf("cpu %d: %s", c.CPU, strings.Join(why, "; ")))
		}
		fmt.Fprintf(tw, "%d\t%.2f\t%.2f\t%.0f%%\t%s\t\n", c.CPU, c.PeakHz/1e9, c.SustainedHz/1e9, 100*min(1, c.Share()), aes)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range notes {
		if _, err := fmt.Fprintln(w, textwrap.Hanging(n, 2, TextWidth)); err != nil {
			return err
		}
	}
	return nil
}
