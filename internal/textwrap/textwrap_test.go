package textwrap

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestProse(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  string
	}{
		{"a b c", 10, "a b c"},
		{"aaa bbb ccc", 7, "aaa bbb\n  ccc"},
		{"averyveryverylongword b", 5, "averyveryverylongword\n  b"},
		// The interval stays with its figure, though "(8.97x" fits,
		// and the figure with its name, though "h04" fits.
		{"x1 (7.82x [7.72-7.93]), h04 (8.97x [8.85-9.10])", 30, "x1 (7.82x [7.72-7.93]),\n  h04 (8.97x [8.85-9.10])"},
		{"prefer it (at 256 bytes), on: h1", 16, "prefer it (at\n  256 bytes),\n  on: h1"},
		{"[lone] start", 6, "[lone]\n  start"},
		// A bracket of words is a legend, not an interval: it does not
		// pull the word before it onto the next line.
		{"over knight's), [low-high] its interval", 24, "over knight's),\n  [low-high] its\n  interval"},
		{"slower by -3.1% [-4.0% to -2.2%] now", 24, "slower by\n  -3.1% [-4.0% to -2.2%]\n  now"},
		{"slower by 3.0% [0.7% to 5.1%] in run6", 22, "slower by\n  3.0% [0.7% to 5.1%]\n  in run6"},
		// A comparison is not broken at its operator, nor a ~ from
		// what it marks.
		{"interval, ~ no difference (p >= 0.05; ~ (rerun): less)", 13, "interval,\n  ~ no\n  difference\n  (p >= 0.05;\n  ~ (rerun):\n  less)"},
	}
	for _, tt := range tests {
		got := Lines(Prose(tt.s), 0, tt.width, "  ")
		if got != tt.want {
			t.Errorf("Lines(Prose(%q), 0, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
		if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(tt.s), " ") {
			t.Errorf("Lines(Prose(%q)) lost or changed words: %q", tt.s, got)
		}
		for _, l := range strings.Split(got, "\n") {
			if n := utf8.RuneCountInString(l); n > tt.width && strings.Contains(strings.TrimSpace(l), " ") {
				t.Errorf("Lines(Prose(%q), 0, %d): line %q is %d wide", tt.s, tt.width, l, n)
			}
		}
	}
}

func TestSynopsis(t *testing.T) {
	for _, tt := range []struct {
		s            string
		start, width int
		want         string
	}{
		{"a bb ccc dddd", 0, 8, "a bb ccc\ndddd"},
		{"a bb ccc dddd", 2, 8, "a bb\n  ccc\n  dddd"},
		{"averyveryverylongword b", 0, 8, "averyveryverylongword\nb"},
		{"compare A [--size N|all] [--format text]", 0, 20, "compare A\n[--size N|all]\n[--format text]"},
		{"", 0, 8, ""},
	} {
		if got := Lines(Synopsis(tt.s), tt.start, tt.width, strings.Repeat(" ", tt.start)); got != tt.want {
			t.Errorf("Lines(Synopsis(%q), %d, %d) = %q, want %q", tt.s, tt.start, tt.width, got, tt.want)
		}
	}
}

// The first line counts from start; runes, not bytes, count toward the
// width, so "…" is one column.
func TestLinesCountsFromStartInRunes(t *testing.T) {
	got := Lines([]string{"ab…", "cd"}, 3, 9, "")
	if want := "ab… cd"; got != want {
		t.Errorf("Lines from column 3, width 9 = %q, want %q", got, want)
	}
	got = Lines([]string{"ab…", "cd"}, 4, 9, "")
	if want := "ab…\ncd"; got != want {
		t.Errorf("Lines from column 4, width 9 = %q, want %q", got, want)
	}
}

func ExampleLines() {
	fmt.Println("Usage: " + Lines(Synopsis("aesbench report RESULTS.json... --out DIR [--size N] [--baseline LABEL]"), 7, 40, "       "))
	// Output:
	// Usage: aesbench report RESULTS.json...
	//        --out DIR [--size N]
	//        [--baseline LABEL]
}

func ExampleHanging() {
	fmt.Println("openssl AES-NI  " + Hanging("yes, PCLMULQDQ yes (bits 57 and 33 of the first word of CPUINFO)", 16, 40))
	// Output:
	// openssl AES-NI  yes, PCLMULQDQ yes (bits
	//                 57 and 33 of the first
	//                 word of CPUINFO)
}
