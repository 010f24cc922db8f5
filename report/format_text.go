package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteCompareText prints the comparison as aligned plain-text tables:
// the hosts, the throughput, the file workloads when there are any, and
// the advice.
func WriteCompareText(w io.Writer, c *Comparison) error {
	var b strings.Builder
	writeTextTable(&b, c.hostTable())
	b.WriteByte('\n')
	writeTextTable(&b, c.throughputTable())
	if len(c.Files) > 0 {
		b.WriteByte('\n')
		writeTextTable(&b, c.fileTable())
	}
	if len(c.Advice) > 0 {
		b.WriteString("\nAdvice:\n")
		for _, a := range c.Advice {
			fmt.Fprintf(&b, "  %s\n", a)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeTextTable(b *strings.Builder, t table) {
	b.WriteString(t.title + "\n")
	width := make([]int, len(t.header))
	for i, h := range t.header {
		width[i] = utf8.RuneCountInString(h)
	}
	for _, r := range t.rows {
		for i, cell := range r {
			width[i] = max(width[i], utf8.RuneCountInString(cell))
		}
	}
	line := func(cells []string) {
		var l strings.Builder
		for i, cell := range cells {
			if i > 0 {
				l.WriteString("  ")
			}
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(cell))
			if t.right[i] {
				l.WriteString(pad + cell)
			} else {
				l.WriteString(cell + pad)
			}
		}
		b.WriteString(strings.TrimRight(l.String(), " ") + "\n")
	}
	line(t.header)
	for _, r := range t.rows {
		line(r)
	}
}
