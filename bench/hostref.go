package bench

import (
	"fmt"
	"slices"
	"time"

	"github.com/aesbench/aesbench/cpuinfo"
)

// A figure is only as good as the CPU the host gives it. A cloud vCPU need
// not be a whole core: two vCPUs may be SMT siblings, the VM may have a CPU
// quota, or the host may run another guest on the same core, and inside
// the guest little shows it (steal time, where the hypervisor reports it,
// is machine-wide and rarely read). So
// the runner measures the host itself beside the ciphers: the dependent
// ADD chain of clock.go, run for a whole sample by 1 and by N workers
// together, through the same barrier as a Group, in the same rounds as the
// cells. The chain needs no memory and no execution unit a cipher would
// share, so:
//
//   - on one thread it runs at the core clock (the short best-of trials of
//     EstimateClock) exactly when the thread has a whole core for a whole
//     sample; less (CoreShare) means other processes here or the host
//     took turns on it, and the figures taken meanwhile are low;
//   - N workers get N times one worker's rate exactly when the host gives
//     N whole cores (HostScaling), and a cipher can scale no further.
//
// The workers also read how long they waited for their CPUs behind other
// threads (their run-queue delay): when that explains the shortfall, other
// processes on this machine took the time; when they did not wait, the
// host did, which the guest cannot see otherwise (Why).

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

// hostRefs holds the reference samples of a run and the chain length of
// one sample.
type hostRefs struct {
	refs  []HostRef
	iters uint64 // chain iterations of one worker's sample; 0 before calibration
}

// newHostRefs prepares a reference for 1 thread and each count of
// threads, or returns nil when there are no threads or this architecture
// has no ADD chain.
func newHostRefs(threads []int) *hostRefs {
	if !clockSupported || len(threads) == 0 {
		return nil
	}
	h := &hostRefs{refs: []HostRef{{Threads: 1}}}
	for _, n := range threads {
		if !slices.ContainsFunc(h.refs, func(r HostRef) bool { return r.Threads == n }) {
			h.refs = append(h.refs, HostRef{Threads: n})
		}
	}
	slices.SortFunc(h.refs, func(a, b HostRef) int { return a.Threads - b.Threads })
	return h
}

// sample takes one sample of every reference, each about d long.
func (h *hostRefs) sample(d time.Duration) {
	if h.iters == 0 {
		h.iters = chainItersFor(d)
	}
	for i := range h.refs {
		r := &h.refs[i]
		waited := make([]time.Duration, r.Threads)
		known := make([]bool, r.Threads)
		wall, took := together(r.Threads, func(w int) {
			_, waited[w], known[w] = timedChain(h.iters)
		})
		adds := float64(h.iters) * 32 * float64(r.Threads)
		r.SamplesGHz = append(r.SamplesGHz, adds/float64(wall.Nanoseconds()))
		if !slices.Contains(known, false) {
			var d, t time.Duration
			for w := range waited {
				d, t = d+waited[w], t+took[w]
			}
			r.SamplesWaitShare = append(r.SamplesWaitShare, min(float64(d)/float64(t), 1))
		}
	}
}

// results returns the references with their medians.
func (h *hostRefs) results() []HostRef {
	if h == nil {
		return nil
	}
	for i := range h.refs {
		h.refs[i].GHz = Median(h.refs[i].SamplesGHz)
		if len(h.refs[i].SamplesWaitShare) > 0 {
			h.refs[i].WaitShare = Median(h.refs[i].SamplesWaitShare)
		}
	}
	return h.refs
}

// timedChain runs iters iterations of the ADD chain on the calling
// thread and returns the wall time they took (at least 1 ns) and how long
// the thread waited meanwhile for a CPU busy with other threads of this
// machine, with false for that when the OS cannot tell.
func timedChain(iters uint64) (wall, waited time.Duration, known bool) {
	d0, known := threadRunDelay()
	t0 := time.Now()
	addChain(iters)
	wall = max(time.Since(t0), 1)
	d1, _ := threadRunDelay()
	return wall, d1 - d0, known
}

// chainItersFor returns the ADD chain iterations that take about d on one
// thread (calibrate, from 1024).
func chainItersFor(d time.Duration) uint64 {
	return uint64(calibrate(func(n int) { addChain(uint64(n)) }, 1<<10, d))
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
	for _, ref := range r.HostRef {
		if ref.Threads == 1 && ref.GHz > 0 && r.ClockHz > 0 {
			return ref.GHz * 1e9 / r.ClockHz, true
		}
	}
	return 0, false
}

// ThreadScaling returns how many times the aggregate throughput of the
// same engine, algorithm, direction and size on one thread m achieved, and
// false when m is one thread or r has no one-thread measurement of its
// cell.
func (r *Results) ThreadScaling(m *Measurement) (float64, bool) {
	if m.Threads <= 1 || m.KBps <= 0 {
		return 0, false
	}
	one := r.FindThreads(m.Engine, m.Algo, m.Direction, m.Size, 1)
	if one == nil || one.KBps <= 0 {
		return 0, false
	}
	return m.KBps / one.KBps, true
}
