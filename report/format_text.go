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
// The text form (fit) tidies the host table and fits it to an 80-column
// terminal (fitColumnsLayout), or in the rows layout shortens long
// labels to keep every table within TextWidth columns (fitRows), and
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
		hosts, note = fitColumnsLayout(hosts)
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

// textLayout lays t out as writeTextTable prints it: each column's
// header on one line (bottom; top "") or two, its width, and the
// table's. A header wider than its cells goes on two lines
// (headerLines); a long host label or ratio only when the table would
// not fit TextWidth otherwise.
func textLayout(t table) (top, bottom []string, width []int, total int) {
	cells := make([]int, len(t.header))
	for _, r := range t.rows {
		for i, cell := range r {
			cells[i] = max(cells[i], utf8.RuneCountInString(cell))
		}
	}
	lay := func(labels bool) {
		top, bottom, width = make([]string, len(t.header)), make([]string, len(t.header)), make([]int, len(t.header))
		total = 2 * (len(t.header) - 1)
		for i := range t.header {
			top[i], bottom[i] = headerLines(t, i, cells[i], labels)
			width[i] = max(cells[i], utf8.RuneCountInString(top[i]), utf8.RuneCountInString(bottom[i]))
			total += width[i]
		}
	}
	if lay(false); total > TextWidth {
		lay(true)
	}
	return top, bottom, width, total
}

func writeTextTable(b *strings.Builder, t table) {
	proseLine(b, t.title)
	top, bottom, width, _ := textLayout(t)
	split := slices.ContainsFunc(top, func(s string) bool { return s != "" })
	line := func(row []string) {
		var l strings.Builder
		for i, cell := range row {
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
