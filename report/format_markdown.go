package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteCompareMarkdown prints the comparison as GitHub-flavoured markdown
// tables, the form report.md embeds.
func WriteCompareMarkdown(w io.Writer, c *Comparison) error {
	return writeCompare(w, c, false, writeMarkdownTable, func(b *strings.Builder, advice []string) {
		b.WriteString("\nAdvice:\n\n")
		for _, a := range advice {
			fmt.Fprintf(b, "- %s\n", mdEscape(a))
		}
	})
}

func writeMarkdownTable(b *strings.Builder, t table) {
	if t.title != "" {
		b.WriteString(mdEscape(t.title) + "\n\n")
	}
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + mdEscape(c) + " |")
		}
		b.WriteByte('\n')
	}
	row(t.header)
	b.WriteString("|")
	for i := range t.header {
		if t.right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteByte('\n')
	for _, r := range t.rows {
		row(r)
	}
}

// mdEscape keeps a cell's text from being read as markdown.
var mdEscape = strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;").Replace
