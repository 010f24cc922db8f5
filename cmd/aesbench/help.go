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
