package report

import (
	"strings"

	"github.com/aesbench/aesbench/internal/textwrap"
)

// ProseWidth is the most columns the text form's prose takes (its
// tables' titles, notes and advice), as the probe's: an 80-column
// terminal does not break it in the middle of a word.
const ProseWidth = 79

// proseLine writes s and a newline, wrapped at ProseWidth: the tables'
// titles and legends, which an 80-column terminal would break inside
// words.
func proseLine(b *strings.Builder, s string) {
	b.WriteString(textwrap.Lines(textwrap.Prose(s), 0, ProseWidth, "") + "\n")
}
