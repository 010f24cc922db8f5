package cpuinfo

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWriteTextFitsTheWidth checks that a long note and the verdict are
// wrapped to TextWidth, under themselves, with no word lost.
func TestWriteTextFitsTheWidth(t *testing.T) {
	r, err := FromFile(filepath.Join("testdata", "knight.cpuinfo"))
	if err != nil {
		t.Fatal(err)
	}
	note := `model name (CPUID: "Oxide Virtual Turin-like Processor", /proc/cpuinfo: "AMD EPYC 9005 Series Processor with a long name")`
	r.Disagree = []string{note}
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if n := utf8.RuneCountInString(l); n > TextWidth {
			t.Errorf("line %q is %d columns, more than %d", l, n, TextWidth)
		}
	}
	i := strings.Index(out, "note: ")
	if i < 0 {
		t.Fatalf("no note in:\n%s", out)
	}
	lines := strings.Split(out[i:], "\n")
	if rest, ok := strings.CutPrefix(lines[1], strings.Repeat(" ", len("note: "))); !ok || strings.HasPrefix(rest, " ") {
		t.Errorf("the note's second line %q does not go on under the first's text", lines[1])
	}
	if got := strings.Join(strings.Fields(out[i:]), " "); !strings.HasPrefix(got, "note: "+note) {
		t.Errorf("the note lost or changed words: %q", got)
	}
}
