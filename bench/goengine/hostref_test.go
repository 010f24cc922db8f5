package goengine

import "testing"

func TestNewHostRefs(t *testing.T) {
	if newHostRefs(nil) != nil {
		t.Error("a reference for no cells")
	}
	h := newHostRefs([]int{4, 1, 2, 4})
	if !clockSupported {
		if h != nil {
			t.Error("a reference without the ADD chain")
		}
		return
	}
	var got []int
	for _, r := range h.refs {
		got = append(got, r.Threads)
	}
	if len(got) != 3 || got[0] != 1 || got[1] != 2 || got[2] != 4 {
		t.Errorf("reference thread counts %v, want [1 2 4]", got)
	}
}
