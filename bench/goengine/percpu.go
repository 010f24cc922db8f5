package goengine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/cpuinfo"
)

// ErrNoCPUPinning is returned by MeasureCPUs where threads cannot be
// pinned to a CPU (any OS but Linux) or there is no ADD chain.
var ErrNoCPUPinning = errors.New("measuring each CPU needs Linux (to pin a thread) and amd64 or arm64 (for the ADD chain)")

// MeasureCPUs measures every CPU this process may run on, one at a time,
// each by a thread pinned to it alone: the ADD chain's best short trial
// (the core clock), its rate over about d (what the CPU sustains), and
// AES-256-GCM on 16 KiB messages for about d/2, checked against its
// known-answer vectors first. On a
// whole core the two agree; a vCPU that the host time-slices sustains
// less (see result.HostRef), and so does one shared with other processes here,
// which the thread's run-queue delay tells apart (CPUCapacity.WaitShare). It
// stops with ctx's error when ctx is done.
func MeasureCPUs(ctx context.Context, d time.Duration) ([]cpuinfo.CPUCapacity, error) {
	if !clockSupported || !pinSupported {
		return nil, ErrNoCPUPinning
	}
	cpus, err := allowedCPUs()
	if err != nil {
		return nil, fmt.Errorf("list the CPUs: %w", err)
	}
	if err := bench.Verify(cpuAES); err != nil {
		return nil, err
	}
	var out []cpuinfo.CPUCapacity
	for _, cpu := range cpus {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c, err := measureCPU(ctx, cpu, d)
		if ctx.Err() != nil { // during the last CPU too: no figures of an interrupted run
			return nil, ctx.Err()
		}
		if err != nil {
			return nil, fmt.Errorf("cpu %d: %w", cpu, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// cpuAES is the cipher MeasureCPUs times on each CPU: the cell of the
// scaling target, AES-256-GCM at 16 KiB.
var cpuAES, _ = bench.Lookup("aes-256-gcm")

// measureCPU measures one CPU on a new OS thread pinned to it. The
// goroutine never unlocks its thread, so the pinned thread ends with it
// instead of going back to the Go scheduler. It stops with ctx's error
// when ctx is done.
func measureCPU(ctx context.Context, cpu int, d time.Duration) (cpuinfo.CPUCapacity, error) {
	type measured struct {
		c   cpuinfo.CPUCapacity
		err error
	}
	ch := make(chan measured, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: see above
		if err := pinThread(cpu); err != nil {
			ch <- measured{err: fmt.Errorf("pin a thread: %w", err)}
			return
		}
		peak, _ := EstimateClock() // supported: MeasureCPUs checked
		iters, err := chainItersFor(ctx, d)
		if err != nil {
			ch <- measured{err: err}
			return
		}
		wall, waited, known := timedChain(ctx, iters, uint64(chunkOf(int(iters), d)))
		if err := ctx.Err(); err != nil {
			ch <- measured{err: err}
			return
		}
		c := cpuinfo.CPUCapacity{
			CPU:         cpu,
			PeakHz:      peak,
			SustainedHz: float64(iters) * 32 / wall.Seconds(),
			WaitShare:   -1,
		}
		if known {
			c.WaitShare = min(float64(waited)/float64(wall), 1)
		}
		// The cipher's own buffers are made here, on this CPU's thread.
		op, err := bench.NewOp(cpuAES, result.Encrypt, 16<<10)
		if err != nil {
			ch <- measured{err: err}
			return
		}
		n, err := Calibrate(ctx, op, d/2)
		if err == nil {
			c.AESGCMKBps, err = Sample(ctx, op, n, d/2)
		}
		ch <- measured{c: c, err: err}
	}()
	r := <-ch
	return r.c, r.err
}
