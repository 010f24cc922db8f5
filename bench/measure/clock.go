package measure

import (
	"fmt"

	"github.com/aesbench/aesbench/bench/goengine"
	"github.com/aesbench/aesbench/bench/result"
)

// addClock estimates the core clock again after the run and, with hz0 from
// before it, fills the results' clock, AESENC latency and cycles per byte.
// An interruption can only make an estimate low, so the higher of the two
// is taken; when they differ by over 5%, a warning says that cycles per
// byte are rough. Without an estimate (ok false) it leaves them unknown.
func addClock(res *result.Results, hz0 float64, ok bool) {
	if !ok {
		return
	}
	hz1, _ := goengine.EstimateClock()
	res.ClockHz = max(hz0, hz1)
	if min(hz0, hz1) < 0.95*res.ClockHz {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the core clock read %.2f GHz before the run and %.2f GHz after: cycles per byte use the higher, and are rough", hz0/1e9, hz1/1e9))
	}
	res.AESENCCycles, _ = goengine.AESENCLatency(res.ClockHz)
	hwAES := res.Probe != nil && res.Probe.Go.HardwareAES
	goengine.AddCycles(res.Measurements, res.ClockHz, res.AESENCCycles, hwAES)
}
