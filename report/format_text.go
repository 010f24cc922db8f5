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
	return writeCompare(w, c, writeTextTable, func(b *strings.Builder, advice []string) {
		b.WriteString("\nAdvice:\n")
		for _, a := range advice {
			fmt.Fprintf(b, "  %s\n", a)
		}
	})
}

// writeCompare prints c's tables with table, one blank line apart (the
// file workloads only when there are any), then its advice, if any, with
// advice: the one layout of the text and markdown forms.
func writeCompare(w io.Writer, c *Comparison, table func(*strings.Builder, table), advice func(*strings.Builder, []string)) error {
	var b strings.Builder
	table(&b, c.hostTable())
	b.WriteByte('\n')
	table(&b, c.throughputTable())
	if len(c.Files) > 0 {
		b.WriteByte('\n')
		table(&b, c.fileTable())
	}
	if len(c.Advice) > 0 {
		advice(&b, c.Advice)
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
