package main

import (
	"fmt"
	"io"
	"time"
)

// progress reports how far a long job is on stderr: one line rewritten in
// place on a terminal, otherwise a plain line at most every few seconds.
type progress struct {
	w    io.Writer
	live bool
	last time.Time
}

func newProgress(w io.Writer) *progress { return &progress{w: w, live: isTerminal(w)} }

// Update shows how far the job is: done of total, and what was just done.
func (p *progress) Update(done, total int, what string) {
	pct := 100 * done / max(total, 1)
	if p.live {
		fmt.Fprintf(p.w, "\r\033[K%3d%% %s", pct, what)
		if done == total {
			fmt.Fprint(p.w, "\r\033[K")
		}
		return
	}
	if done == total || time.Since(p.last) >= 5*time.Second {
		fmt.Fprintf(p.w, "%3d%% %s\n", pct, what)
		p.last = time.Now()
	}
}

// Note prints msg on a line of its own, clearing a live progress line
// first.
func (p *progress) Note(msg string) {
	p.clear()
	fmt.Fprintf(p.w, "aesbench: %s\n", msg)
}

// clear erases a live progress line; otherwise it does nothing.
func (p *progress) clear() {
	if p.live {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
