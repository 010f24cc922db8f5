package measure

import (
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/goengine"
	"github.com/aesbench/aesbench/bench/result"
)

// TestAddClockTakesTheHigherEstimate feeds addClock a "before" estimate far
// off either way: it keeps the higher of before and after, and says the
// two disagree.
func TestAddClockTakesTheHigherEstimate(t *testing.T) {
	if _, ok := goengine.EstimateClock(); !ok {
		t.Skip("no clock estimate on this architecture")
	}
	for _, hz0 := range []float64{1e6, 1e12} {
		res := &result.Results{}
		addClock(res, hz0, true)
		if res.ClockHz < hz0 || (hz0 == 1e6 && res.ClockHz < 1e8) {
			t.Errorf("before %.3g Hz: clock %.3g Hz, want the higher estimate", hz0, res.ClockHz)
		}
		if w := strings.Join(res.Warnings, "\n"); !strings.Contains(w, "cycles per byte use the higher, and are rough") {
			t.Errorf("before %.3g Hz: no word that the estimates disagree: %q", hz0, w)
		}
	}
}
