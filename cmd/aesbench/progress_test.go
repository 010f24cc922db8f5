package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// writes records each Write as one entry, as a terminal would get it.
type writes []string

func (w *writes) Write(b []byte) (int, error) {
	*w = append(*w, string(b))
	return len(b), nil
}

// transcript shows the writes one a line: a drawn line as "draw |...|",
// an erased one as "clear", anything else as written.
func (w writes) transcript() string {
	var b strings.Builder
	for _, s := range w {
		switch {
		case s == "\r\033[K":
			b.WriteString("clear\n")
		case strings.HasPrefix(s, "\r\033[K"):
			fmt.Fprintf(&b, "draw |%s|\n", strings.TrimPrefix(s, "\r\033[K"))
		default:
			b.WriteString(s)
		}
	}
	return b.String()
}

// fakeProgress is a live progress on a terminal of cols columns whose
// clock moves step at every reading.
func fakeProgress(w *writes, cols int, step time.Duration) *progress {
	t := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	p := &progress{w: w, live: true, width: func() int { return cols }, now: func() time.Time {
		t = t.Add(step)
		return t
	}}
	p.start = p.now()
	p.prevAt = p.start
	return p
}

// TestProgressLiveGolden renders a run's progress as a terminal of 80 and
// of 40 columns gets it: the go engine's samples, a note, the openssl
// engine's long command lines, each phase cleared when done. No line
// reaches the last column, so none wraps.
func TestProgressLiveGolden(t *testing.T) {
	for _, cols := range []int{80, 40} {
		t.Run(fmt.Sprint(cols), func(t *testing.T) {
			var w writes
			p := fakeProgress(&w, cols, 1500*time.Millisecond)
			for i := 1; i <= 6; i++ {
				p.Update(i, 6, fmt.Sprintf("(%d/6) aes-256-gcm encrypt %d bytes", i, 16<<(2*i)))
			}
			p.Note("openssl: OpenSSL 3.0.19 27 Jan 2026 (CPUINFO: OPENSSL_ia32cap=0x7ed8320b078bffff:0x400684219c97a9)")
			for i := 1; i <= 3; i++ {
				p.Update(i, 40, fmt.Sprintf("(%d/40) openssl speed -mr -elapsed -evp aes-256-gcm -seconds 1 -bytes %d", i, 16<<(2*i)))
			}
			p.Clear()
			p.Update(4, 40, "late: never drawn")
			for _, s := range w {
				line := strings.TrimPrefix(s, "\r\033[K")
				if n := utf8.RuneCountInString(line); line != s && n > cols-1 {
					t.Errorf("line of %d columns on a terminal of %d: %q", n, cols, line)
				}
			}
			golden(t, fmt.Sprintf("progress-%d.txt", cols), []byte(w.transcript()))
		})
	}
}

func TestProgressLive(t *testing.T) {
	for _, tt := range []struct {
		name    string
		step    time.Duration
		updates [][2]int
		want    string
	}{
		{"redraws at most 30 times a second, the last always", 20 * time.Millisecond, [][2]int{{1, 4}, {2, 4}, {3, 4}, {4, 4}},
			"draw |[#####---------------] 1/4   50/s ETA    0s  x|\ndraw |[###############-----] 3/4   50/s ETA    0s  x|\nclear\n"},
		{"the rate restarts with a phase", time.Second, [][2]int{{1, 2}, {2, 2}, {1, 10}},
			"draw |[##########----------] 1/2  1.0/s ETA    1s  x|\nclear\ndraw |[##------------------]  1/10  1.0/s ETA    9s  x|\n"},
		{"nothing to clear when done at once", time.Second, [][2]int{{3, 3}}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var w writes
			p := fakeProgress(&w, 80, tt.step)
			for _, u := range tt.updates {
				p.Update(u[0], u[1], "x")
			}
			if got := w.transcript(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestProgressPlain: off a terminal, progress prints its first update and
// the last, and nothing in between faster than every few seconds; Clear
// prints nothing.
func TestProgressPlain(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf)
	p.Update(1, 10, "a")
	p.Update(2, 10, "b")
	p.Clear()
	p.Update(10, 10, "c")
	want := " 10% a\n100% c\n"
	if buf.String() != want {
		t.Errorf("progress wrote %q, want %q", buf.String(), want)
	}
}

func TestFormatETAAndCuts(t *testing.T) {
	for _, tt := range []struct {
		got, want string
	}{
		{formatETA(9400 * time.Millisecond), "9s"},
		{formatETA(185 * time.Second), "3m05s"},
		{formatETA(3720 * time.Second), "1h02m"},
		{cut("abcdef", 6), "abcdef"},
		{cut("abcdef", 5), "ab..."},
		{cut("abcdef", 2), "ab"},
		{cut("äöüäöü", 5), "äö..."},
		{cutMiddle("aes-256-gcm encrypt 16384 bytes", 20), "aes-256-...384 bytes"},
		{cutMiddle("abc", 3), "abc"},
		{cutMiddle("abcdef", 4), "abcd"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
