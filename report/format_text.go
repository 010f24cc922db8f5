package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aesbench/aesbench/internal/textwrap"
)

// WriteCompareText prints the comparison as aligned plain-text tables:
// the hosts, the throughput, the file workloads when there are any, and
// the advice.
func WriteCompareText(w io.Writer, c *Comparison) error {
	return writeCompare(w, c, true, writeTextTable, func(b *strings.Builder, advice []string) {
		b.WriteString("\nAdvice:\n")
		for _, a := range advice {
			fmt.Fprintf(b, "  %s\n", textwrap.Lines(textwrap.Prose(a), 0, ProseWidth-2, "    "))
		}
	})
}

// writeCompare prints c's tables with table, one blank line apart (the
// file workloads only when there are any), then its advice, if any, with
// advice: the one layout of the text and markdown forms.
//
// The text form (fit) tidies the host table (tidyHosts), and in the rows
// layout it shortens long labels to keep within TextWidth columns, and
// says so.
func writeCompare(w io.Writer, c *Comparison, fit bool, table func(*strings.Builder, table), advice func(*strings.Builder, []string)) error {
	var b strings.Builder
	hosts, tables := c.hostTable(), c.throughputTables()
	if len(c.Files) > 0 {
		tables = append(tables, c.fileTables())
	}
	note := ""
	switch {
	case fit && c.Layout == LayoutRows:
		hosts, tables, note = fitRows(hosts, tables)
	case fit:
		var same []string
		if hosts, same = tidyHosts(cloneTable(hosts)); len(same) > 0 {
			note = "(every host: " + strings.Join(same, ", ") + ")"
		}
	}
	table(&b, hosts)
	if note != "" {
		b.WriteString(note + "\n")
	}
	if c.Layout == LayoutRows || c.baselineMoved {
		if l := c.baselineLine(); l != "" {
			if fit {
				l = textwrap.Lines(textwrap.Prose(l), 0, ProseWidth, "  ")
			}
			b.WriteString("\n" + l + "\n")
		}
	}
	for _, t := range tables {
		b.WriteByte('\n')
		table(&b, t)
	}
	if len(c.Advice) > 0 {
		advice(&b, c.Advice)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeTextTable(b *strings.Builder, t table) {
	proseLine(b, t.title)
	width := make([]int, len(t.header))
	for _, r := range t.rows {
		for i, cell := range r {
			width[i] = max(width[i], utf8.RuneCountInString(cell))
		}
	}
	// A header wider than its cells, such as "aes-256-cbc (openssl)" over
	// figures, goes on two lines, broken before its parenthesis.
	top, bottom := make([]string, len(t.header)), slices.Clone(t.header)
	split := false
	for i, h := range t.header {
		if first, rest, ok := strings.Cut(h, " ("); ok && utf8.RuneCountInString(h) > width[i] {
			top[i], bottom[i], split = first, "("+rest, true
		}
		width[i] = max(width[i], utf8.RuneCountInString(top[i]), utf8.RuneCountInString(bottom[i]))
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
	if split {
		line(top)
	}
	line(bottom)
	for _, r := range t.rows {
		line(r)
	}
}
