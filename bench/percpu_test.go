package bench

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
)

func TestMeasureCPUs(t *testing.T) {
	cpus, err := MeasureCPUs(context.Background(), 10*time.Millisecond)
	if !clockSupported || !pinSupported {
		if !errors.Is(err, ErrNoCPUPinning) {
			t.Fatalf("MeasureCPUs on %s/%s: %v, want ErrNoCPUPinning", runtime.GOOS, runtime.GOARCH, err)
		}
		return
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
		if c.CPU != allowed[i] || c.PeakHz < 1e8 || c.PeakHz > 1e10 || c.SustainedHz <= 0 || c.SustainedHz > 1.05*c.PeakHz {
			t.Errorf("cpu %d: %+v", allowed[i], c)
		}
		t.Logf("cpu %d: clock %.2f GHz, sustained %.2f GHz (%.0f%%)", c.CPU, c.PeakHz/1e9, c.SustainedHz/1e9, 100*c.Share())
	}
}

func TestMeasureCPUsStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := MeasureCPUs(ctx, time.Millisecond); err == nil {
		t.Fatal("MeasureCPUs(cancelled) succeeded")
	}
}
