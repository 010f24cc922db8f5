package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aesbench/aesbench/bench/unit"
)

// table is a comparison laid out as cells, for the text and markdown
// formats; right marks the columns of figures.
type table struct {
	title  string
	header []string
	right  []bool
	rows   [][]string
	// breaks holds, for each column, the byte offset at which the text
	// form may put a header wider than its cells on two lines: 0 (or
	// no entry) to break it only before " (", as in "aes-256-cbc
	// (openssl)".
	breaks []int
}

// hostTable describes the hosts: the header above the comparison.
func (c *Comparison) hostTable() table {
	t := table{title: "Hosts:", header: []string{"host", "CPU", "AES-NI", "Go", "OpenSSL", "source"}}
	instance := slices.ContainsFunc(c.Hosts, func(h Host) bool { return h.Instance != "" })
	if instance {
		t.header = append(t.header, "instance")
	}
	t.right = make([]bool, len(t.header))
	for _, h := range c.Hosts {
		aes := h.AESNI
		if h.Masked {
			aes += " (masked)"
		}
		row := []string{h.Label, orUnknown(h.Model), aes, orUnknown(h.GoVersion), dash(h.OpenSSL), h.Source}
		if instance {
			row = append(row, dash(h.Instance))
		}
		t.rows = append(t.rows, row)
	}
	return t
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// throughputTable lays out the throughput rows: one column per host in
// kB/s, then the baseline's ratio to each other host. With one size the
// size is in the title; with several, in a column.
func (c *Comparison) throughputTable() table {
	t := table{title: "Throughput in kB/s (1000s of bytes per second), median of the samples"}
	if len(c.Sizes) == 1 {
		t.title += ", at " + strconv.Itoa(c.Sizes[0]) + "-byte messages"
	}
	t.title += c.ratioNote("kB/s") + ":"
	t.header = []string{"type"}
	if len(c.Sizes) > 1 {
		t.header = append(t.header, "size")
	}
	c.hostColumns(&t)
	for _, r := range c.Rows {
		row := []string{r.RowLabel()}
		if len(c.Sizes) > 1 {
			row = append(row, strconv.Itoa(r.Size))
		}
		t.rows = append(t.rows, hostCells(row, r.KBps, kbps, r.Ratios, r.RatioStats))
	}
	return t
}

// fileTable lays out the file workloads in seconds.
func (c *Comparison) fileTable() table {
	labels, size := c.FileLabels()
	t := table{title: "File encryption" + size + " in seconds, median wall time with the disk I/O" + c.ratioNote("seconds") + ":"}
	t.header = []string{"workload"}
	c.hostColumns(&t)
	for i, f := range c.Files {
		t.rows = append(t.rows, hostCells([]string{labels[i]}, f.Seconds, secs, f.Ratios, f.RatioStats))
	}
	return t
}

// FileLabels names c's file workloads for a table or chart, and gives the size
// its title states (fileSize): without the size when the title gives
// it, else with it, in bytes exactly when two files of different sizes
// would read alike ("80.0 MB" for 79999996 and 80000000 bytes).
func (c *Comparison) FileLabels() (labels []string, size string) {
	size = c.fileSize()
	labels = make([]string, len(c.Files))
	for i, f := range c.Files {
		if size != "" {
			labels[i] = f.label("")
		} else {
			labels[i] = f.RowLabel()
		}
	}
	for i, f := range c.Files {
		for j, g := range c.Files {
			if labels[j] == labels[i] && g.Bytes != f.Bytes {
				labels[i] = f.label(strconv.FormatInt(f.Bytes, 10) + " bytes")
				labels[j] = g.label(strconv.FormatInt(g.Bytes, 10) + " bytes")
			}
		}
	}
	return labels, size
}

// fileSize is " of 80.0 MB" when every file workload encrypted files of
// one size, for the file table's title, which then leaves it out of
// every row; "" when their sizes differ.
func (c *Comparison) fileSize() string {
	if len(c.Files) == 0 || slices.ContainsFunc(c.Files, func(f FileRow) bool { return f.Bytes != c.Files[0].Bytes }) {
		return ""
	}
	return " of " + unit.FormatBytes(c.Files[0].Bytes)
}

// ratioNote explains the ratio columns, when there are any.
func (c *Comparison) ratioNote(unit string) string {
	if len(c.Hosts) < 2 {
		return ""
	}
	b := c.Hosts[0].Label
	sure := ", [low-high] its 95% interval, ~ no significant difference (p >= 0.05; ~ (rerun): no more than a rerun moves a median"
	if unit != "seconds" && c.anyWithinDrift() { // files are not held against the drift
		sure += "; ~ (drift): no more than the host itself moved between the runs"
	}
	sure += ")"
	if unit == "seconds" {
		return fmt.Sprintf("; %s/X = how many times faster %s is (X's seconds over %s's)%s", b, b, b, sure)
	}
	return fmt.Sprintf("; %s/X = how many times faster %s is (%s's kB/s over X's)%s", b, b, b, sure)
}

func kbps(k float64) string {
	if k <= 0 {
		return "n/a"
	}
	return strconv.FormatFloat(k, 'f', 2, 64) + "k"
}

func secs(s float64) string {
	if s <= 0 {
		return "n/a"
	}
	return strconv.FormatFloat(s, 'f', 3, 64)
}

// hostCells appends to row a cell per host, each value written by cell,
// and then a ratio cell per other host with its uncertainty (formatRatio):
// the cells under hostColumns.
func hostCells(row []string, vals []float64, cell func(float64) string, ratios []float64, st []RatioStat) []string {
	for _, v := range vals {
		row = append(row, cell(v))
	}
	for i, x := range ratios {
		row = append(row, formatRatio(x, st[i]))
	}
	return row
}

// hostColumns appends a column per host and a ratio column per other host
// to t's header, all right-aligned after the first.
func (c *Comparison) hostColumns(t *table) {
	t.breaks = make([]int, len(t.header), len(t.header)+2*len(c.Hosts))
	for _, h := range c.Hosts {
		t.header = append(t.header, h.Label)
		t.breaks = append(t.breaks, labelBreak(h.Label))
	}
	for i := range c.Hosts[1:] {
		t.header = append(t.header, c.RatioHeader(i))
		t.breaks = append(t.breaks, len(c.Hosts[0].Label)+1) // after the "/"
	}
	t.right = make([]bool, len(t.header))
	for i := 1; i < len(t.right); i++ {
		t.right[i] = true
	}
}

// anyWithinDrift reports whether a throughput ratio is "~ (drift)".
func (c *Comparison) anyWithinDrift() bool {
	for _, r := range c.Rows {
		for _, st := range r.RatioStats {
			if st.WithinDrift {
				return true
			}
		}
	}
	return false
}

// labelBreak is where a host label heading a column of figures may go
// onto two lines: after the '-', '.', '_' or '/' that leaves the longer
// line shortest ("ip-172-31-22-" over "123-noaesni"), the later of two
// such ("epyc-turin-" over "2vcpu"), 0 for none.
func labelBreak(label string) int {
	n := utf8.RuneCountInString(label)
	best, longest := 0, n
	for i, r := range label {
		if i == 0 || !strings.ContainsRune("-._/", r) {
			continue
		}
		top := utf8.RuneCountInString(label[:i+1])
		if l := max(top, n-top); l <= longest && top < n {
			best, longest = i+1, l
		}
	}
	return best
}
