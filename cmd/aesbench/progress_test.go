package main

import (
	"bytes"
	"testing"
)

// TestProgressPlain: off a terminal, progress prints its first update and
// the last, and nothing in between faster than every few seconds.
func TestProgressPlain(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf)
	p.Update(1, 10, "a")
	p.Update(2, 10, "b")
	p.Update(10, 10, "c")
	want := " 10% a\n100% c\n"
	if buf.String() != want {
		t.Errorf("progress wrote %q, want %q", buf.String(), want)
	}
}
