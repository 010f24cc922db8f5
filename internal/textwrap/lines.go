package textwrap

import (
	"strings"
	"unicode/utf8"
)

// Lines joins words with spaces into lines of at most width runes, the
// first starting at column start (the caller has written what comes
// before it), each later one with indent, which counts toward its width.
// A word longer than a line stays whole, on a line of its own.
func Lines(words []string, start, width int, indent string) string {
	var b strings.Builder
	col := start
	for i, word := range words {
		n := utf8.RuneCountInString(word)
		switch {
		case i == 0:
		case col+1+n > width:
			b.WriteString("\n" + indent)
			col = utf8.RuneCountInString(indent)
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}

// Hanging is Lines over Prose with every line after the first indented
// to column start, where the first began: a value beside its name.
func Hanging(s string, start, width int) string {
	return Lines(Prose(s), start, width, strings.Repeat(" ", start))
}
