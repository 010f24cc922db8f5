package goengine

import (
	"math"
	"runtime"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

func TestEstimateClock(t *testing.T) {
	hz, ok := EstimateClock()
	if ok != (runtime.GOARCH == "amd64" || runtime.GOARCH == "arm64") {
		t.Fatalf("EstimateClock ok = %v on %s", ok, runtime.GOARCH)
	}
	if !ok {
		return
	}
	// Any real core today runs between 100 MHz and 10 GHz.
	if hz < 1e8 || hz > 1e10 {
		t.Errorf("EstimateClock = %.3g Hz, not a plausible core clock", hz)
	}
	t.Logf("clock %.3f GHz", hz/1e9)
	if lat, ok := AESENCLatency(hz); ok {
		// AESENC takes from 3 to 8 (Westmere) cycles; allow
		// for a clock that moved during the measurement.
		if lat < 0.5 || lat > 16 {
			t.Errorf("AESENC latency %.2f cycles: implausible", lat)
		}
		t.Logf("AESENC latency %.2f cycles", lat)
	}
}

func TestAddCycles(t *testing.T) {
	ms := []result.Measurement{
		{Engine: result.EngineGo, Algo: "aes-256-cbc", Direction: result.Encrypt, Threads: 1, KBps: 1e6}, // 1 GB/s
		{Engine: result.EngineGo, Algo: "aes-128-cbc", Direction: result.Encrypt, Threads: 1, KBps: 2e6}, // 2 GB/s
		{Engine: result.EngineGo, Algo: "aes-256-cbc", Direction: result.Decrypt, Threads: 1, KBps: 4e6}, // parallel: no bound
		{Engine: result.EngineGo, Algo: "3des-cbc", Direction: result.Encrypt, Threads: 1, KBps: 1e5},    // not AES
		{Engine: result.EngineGo, Algo: "aes-256-gcm", Direction: result.Encrypt, Threads: 2, KBps: 8e6}, // 2 threads: per thread 4 GB/s
		{Engine: "openssl", Algo: "aes-256-cbc", Direction: result.Encrypt, Threads: 1, KBps: 1e6},       // not measured here
	}
	AddCycles(ms, 3e9, 4, true)
	want := []struct{ cpb, bound, pct float64 }{
		{3, 14 * 4.0 / 16, 100 * 3.5 / 3},
		{1.5, 10 * 4.0 / 16, 100 * 2.5 / 1.5},
		{0.75, 0, 0},
		{30, 0, 0},
		{0.75, 0, 0},
		{0, 0, 0},
	}
	for i, w := range want {
		m := ms[i]
		if math.Abs(m.CyclesPerByte-w.cpb) > 1e-9 || math.Abs(m.BoundCyclesPerByte-w.bound) > 1e-9 || math.Abs(m.BoundPct-w.pct) > 1e-9 {
			t.Errorf("%s %s: cycles/byte %v, bound %v (%v%%), want %v, %v (%v%%)", m.Algo, m.Direction, m.CyclesPerByte, m.BoundCyclesPerByte, m.BoundPct, w.cpb, w.bound, w.pct)
		}
	}
	// Without Go's hardware AES the AESENC bound does not apply, and an
	// unknown clock gives nothing.
	ms2 := []result.Measurement{{Engine: result.EngineGo, Algo: "aes-256-cbc", Direction: result.Encrypt, Threads: 1, KBps: 1e6}}
	AddCycles(ms2, 3e9, 4, false)
	if ms2[0].CyclesPerByte != 3 || ms2[0].BoundCyclesPerByte != 0 {
		t.Errorf("no hardware AES: %+v", ms2[0])
	}
	ms3 := []result.Measurement{{Engine: result.EngineGo, Algo: "aes-256-cbc", Direction: result.Encrypt, Threads: 1, KBps: 1e6}}
	AddCycles(ms3, 0, 4, true)
	if ms3[0].CyclesPerByte != 0 {
		t.Errorf("unknown clock: %+v", ms3[0])
	}
}
