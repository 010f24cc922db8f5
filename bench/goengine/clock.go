package goengine

import (
	"runtime"
	"strings"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// The core clock is estimated by timing a dependent chain of ADDs (in
// assembly, clock_amd64.s and clock_arm64.s): each ADD needs the result
// of the one before, and an ADD's latency is one cycle on every amd64 and
// arm64 core, so n ADDs take n cycles whatever the width of the core. The
// best of a few short trials is taken, as interruptions only make a trial
// slower. On other architectures no estimate is made.

// chainIters is the number of loop iterations of one trial: 32 ADDs each,
// about 1-3 ms at 1-5 GHz.
const chainIters = 1 << 17

// chainTrials is how many trials the best is taken of.
const chainTrials = 7

// bestChain returns the shortest of the trials' times for n iterations of
// chain.
func bestChain(chain func(uint64), n uint64) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	chain(n / 8) // warm up: wake the core to its running clock
	best := time.Duration(1 << 62)
	for range chainTrials {
		t0 := time.Now()
		chain(n)
		best = min(best, time.Since(t0))
	}
	return max(best, 1)
}

// EstimateClock returns the core clock in Hz estimated by a dependent ADD
// chain, and false when this architecture has no estimate.
func EstimateClock() (hz float64, ok bool) {
	if !clockSupported {
		return 0, false
	}
	d := bestChain(addChain, chainIters)
	return float64(chainIters) * 32 / d.Seconds(), true
}

// AESENCLatency returns the latency of one AESENC instruction in cycles
// of a clock of hz, measured by a dependent AESENC chain (amd64 with
// AES-NI only), and false where it cannot be measured.
func AESENCLatency(hz float64) (cycles float64, ok bool) {
	if hz <= 0 || !aesencLatencySupported() {
		return 0, false
	}
	const n = chainIters / 4
	d := bestChain(aesencChain, n)
	return d.Seconds() * hz / (float64(n) * 32), true
}

// aesRounds returns the rounds of an AES algorithm by its key size
// (10 for AES-128, 12 for AES-192, 14 for AES-256), 0 for others.
func aesRounds(a *bench.Algorithm) int {
	if !a.AES {
		return 0
	}
	switch a.KeySize {
	case 16:
		return 10
	case 24:
		return 12
	case 32:
		return 14
	}
	return 0
}

// AddCycles fills each measurement's cycles per byte from a clock of hz
// (nothing when hz is 0: unknown). Where aesencCycles, the AESENC
// latency, is known and Go's hardware AES was used, AES-CBC encryptions,
// whose blocks are chained and so run one after the other, also get the
// latency bound: rounds x aesencCycles per 16-byte block, and the
// percentage of that bound the measurement achieved.
func AddCycles(ms []result.Measurement, hz, aesencCycles float64, hardwareAES bool) {
	if hz <= 0 {
		return
	}
	for i := range ms {
		m := &ms[i]
		if m.KBps <= 0 || m.Engine != "go" {
			continue
		}
		m.CyclesPerByte = hz / (m.KBps * 1000) * float64(max(m.Threads, 1))
		a, err := bench.Lookup(m.Algo)
		if err != nil || aesencCycles <= 0 || !hardwareAES || a.Mode != bench.CBC || m.Direction != result.Encrypt || !strings.HasPrefix(a.Name, "aes-") {
			continue
		}
		if r := aesRounds(a); r > 0 {
			m.BoundCyclesPerByte = float64(r) * aesencCycles / 16
			m.BoundPct = 100 * m.BoundCyclesPerByte / m.CyclesPerByte
		}
	}
}
