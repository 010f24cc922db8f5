package bench

import (
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

// TestCheckSizeEdges tries sizes one byte either side of each mode's
// block and of the largest size.
func TestCheckSizeEdges(t *testing.T) {
	tests := []struct {
		algo string
		size int
		ok   bool
	}{
		{"aes-256-cbc", 1, false}, {"aes-256-cbc", 15, false}, {"aes-256-cbc", 16, true}, {"aes-256-cbc", 17, false},
		{"aes-256-xts", 33, false}, {"aes-256-xts", 32, true},
		{"3des-cbc", 9, false}, {"3des-cbc", 8, true},
		{"aes-128-ctr", 1, true}, {"aes-256-gcm", 17, true},
		{"aes-128-ctr", MaxSize, true}, {"aes-128-ctr", MaxSize + 1, false}, {"aes-128-ctr", 0, false},
	}
	for _, tt := range tests {
		a, err := Lookup(tt.algo)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.CheckSize(tt.size); (err == nil) != tt.ok {
			t.Errorf("%s.CheckSize(%d) = %v, want ok %v", tt.algo, tt.size, err, tt.ok)
		}
	}
}

func TestCellsThreads(t *testing.T) {
	a, _ := Lookup("aes-128-ctr")
	enc := []result.Direction{result.Encrypt}
	for _, bad := range [][]int{{0}, {1, 0}, {-1}} {
		if cs, err := Cells([]*Algorithm{a}, enc, []int{16}, bad); err == nil || !strings.Contains(err.Error(), "need at least one") {
			t.Errorf("Cells(threads %v) = %v, %v; want an error", bad, cs, err)
		}
	}
	cs, err := Cells([]*Algorithm{a}, enc, []int{16, 64}, []int{1, 2})
	if err != nil || len(cs) != 4 || cs[0].Threads != 1 || cs[1].Size != 64 || cs[2].Threads != 2 {
		t.Errorf("Cells = %v, %v", cs, err)
	}
	if cs, err := Cells([]*Algorithm{a}, enc, []int{16}, nil); err != nil || len(cs) != 1 || cs[0].Threads != 1 {
		t.Errorf("Cells(no threads) = %v, %v; want one cell on one thread", cs, err)
	}
}

// TestNewOpRejects: a direction other than encrypt or decrypt, or a size
// the mode cannot take, is an error, not an Op that quietly encrypts.
func TestNewOpRejects(t *testing.T) {
	for _, a := range Algorithms() {
		if op, err := NewOp(a, "sideways", 64); err == nil || !strings.Contains(err.Error(), "unknown direction") {
			t.Errorf("NewOp(%s, sideways) = %v, %v; want an unknown direction error", a.Name, op, err)
		}
		if a.Block > 1 {
			if op, err := NewOp(a, result.Encrypt, a.Block+1); err == nil {
				t.Errorf("NewOp(%s, %d bytes) = %v; want an error", a.Name, a.Block+1, op)
			}
		}
		for _, dir := range []result.Direction{result.Encrypt, result.Decrypt} {
			op, err := NewOp(a, dir, 64)
			if err != nil || op.Algo != a || op.Dir != dir || op.Size != 64 {
				t.Fatalf("NewOp(%s, %s, 64) = %+v, %v", a.Name, dir, op, err)
			}
			op.Run(3)
		}
	}
}
