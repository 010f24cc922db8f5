package goengine

import (
	"context"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// kbpsFloor times f and returns the lowest throughput in kB/s (1000s of
// bytes per second) that bytes processed within it can claim: what a
// timing taken inside f, which is no longer, must reach.
func kbpsFloor(bytes int64, f func()) float64 {
	t0 := time.Now()
	f()
	return float64(bytes) / time.Since(t0).Seconds() / 1000
}

// TestSampleIsKBps checks the arithmetic of Sample and Group.Sample: the
// bytes they processed over the time they took, in 1000s of bytes per
// second. Their own timing lies within the test's, so their figure is at
// least the test's; a figure in 1024s of bytes per second would be 2.3%
// below it. (No upper bound: on a busy machine the test's own timing can
// be any longer.)
func TestSampleIsKBps(t *testing.T) {
	a, _ := bench.Lookup("aes-128-ctr")
	const size, n = 4096, 2000
	op, err := bench.NewOp(a, result.Encrypt, size)
	if err != nil {
		t.Fatal(err)
	}
	op.Run(n) // warm up
	var got float64
	floor := kbpsFloor(n*size, func() { got, _ = Sample(context.Background(), op, n, time.Second) })
	if got < floor {
		t.Errorf("Sample = %v kB/s, want at least %v", got, floor)
	}

	g, err := NewGroup(a, result.Encrypt, size, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	g.Sample(context.Background(), n, time.Second)
	var agg, per float64
	floor = kbpsFloor(2*n*size, func() { agg, per, _ = g.Sample(context.Background(), n, time.Second) })
	if agg < floor {
		t.Errorf("Group.Sample aggregate = %v kB/s, want at least %v", agg, floor)
	}
	// Each worker's own time is within the wall time too.
	if per < floor/2 {
		t.Errorf("Group.Sample per thread = %v kB/s, want at least %v", per, floor/2)
	}
}
