package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aesbench/aesbench/bench/result"
)

// fleet reads testdata/fleet: twenty hosts scaled from the three
// fixtures, most with long labels; the first (by name) without AES.
func fleet(t *testing.T) []*result.Results {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "fleet", "*.json"))
	if err != nil || len(paths) != 20 {
		t.Fatalf("fleet: %d files, %v", len(paths), err)
	}
	var rs []*result.Results
	for _, p := range paths {
		r, err := result.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	return rs
}

func TestFleetGolden(t *testing.T) {
	tests := []struct {
		name string
		opts CompareOptions
	}{
		{"fleet", CompareOptions{Sizes: []int{256}}},
		{"fleet-all", CompareOptions{}},
		{"fleet-baseline", CompareOptions{Sizes: []int{256}, Baseline: "h04"}},
	}
	for _, tt := range tests {
		c, err := Compare(fleet(t), tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if c.Layout != LayoutRows {
			t.Errorf("%s: layout %q, want rows for 20 hosts", tt.name, c.Layout)
		}
		var b bytes.Buffer
		if err := WriteCompareText(&b, c); err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(b.String(), "\n") {
			if n := utf8.RuneCountInString(l); n > TextWidth {
				t.Errorf("%s: line %d is %d columns, over %d: %q", tt.name, i+1, n, TextWidth, l)
			}
		}
		golden(t, tt.name+".txt", b.Bytes())
		b.Reset()
		if err := WriteCompareMarkdown(&b, c); err != nil {
			t.Fatal(err)
		}
		golden(t, tt.name+".md", b.Bytes())
	}
}

// TestFleetBaseline checks the baseline rule: the first host without
// AES is passed over for the first with hardware AES, and the output
// says so.
func TestFleetBaseline(t *testing.T) {
	rs := fleet(t)
	if hardwareAES(rs[0]) {
		t.Fatal("fleet's first host has hardware AES: the test needs one without")
	}
	c, err := Compare(rs, CompareOptions{Sizes: []int{256}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Hosts[0].Label != rs[1].Label || !c.Hosts[0].HardwareAES {
		t.Errorf("baseline %s, want %s, the first with hardware AES", c.Hosts[0].Label, rs[1].Label)
	}
	var b bytes.Buffer
	if err := WriteCompareText(&b, c); err != nil {
		t.Fatal(err)
	}
	if want := "(the first host with hardware AES; --baseline to choose)"; !strings.Contains(strings.Join(strings.Fields(b.String()), " "), want) {
		t.Errorf("text output does not say %q", want)
	}
	// No host with hardware AES: the first, with a warning.
	c, err = Compare([]*result.Results{rs[0], rs[3]}, CompareOptions{Sizes: []int{256}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Hosts[0].Label != rs[0].Label || !strings.Contains(strings.Join(c.Warnings, "\n"), "no host's Go used hardware AES") {
		t.Errorf("without hardware AES: baseline %s, warnings %q", c.Hosts[0].Label, c.Warnings)
	}
	// Imports of openssl speed say nothing of the host's AES, or of Go.
	for _, r := range rs[:2] {
		r.Probe = nil
	}
	c, err = Compare(rs[:2], CompareOptions{Sizes: []int{256}})
	if err != nil {
		t.Fatal(err)
	}
	if w := strings.Join(c.Warnings, "\n"); c.Hosts[0].Label != rs[0].Label || !strings.Contains(w, "no host says whether it has hardware AES (imported figures): the baseline is the first host") || strings.Contains(w, "Go used") {
		t.Errorf("imports: baseline %s, warnings %q", c.Hosts[0].Label, c.Warnings)
	}
}

// TestFleetWarningsGrouped checks that many hosts' warnings come one line
// per kind.
func TestFleetWarningsGrouped(t *testing.T) {
	c, err := Compare(fleet(t), CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) > 6 {
		t.Errorf("%d warnings for 20 hosts, want one per kind:\n%s", len(c.Warnings), strings.Join(c.Warnings, "\n"))
	}
}

func TestCompactKBps(t *testing.T) {
	for k, want := range map[float64]string{
		0: "n/a", 512: "512", 9.996: "10.0", 38100: "38.1k", 905000: "905k", 999999: "1.00M", 2030000: "2.03M", 99.96: "100",
	} {
		if got := compactKBps(k); got != want {
			t.Errorf("compactKBps(%g) = %q, want %q", k, got, want)
		}
	}
}

func TestMiddleEllipsis(t *testing.T) {
	if got := middleEllipsis("m5.large-us-east-1a-a-rather-long-instance-label-07", 20); got != "m5.large-…e-label-07" || utf8.RuneCountInString(got) != 20 {
		t.Errorf("got %q", got)
	}
	if got := middleEllipsis("short", 20); got != "short" {
		t.Errorf("got %q", got)
	}
}

// TestFleetDocument pins report.md for many hosts: tables as rows, the
// baseline named, the differences after the figures.
func TestFleetDocument(t *testing.T) {
	s := document(t, fleet(t))
	fig, diff := strings.Index(s, "## Throughput at 256-byte"), strings.Index(s, "Differences between the runs")
	if fig < 0 || diff < fig {
		t.Errorf("differences (at %d) should follow the figures (at %d)", diff, fig)
	}
	golden(t, "fleet-report.md", []byte(s))
}

// TestTextHeaderBreaks: a header wider than its cells goes on two lines,
// broken before its parenthesis, and the table is no wider than that.
func TestTextHeaderBreaks(t *testing.T) {
	var b strings.Builder
	tb := table{title: "t:", header: []string{"host", "aes-256-cbc (openssl)", "3des-cbc"}, right: []bool{false, true, true},
		rows: [][]string{{"a", "80.1k", "1.00x"}}}
	writeTextTable(&b, tb)
	want := "t:\n      aes-256-cbc\nhost    (openssl)  3des-cbc\na           80.1k     1.00x\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if w := tableWidth(tb); w != len("host    (openssl)  3des-cbc") {
		t.Errorf("tableWidth = %d, want the printed width %d", w, len("host    (openssl)  3des-cbc"))
	}
}

// TestSomeOf: a warning names four hosts at most, then counts the rest.
func TestSomeOf(t *testing.T) {
	for _, tt := range []struct {
		hosts []string
		want  string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b", "c", "d"}, "a, b, c, d"},
		{[]string{"a", "b", "c", "d", "e"}, "a, b, c, d and 1 more"},
		{[]string{"a", "b", "c", "d", "e", "f", "g"}, "a, b, c, d and 3 more"},
	} {
		if got := someOf(tt.hosts); got != tt.want {
			t.Errorf("someOf(%q) = %q, want %q", tt.hosts, got, tt.want)
		}
	}
}
