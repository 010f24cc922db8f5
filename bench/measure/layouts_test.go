package measure

import (
	"testing"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/goengine"
	"github.com/aesbench/aesbench/bench/result"
)

// TestLayoutsFreshGroupPerSample: every sample gets a Group of its own
// (another Op, other buffers) like the old one, the old ones stay alive
// so their memory is not handed back at once, and only up to keepBytes.
func TestLayoutsFreshGroupPerSample(t *testing.T) {
	a, err := bench.Lookup("aes-128-gcm")
	if err != nil {
		t.Fatal(err)
	}
	const size = 4 << 20
	setup := workerRequest{Cells: []workerCell{{Algo: a.Name, Direction: result.Encrypt, Size: size, Threads: 1}}}
	g0, err := goengine.NewGroup(a, result.Encrypt, size, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	groups := []*goengine.Group{g0}
	var l layouts
	seen := map[*bench.Op]bool{g0.Ops[0]: true}
	for i := range keepBytes/(2*size) + 2 {
		g, err := l.group(groups, 0, setup)
		if err != nil {
			t.Fatal(err)
		}
		if groups[0] != g || seen[g.Ops[0]] || g.Ops[0].Algo != a || g.Ops[0].Size != size {
			t.Fatalf("sample %d: group %p (op %p, seen %v), want a new one of %s at %d bytes in place", i, g, g.Ops[0], seen[g.Ops[0]], a.Name, size)
		}
		seen[g.Ops[0]] = true
		if l.bytes > keepBytes || len(l.kept) == 0 {
			t.Fatalf("sample %d: %d old groups kept, %d bytes; want 1 or more, at most %d bytes", i, len(l.kept), l.bytes, keepBytes)
		}
	}
}
