package result

import (
	"fmt"

	"github.com/aesbench/aesbench/cpuinfo"
)

// HostRef is the host's reference at one thread count: the ADD chain on
// Threads workers at once.
type HostRef struct {
	Threads    int       `json:"threads"`     // workers run together
	SamplesGHz []float64 `json:"samples_ghz"` // each sample: ADDs per nanosecond, summed over the workers (their aggregate effective clock)
	GHz        float64   `json:"ghz"`         // median of the samples

	// SamplesWaitShare is, per sample, the share of the workers' wall
	// time they waited, runnable, for CPUs that ran other threads of this
	// machine (their run-queue delay): above 0 when other processes here
	// took turns. A hypervisor's turns are not in it (the guest's
	// scheduler thinks the workers ran), so a low GHz with no wait is the
	// host's doing. Absent when the OS cannot tell (not Linux) and in
	// older files.
	SamplesWaitShare []float64 `json:"samples_wait_share,omitempty"`
	WaitShare        float64   `json:"wait_share,omitempty"` // median of SamplesWaitShare; 0 when none or unknown
}

// HostScaling returns how many times one thread's ADD-chain rate the host
// gave threads workers at once, by the medians of r's host references,
// and false when r has no reference for threads (a run of one thread, an
// architecture without the chain, or an older results file).
func (r *Results) HostScaling(threads int) (float64, bool) {
	var one, n float64
	for _, ref := range r.HostRef {
		switch ref.Threads {
		case 1:
			one = ref.GHz
		case threads:
			n = ref.GHz
		}
	}
	if one <= 0 || n <= 0 || threads <= 1 {
		return 0, false
	}
	return n / one, true
}

// ShortOfCores is the share of whole cores under which the host counts
// as short of them: the same as cpuinfo.SlicedShare for probe --cpus.
const ShortOfCores = cpuinfo.SlicedShare

// Why says who took the CPU time that the reference's workers did not get:
// other processes on this machine when the workers waited for their CPUs
// over 1-ShortOfCores of the time; the host (its vCPUs SMT siblings, under
// a quota or on a busy core) when they did not; either when the wait is
// unknown.
func (ref HostRef) Why() string {
	switch {
	case len(ref.SamplesWaitShare) == 0:
		return "other processes on this machine or the host took turns on its CPUs"
	case ref.WaitShare > 1-ShortOfCores:
		return fmt.Sprintf("other processes on this machine took turns on its CPUs (the chain waited for them %.0f%% of the time)", 100*ref.WaitShare)
	}
	return "the host gave less than whole cores (SMT siblings, a CPU quota or a busy neighbour)"
}

// CoreShare returns the share of a whole core one thread got during the
// run: the median of the one-thread host reference, sustained over whole
// samples, over the core clock of short best-of trials (ClockHz). It is
// false when either is unknown. Well under 1 means the host time-sliced
// the vCPU.
func (r *Results) CoreShare() (float64, bool) {
	if ref := r.OneThreadRef(); ref != nil && ref.GHz > 0 && r.ClockHz > 0 {
		return ref.GHz * 1e9 / r.ClockHz, true
	}
	return 0, false
}

// OneThreadRef is r's host reference on one thread, the one CoreShare
// reads, wherever it is in HostRef (a run writes it first, but a file
// from elsewhere need not); nil when r has none.
func (r *Results) OneThreadRef() *HostRef {
	for i := range r.HostRef {
		if r.HostRef[i].Threads == 1 {
			return &r.HostRef[i]
		}
	}
	return nil
}

// ThreadScaling returns how many times the aggregate throughput of the
// same engine, algorithm, direction and size on one thread m achieved, and
// false when m is one thread or r has no one-thread measurement of its
// cell.
func (r *Results) ThreadScaling(m *Measurement) (float64, bool) {
	if m.Threads <= 1 || m.KBps <= 0 {
		return 0, false
	}
	k := m.Key()
	k.Threads = 1
	one := r.Find(k)
	if one == nil || one.KBps <= 0 {
		return 0, false
	}
	return m.KBps / one.KBps, true
}

// ShortOfACore reports whether one thread got less than ShortOfCores of a
// whole core during the run (CoreShare), with the share; false when the
// share is unknown. It is the one short-of-cores check of run, compare
// and report.
func (r *Results) ShortOfACore() (share float64, short bool) {
	share, ok := r.CoreShare()
	return share, ok && share < ShortOfCores
}

// ShortOfCores reports whether threads workers got less than ShortOfCores
// of as many whole cores (HostScaling), with the host's scaling; false
// when it is unknown.
func (r *Results) ShortOfCores(threads int) (scaling float64, short bool) {
	x, ok := r.HostScaling(threads)
	return x, ok && x < ShortOfCores*float64(threads)
}
