package stats

import (
	"encoding/binary"
	"math"
	"testing"
)

// FuzzHostOf feeds HostOf and Host.RerunInterval samples as a results
// file from another host could hold them, any float64s in cells of any
// lengths: no panic, and an interval that is either unbounded or finite
// around its median, never NaN.
func FuzzHostOf(f *testing.F) {
	f.Add(uint8(4), []byte("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"))
	f.Add(uint8(1), []byte{})
	f.Fuzz(func(t *testing.T, ncells uint8, raw []byte) {
		n := int(ncells%12) + 1
		cells := make([][]float64, n)
		for i := 0; len(raw) >= 8; i++ {
			x := math.Float64frombits(binary.LittleEndian.Uint64(raw))
			if i%3 != 0 { // mostly plausible throughputs, some anything at all
				x = 1 + math.Abs(math.Mod(x, 1e6))
				if math.IsNaN(x) {
					x = 1
				}
			}
			cells[i%n] = append(cells[i%n], x)
			raw = raw[8:]
		}
		h := HostOf(cells)
		for _, xs := range cells {
			ci := h.RerunInterval(xs, 0)
			if math.IsNaN(ci.Lo) || math.IsNaN(ci.Hi) || math.IsNaN(ci.Pct) {
				t.Fatalf("NaN interval %+v of %v", ci, xs)
			}
			if !math.IsInf(ci.Pct, 1) && !(ci.Lo <= ci.Median && ci.Median <= ci.Hi) {
				t.Fatalf("interval %+v does not hold its median, of %v", ci, xs)
			}
		}
	})
}
