package goengine

import (
	"context"
	"slices"
	"time"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
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

// hostRefs holds the reference samples of a run and the chain length of
// one sample.
type hostRefs struct {
	refs  []result.HostRef
	iters uint64 // chain iterations of one worker's sample; 0 before calibration
}

// newHostRefs prepares a reference for 1 thread and each count of
// threads, or returns nil when there are no threads or this architecture
// has no ADD chain.
func newHostRefs(threads []int) *hostRefs {
	if !clockSupported || len(threads) == 0 {
		return nil
	}
	h := &hostRefs{refs: []result.HostRef{{Threads: 1}}}
	for _, n := range threads {
		if !slices.ContainsFunc(h.refs, func(r result.HostRef) bool { return r.Threads == n }) {
			h.refs = append(h.refs, result.HostRef{Threads: n})
		}
	}
	slices.SortFunc(h.refs, func(a, b result.HostRef) int { return a.Threads - b.Threads })
	return h
}

// sample takes one sample of every reference, each about d long, and
// stops with ctx's error when ctx is done (within about chunkTime).
func (h *hostRefs) sample(ctx context.Context, d time.Duration) error {
	if h.iters == 0 {
		n, err := chainItersFor(ctx, d)
		if err != nil {
			return err
		}
		h.iters = n
	}
	chunk := uint64(chunkOf(int(h.iters), d))
	for i := range h.refs {
		r := &h.refs[i]
		waited := make([]time.Duration, r.Threads)
		known := make([]bool, r.Threads)
		wall, took := together(r.Threads, func(w int) {
			_, waited[w], known[w] = timedChain(ctx, h.iters, chunk)
		})
		if err := ctx.Err(); err != nil {
			return err
		}
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
	return nil
}

// results returns the references with their medians.
func (h *hostRefs) results() []result.HostRef {
	if h == nil {
		return nil
	}
	for i := range h.refs {
		h.refs[i].GHz = stats.Median(h.refs[i].SamplesGHz)
		if len(h.refs[i].SamplesWaitShare) > 0 {
			h.refs[i].WaitShare = stats.Median(h.refs[i].SamplesWaitShare)
		}
	}
	return h.refs
}

// timedChain runs iters iterations of the ADD chain on the calling
// thread, in chunks of at most chunk between which it looks at ctx, and
// returns the wall time they took (at least 1 ns) and how long the thread
// waited meanwhile for a CPU busy with other threads of this machine,
// with false for that when the OS cannot tell. When ctx is done it stops
// early; the caller must look at ctx before using the figures.
func timedChain(ctx context.Context, iters, chunk uint64) (wall, waited time.Duration, known bool) {
	d0, known := threadRunDelay()
	t0 := time.Now()
	inChunks(ctx, func(k int) { addChain(uint64(k)) }, int(iters), int(chunk))
	wall = max(time.Since(t0), 1)
	d1, _ := threadRunDelay()
	return wall, d1 - d0, known
}

// chainItersFor returns the ADD chain iterations that take about d on one
// thread (calibrate, from 1024), or ctx's error when ctx is done.
func chainItersFor(ctx context.Context, d time.Duration) (uint64, error) {
	n, err := calibrate(ctx, func(n int) { addChain(uint64(n)) }, 1<<10, d)
	return uint64(n), err
}
