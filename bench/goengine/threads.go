package goengine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/unit"
)

// Group is one cell measured on several cores at once: one worker per
// thread, each with its own bench.Op (its own key, cipher and buffers), each
// locked to its own OS thread while it runs.
type Group struct {
	Ops      []*bench.Op
	aeadMode result.AEADMode // as NewGroup was given it, for Layouts.Renew
}

// NewGroup prepares threads workers for algorithm a, direction dir and
// message size size.
//
// Each worker writes small objects on every message: a CBC chaining value
// inside crypto/cipher, the slice header of an AEAD's output. Made one
// after the other, two workers' objects of one size sit side by side in
// the allocator's span, on one cache line, and the cores fight over that
// line on every message (two threads ran 0.5x one at 16 bytes). So the
// workers make their own Ops, at once, each spinning until all are
// running: each then holds its own P, whose cache of spans is its own, and
// no two workers' objects share a line. With more threads than GOMAXPROCS
// the spinning ones are preempted in turn, and the separation is the
// scheduler's luck.
func NewGroup(a *bench.Algorithm, dir result.Direction, size, threads int, aeadMode result.AEADMode) (*Group, error) {
	if threads < 1 {
		return nil, fmt.Errorf("threads %d: need at least one", threads)
	}
	g := &Group{Ops: make([]*bench.Op, threads), aeadMode: aeadMode}
	errs := make([]error, threads)
	var running atomic.Int32
	together(threads, func(i int) {
		running.Add(1)
		for running.Load() < int32(threads) { // spin: keep this P
		}
		g.Ops[i], errs[i] = bench.NewOpAEADMode(a, dir, size, aeadMode)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return g, nil
}

// Sample runs n messages on every worker. The workers lock their OS
// threads, wait at a barrier and are released together; the sample ends
// when the last one finishes. It returns the aggregate throughput, all
// workers' bytes over the wall time from release to the last finish (what
// openssl speed -multi reports), and the mean of each worker's own
// throughput (what BoringSSL's bssl speed -threads reports), in kB/s. d
// is how long n messages were calibrated to take: each worker runs them in
// chunks of about chunkTime and stops between two when ctx is done, and
// Sample then returns ctx's error.
func (g *Group) Sample(ctx context.Context, n int, d time.Duration) (aggregate, perThread float64, err error) {
	chunk := chunkOf(n, d)
	wall, took := together(len(g.Ops), func(i int) { inChunks(ctx, g.Ops[i].Run, n, chunk) })
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	bytes := int64(n) * int64(g.Ops[0].Size)
	var sum float64
	for _, d := range took {
		sum += unit.KBps(bytes, d)
	}
	return unit.KBps(bytes*int64(len(g.Ops)), wall), sum / float64(len(g.Ops)), nil
}

// together runs work(0) ... work(workers-1) at once, each on its own
// goroutine locked to its own OS thread. The workers wait at a barrier
// until all are ready and are released together. It returns the wall time
// from the release to the last finish and each worker's own time, none
// shorter than a nanosecond.
func together(workers int, work func(i int)) (wall time.Duration, took []time.Duration) {
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	took = make([]time.Duration, workers)
	ready.Add(workers)
	done.Add(workers)
	for i := range workers {
		go func() {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			ready.Done()
			<-start
			t0 := time.Now()
			work(i)
			took[i] = max(time.Since(t0), 1)
			done.Done()
		}()
	}
	ready.Wait()
	t0 := time.Now()
	close(start)
	done.Wait()
	return max(time.Since(t0), 1), took
}
