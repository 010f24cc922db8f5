package main

import (
	"io"
	"strings"
)

// joinWrap lists names for a flag's help. The help is wrapped to the
// terminal's width (helpWidth), so the names are not broken into lines
// here.
func joinWrap(names []string) string {
	return strings.Join(names, ", ")
}

// helpWidth is the width that help printed on w is wrapped to: the
// terminal's columns, or 80 when w is not a terminal or its width is
// unknown.
func helpWidth(w io.Writer) int {
	if cols := termWidth(w); cols > 0 {
		return cols
	}
	return 80
}

// wrapText breaks s into lines of at most width columns (a word longer
// than that stands alone on its line), indenting all but the first by
// indent spaces: the caller has written the first line's start. A
// bracketed group of a synopsis, "[--size N]", is kept on one line.
func wrapText(s string, indent, width int) string {
	var b strings.Builder
	col := indent
	for i, word := range words(s) {
		n := len([]rune(word))
		switch {
		case i == 0:
		case col+1+n > width:
			b.WriteString("\n" + strings.Repeat(" ", indent))
			col = indent
		default:
			b.WriteString(" ")
			col++
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}

// words splits s at spaces, except inside brackets.
func words(s string) []string {
	var out []string
	depth := 0
	for _, f := range strings.Fields(s) {
		if depth > 0 {
			out[len(out)-1] += " " + f
		} else {
			out = append(out, f)
		}
		depth += strings.Count(f, "[") - strings.Count(f, "]")
	}
	return out
}
