package goengine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

func TestMeasureCPUs(t *testing.T) {
	// On a loaded machine every one of the clock's short trials can be
	// interrupted, and a CPU then seems to sustain more than its clock;
	// one of three measurements must be clean.
	var bad []string
	for try := 1; try <= 3; try++ {
		if bad = measureCPUsOnce(t); len(bad) == 0 {
			return
		}
		t.Logf("try %d: %v", try, bad)
	}
	t.Errorf("three tries measured a CPU wrongly, the last: %v", bad)
}

// measureCPUsOnce measures every CPU and returns what is wrong with the
// figures.
func measureCPUsOnce(t *testing.T) (bad []string) {
	cpus, err := MeasureCPUs(context.Background(), 10*time.Millisecond)
	if !clockSupported || !pinSupported {
		if !errors.Is(err, ErrNoCPUPinning) {
			t.Fatalf("MeasureCPUs on %s/%s: %v, want ErrNoCPUPinning", runtime.GOOS, runtime.GOARCH, err)
		}
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	allowed, _ := allowedCPUs()
	if len(cpus) != len(allowed) || len(cpus) != runtime.NumCPU() {
		t.Fatalf("%d CPUs measured, %d allowed, NumCPU %d", len(cpus), len(allowed), runtime.NumCPU())
	}
	for i, c := range cpus {
		// A clock between 0.1 and 10 GHz; what a CPU sustains is never
		// much above its best short trial (5% for a clock that moved).
		// Any core with hardware AES or not encrypts over 1 MB/s.
		if c.CPU != allowed[i] || c.PeakHz < 1e8 || c.PeakHz > 1e10 || c.SustainedHz <= 0 || c.SustainedHz > 1.05*c.PeakHz || c.AESGCMKBps < 1000 {
			bad = append(bad, fmt.Sprintf("cpu %d: %+v", allowed[i], c))
		}
		t.Logf("cpu %d: clock %.2f GHz, sustained %.2f GHz (%.0f%%), aes-256-gcm %.0fk", c.CPU, c.PeakHz/1e9, c.SustainedHz/1e9, 100*c.Share(), c.AESGCMKBps)
	}
	return bad
}

func TestMeasureCPUsStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := MeasureCPUs(ctx, time.Millisecond); err == nil {
		t.Fatal("MeasureCPUs(cancelled) succeeded")
	}
}

// TestMeasureCPUsStopsWhenCancelledMidway cancels while the CPUs are
// measured, at 0.3 s of 1 s per CPU: MeasureCPUs must stop within about a
// chunk with ctx's error, even when it was at the last CPU, and return no
// figures.
func TestMeasureCPUsStopsWhenCancelledMidway(t *testing.T) {
	if !clockSupported || !pinSupported {
		t.Skip("needs Linux and the ADD chain")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type measured struct {
		cpus int
		err  error
	}
	done := make(chan measured, 1)
	go func() {
		cpus, err := MeasureCPUs(ctx, time.Second)
		done <- measured{len(cpus), err}
	}()
	time.Sleep(300 * time.Millisecond)
	cancel()
	select {
	case m := <-done:
		if !errors.Is(m.err, context.Canceled) || m.cpus != 0 {
			t.Errorf("MeasureCPUs cancelled midway: %d CPUs, %v; want none and context.Canceled", m.cpus, m.err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("MeasureCPUs still running 20 s after it was cancelled")
	}
}

// lateCtx says it is cancelled from its n+1th look on: a Ctrl-C that
// came after MeasureCPUs last looked before measuring the last CPU.
type lateCtx struct {
	context.Context
	looks atomic.Int32
	n     int32
}

func (c *lateCtx) Err() error {
	if c.looks.Add(1) > c.n {
		return context.Canceled
	}
	return nil
}

// TestMeasureCPUsStopsWhenCancelledAtTheLastCPU: interrupted while the
// last CPU is measured, MeasureCPUs must fail with ctx's error, not return
// figures as if nothing happened (probe --cpus then ended with status 0).
func TestMeasureCPUsStopsWhenCancelledAtTheLastCPU(t *testing.T) {
	if !clockSupported || !pinSupported {
		t.Skip("needs Linux and the ADD chain")
	}
	cpus, err := allowedCPUs()
	if err != nil {
		t.Fatal(err)
	}
	ctx := &lateCtx{Context: context.Background(), n: int32(len(cpus))}
	got, err := MeasureCPUs(ctx, 10*time.Millisecond)
	if !errors.Is(err, context.Canceled) || len(got) != 0 {
		t.Errorf("MeasureCPUs interrupted at the last CPU: %d CPUs, %v; want none and context.Canceled", len(got), err)
	}
}

// TestTimedChainSeesAnotherThreadHere pins a busy thread and the timed
// chain to the same CPU: the chain must then wait for it a good part of
// the time (about half under a fair scheduler), which is how a shortfall
// is put down to this machine rather than the host.
func TestTimedChainSeesAnotherThreadHere(t *testing.T) {
	if !clockSupported || !pinSupported {
		t.Skip("needs Linux and the ADD chain")
	}
	cpus, err := allowedCPUs()
	if err != nil {
		t.Fatal(err)
	}
	cpu := cpus[0]
	stop := make(chan struct{})
	busy := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the pinned thread ends with the goroutine
		busy <- pinThread(cpu)
		for {
			select {
			case <-stop:
				return
			default:
				addChain(1 << 10)
			}
		}
	}()
	defer close(stop)
	if err := <-busy; err != nil {
		t.Fatal(err)
	}
	type result struct {
		wall, waited time.Duration
		known        bool
		err          error
	}
	chain := func() result {
		ch := make(chan result, 1)
		go func() {
			runtime.LockOSThread() // never unlocked: the pinned thread ends with the goroutine
			if err := pinThread(cpu); err != nil {
				ch <- result{err: err}
				return
			}
			iters, err := chainItersFor(context.Background(), 100*time.Millisecond)
			if err != nil {
				ch <- result{err: err}
				return
			}
			wall, waited, known := timedChain(context.Background(), iters, iters)
			ch <- result{wall, waited, known, nil}
		}()
		return <-ch
	}
	// On a loaded machine one chain may still be unlucky in its turns;
	// the run-queue delay must show in one of three.
	var share float64
	for try := 1; try <= 3; try++ {
		r := chain()
		if r.err != nil || !r.known {
			t.Fatalf("timed chain: %v, run-queue delay known %v", r.err, r.known)
		}
		share = float64(r.waited) / float64(r.wall)
		t.Logf("try %d: waited %v of %v (%.0f%%)", try, r.waited, r.wall, 100*share)
		if share >= 0.2 {
			return
		}
	}
	t.Errorf("beside a busy thread on cpu %d the chain waited %.0f%% of the time at most in three tries, want a good part", cpu, 100*share)
}
