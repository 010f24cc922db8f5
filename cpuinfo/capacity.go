package cpuinfo

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// CPUCapacity is what one CPU gave a thread pinned to it alone: the rate
// of a dependent chain of ADDs (one cycle each, so the rate is the clock)
// in short best-of trials and sustained over a longer run. A whole core
// sustains its clock; a vCPU the host time-slices (a CPU quota, a busy
// neighbour on the same core) falls short, and no cipher measured on it
// can do better. The chain lives in package bench, which fills these.
type CPUCapacity struct {
	CPU         int     `json:"cpu"`          // the OS's number of the CPU
	PeakHz      float64 `json:"peak_hz"`      // best of short trials: the core clock
	SustainedHz float64 `json:"sustained_hz"` // over the whole sustained run
	ThreadShare float64 `json:"thread_share"` // the thread's CPU time over the wall time of that run, as this OS counted it: under 1 when other processes here took turns on the CPU (a hypervisor's turns are counted as the thread's); 0 when unknown
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
// not; "busy here" when this OS gave the thread under SlicedShare of the
// time (other processes took turns); "time-sliced by the host" when the
// OS gave the thread the time but the work was not done in it, as when a
// hypervisor takes the vCPU away (or the thread's time is unknown).
func (c CPUCapacity) Why() string {
	switch {
	case c.Share() >= SlicedShare:
		return ""
	case c.ThreadShare > 0 && c.ThreadShare < SlicedShare:
		return "busy here: other processes took turns"
	}
	return "time-sliced by the host"
}

// WriteCPUs prints one line per CPU: its clock, what it sustained and the
// share, with Why for those under SlicedShare.
func WriteCPUs(w io.Writer, cpus []CPUCapacity) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "cpu\tclock (GHz)\tsustained (GHz)\tshare of a core\t")
	for _, c := range cpus {
		note := ""
		if why := c.Why(); why != "" {
			note = "  " + why
		}
		fmt.Fprintf(tw, "%d\t%.2f\t%.2f\t%.0f%%\t%s\n", c.CPU, c.PeakHz/1e9, c.SustainedHz/1e9, 100*c.Share(), note)
	}
	return tw.Flush()
}
