package goengine

import (
	"testing"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// TestLayoutsRenew: every Renew gives a Group of its own (other Ops,
// other buffers) like the old one, down to its threads and AEAD mode;
// the old ones stay alive so that their memory is not handed back at
// once, and only up to KeepBytes.
func TestLayoutsRenew(t *testing.T) {
	a, err := bench.Lookup("aes-128-gcm")
	if err != nil {
		t.Fatal(err)
	}
	const size, threads = 4 << 20, 2
	g, err := NewGroup(a, result.Decrypt, size, threads, result.AEADModeSeal)
	if err != nil {
		t.Fatal(err)
	}
	var l Layouts
	seen := map[*bench.Op]bool{g.Ops[0]: true, g.Ops[1]: true}
	for i := range KeepBytes/(2*size*threads) + 2 {
		old := g
		if g, err = l.Renew(g); err != nil {
			t.Fatal(err)
		}
		if g == old || len(g.Ops) != threads || g.aeadMode != result.AEADModeSeal {
			t.Fatalf("renewal %d: group %p with %d ops, mode %q; want a new one of %d, mode %q", i, g, len(g.Ops), g.aeadMode, threads, result.AEADModeSeal)
		}
		for _, op := range g.Ops {
			if seen[op] || op.Algo != a || op.Dir != result.Decrypt || op.Size != size {
				t.Fatalf("renewal %d: op %p (seen %v) of %s %s at %d bytes; want a new one of %s decrypt at %d", i, op, seen[op], op.Algo.Name, op.Dir, op.Size, a.Name, size)
			}
			seen[op] = true
		}
		if len(l.kept) == 0 || l.bytes > KeepBytes {
			t.Fatalf("renewal %d: %d old groups kept, %d bytes; want 1 or more, at most %d bytes", i, len(l.kept), l.bytes, KeepBytes)
		}
	}
}

// TestLayoutsRenewKeepsABigGroup: a Group of more than KeepBytes/4 of
// buffers is not renewed (nor kept twice).
func TestLayoutsRenewKeepsABigGroup(t *testing.T) {
	a, err := bench.Lookup("aes-128-ctr")
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewGroup(a, result.Encrypt, KeepBytes/8+1, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	var l Layouts
	if got, err := l.Renew(g); err != nil || got != g || len(l.kept) != 0 {
		t.Fatalf("Renew of %d bytes of buffers: %p, %v, %d kept; want the same group %p, none kept", 2*(KeepBytes/8+1), got, err, len(l.kept), g)
	}
}
