package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrap(t *testing.T) {
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
	}
	for _, tt := range tests {
		got := Wrap(tt.s, tt.width, "  ")
		if got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
		if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(tt.s), " ") {
			t.Errorf("Wrap(%q) lost or changed words: %q", tt.s, got)
		}
		for _, l := range strings.Split(got, "\n") {
			if n := utf8.RuneCountInString(l); n > tt.width && !strings.Contains(strings.TrimSpace(l), " ") {
				continue // one long word
			} else if n > tt.width {
				t.Errorf("Wrap(%q, %d): line %q is %d wide", tt.s, tt.width, l, n)
			}
		}
	}
}
