package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress reports how far a long job is on stderr. On a terminal it is
// one line redrawn in place, cut to the terminal's width so that it never
// wraps: a bar, done/total, the rate, the time left and what was just
// done. Otherwise it is a plain line at most every few seconds, and the
// last one. It implements measure.Progress.
type progress struct {
	w     io.Writer
	live  bool
	width func() int // the terminal's columns; 0 when unknown
	now   func() time.Time

	mu       sync.Mutex
	shown    bool      // a live line is on the screen
	stopped  bool      // Clear was called: draw no more
	last     time.Time // when the last line was drawn or printed
	start    time.Time // when this phase began counting from 0
	prevDone int
	prevAt   time.Time
}

// liveEvery is the shortest time between two redraws of a live line (the
// logs command updates every MiB); the first and the last update are
// always drawn.
const liveEvery = time.Second / 30

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, live: isTerminal(w), width: func() int { return termWidth(w) }, now: time.Now}
	p.start = p.now()
	p.prevAt = p.start
	return p
}

// Update shows how far the job is: done of total, and what was just done.
func (p *progress) Update(done, total int, what string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if done < p.prevDone { // a new phase counts from 0 again
		p.start = p.prevAt
	}
	p.prevDone, p.prevAt = done, now
	pct := 100 * done / max(total, 1)
	if !p.live {
		if done == total || now.Sub(p.last) >= 5*time.Second {
			fmt.Fprintf(p.w, "%3d%% %s\n", pct, what)
			p.last = now
		}
		return
	}
	if p.stopped {
		return
	}
	if done >= total {
		p.erase()
		return
	}
	if p.shown && now.Sub(p.last) < liveEvery {
		return
	}
	fmt.Fprint(p.w, "\r\033[K"+p.line(done, total, what, now))
	p.shown, p.last = true, now
}

// Note prints msg on a line of its own, clearing a live progress line
// first; the next Update draws it again.
func (p *progress) Note(msg string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
	say(p.w, "aesbench: ", msg) // wrapped to a terminal's width, as warnings are
}

// Clear erases a live progress line and stops drawing it, so that what
// follows (an error, "interrupted") starts on a clean line even if a late
// Update comes in. Off a terminal it does nothing.
func (p *progress) Clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
	p.stopped = true
}

// erase erases the live line, if one is shown; p.mu is held.
func (p *progress) erase() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

// line renders the live line for done of total at now, one column short
// of the terminal's width (80 when unknown), so that the cursor never
// reaches the last column and wraps.
func (p *progress) line(done, total int, what string, now time.Time) string {
	cols := p.width()
	if cols <= 0 {
		cols = 80
	}
	n := cols - 1
	rate, eta := "?/s", "?"
	if el := now.Sub(p.start).Seconds(); done > 0 && el > 0 {
		r := float64(done) / el
		rate = fmt.Sprintf("%.1f/s", r)
		if r >= 10 {
			rate = fmt.Sprintf("%.0f/s", r)
		}
		eta = formatETA(time.Duration(float64(total-done) / r * float64(time.Second)))
	}
	stats := liveStats(n, done, total, rate, eta)
	// measure.Host starts what with "(done/total) ", shown already.
	what = strings.TrimPrefix(what, fmt.Sprintf("(%d/%d) ", done, total))
	if room := n - len(stats) - 2; room >= 8 && what != "" {
		return stats + "  " + cutMiddle(what, room)
	}
	return cut(stats, n)
}

// whatRoom is the room a live line keeps for what was just done before
// it shows a bar or the rate.
const whatRoom = 24

// liveStats renders the bar and figures of a live line of n columns: a bar
// of 10 to 20 columns, done/total, the rate and the time left; without
// the rate, then with the percentage for a bar, where that leaves what
// too little room.
func liveStats(n, done, total int, rate, eta string) string {
	// In fixed widths, so that the bar and what stay in place.
	counts := fmt.Sprintf("%*d/%d", len(fmt.Sprint(total)), done, total)
	eta = fmt.Sprintf("%5s", eta)
	for _, s := range []string{fmt.Sprintf("%s %6s ETA %s", counts, rate, eta), counts + " ETA " + eta} {
		if bw := min(20, n-len(s)-len("[] ")-len("  ")-whatRoom); bw >= 10 {
			fill := bw * done / max(total, 1)
			return "[" + strings.Repeat("#", fill) + strings.Repeat("-", bw-fill) + "] " + s
		}
	}
	return fmt.Sprintf("%3d%% %s ETA %s", 100*done/max(total, 1), counts, eta)
}

// formatETA gives d in whole seconds, minutes or hours: 9s, 3m05s, 1h02m.
func formatETA(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	switch {
	case s < 60:
		return fmt.Sprintf("%ds", s)
	case s < 3600:
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	}
	return fmt.Sprintf("%dh%02dm", s/3600, s%3600/60)
}

// cutMiddle shortens s to n columns (runes) by putting "..." in place of
// its middle, keeping both ends: what a cell or a command line says first
// (the cipher) and last (the size).
func cutMiddle(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n < 5 {
		return string(r[:max(n, 0)])
	}
	head := (n - 3) / 2
	return string(r[:head]) + "..." + string(r[len(r)-(n-3-head):])
}

// cut shortens s to n columns (runes), ending in "..." when it cuts.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n < 4 {
		return string(r[:max(n, 0)])
	}
	return string(r[:n-3]) + "..."
}
