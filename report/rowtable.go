package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aesbench/aesbench/internal/textwrap"
)

// TextWidth is the most columns the text form's tables take, an
// 80-column terminal's: in the rows layout long labels are shortened in
// the middle to keep within it; in the columns layout the host table's
// CPU models are shortened and long headers go on two lines (a table of
// many engines and algorithms can still be wider).
const TextWidth = 80

// baselineLine names the baseline and how it was chosen, as the rows
// layout (and the columns layout, when the rule passed over the first
// host) print it above the figures.
func (c *Comparison) baselineLine() string {
	if len(c.Hosts) < 2 {
		return ""
	}
	how := c.BaselineWhy
	if how == "" {
		how = "the first host"
	}
	if how != "chosen with --baseline" {
		how += "; --baseline to choose"
	}
	return fmt.Sprintf("baseline: %s (%s)", c.Hosts[0].Label, how)
}

// throughputTables lays out the throughput in c's layout: one table
// (hosts as columns), or a table per size with hosts as rows.
func (c *Comparison) throughputTables() []table {
	if c.Layout != LayoutRows {
		return []table{c.throughputTable()}
	}
	var ts []table
	for _, size := range c.Sizes {
		var rows []CompRow
		for _, r := range c.Rows {
			if r.Size == size {
				rows = append(rows, r)
			}
		}
		if len(rows) == 0 {
			continue
		}
		t := table{title: fmt.Sprintf("Throughput in kB/s (1000s of bytes per second), median of the samples, at %d-byte messages", size)}
		if len(c.Hosts) > 1 {
			t.title += "; k = thousand, M = million kB/s; after each figure, how many times faster the baseline is (its kB/s over the host's), ~ no significant difference (p >= 0.05, or no more than a rerun moves a median):"
		} else {
			t.title += "; k = thousand, M = million kB/s:"
		}
		t.header = []string{"host"}
		for _, r := range rows {
			t.header = append(t.header, r.RowLabel())
		}
		for h := range c.Hosts {
			row := []string{c.Hosts[h].Label}
			for _, r := range rows {
				row = append(row, rowCell(compactKBps(r.KBps[h]), h, r.KBps[h] > 0, r.Ratios, r.RatioStats))
			}
			t.rows = append(t.rows, row)
		}
		t.right = rightAfterFirst(len(t.header))
		ts = append(ts, t)
	}
	return ts
}

// fileTables lays out the file workloads in c's layout.
func (c *Comparison) fileTables() table {
	if c.Layout != LayoutRows {
		return c.fileTable()
	}
	labels, size := c.FileLabels()
	t := table{title: "File encryption" + size + " in seconds, median wall time with the disk I/O"}
	if len(c.Hosts) > 1 {
		t.title += "; after each figure, how many times faster the baseline is (the host's seconds over its), ~ no significant difference:"
	} else {
		t.title += ":"
	}
	t.header = []string{"host"}
	t.header = append(t.header, labels...)
	for h := range c.Hosts {
		row := []string{c.Hosts[h].Label}
		for _, f := range c.Files {
			s := "n/a"
			if f.Seconds[h] > 0 {
				s = strconv.FormatFloat(f.Seconds[h], 'f', 2, 64)
			}
			row = append(row, rowCell(s, h, f.Seconds[h] > 0, f.Ratios, f.RatioStats))
		}
		t.rows = append(t.rows, row)
	}
	t.right = rightAfterFirst(len(t.header))
	return t
}

// rowCell is host h's cell of the rows layout: the figure, then the
// baseline's ratio to it ("base" on the baseline's own row).
func rowCell(fig string, h int, measured bool, ratios []float64, st []RatioStat) string {
	if !measured {
		return "n/a"
	}
	if h == 0 {
		if len(ratios) == 0 {
			return fig
		}
		return fig + " base"
	}
	return fig + " " + compactRatio(ratios[h-1], st[h-1])
}

func rightAfterFirst(n int) []bool {
	r := make([]bool, n)
	for i := 1; i < n; i++ {
		r[i] = true
	}
	return r
}

// compactKBps writes kB/s in three figures: 38.1k is 38,100 kB/s, 2.03M
// 2,030,000 kB/s.
func compactKBps(k float64) string {
	if k <= 0 {
		return "n/a"
	}
	for _, u := range []struct {
		div float64
		suf string
	}{{1, ""}, {1e3, "k"}, {1e6, "M"}, {1e9, "G"}} {
		if s := threeFigures(k / u.div); s != "" {
			return s + u.suf
		}
	}
	return strconv.FormatFloat(k/1e12, 'f', 0, 64) + "T"
}

// threeFigures writes x (0 < x) in three significant figures when it
// stays under 1000 so written, "" otherwise.
func threeFigures(x float64) string {
	decimals := 0
	switch {
	case x < 10:
		decimals = 2
	case x < 100:
		decimals = 1
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if v, _ := strconv.ParseFloat(s, 64); v >= 1000 {
		return ""
	}
	if v, _ := strconv.ParseFloat(s, 64); v >= 100 && decimals == 1 || v >= 10 && decimals == 2 {
		return threeFigures(v) // 9.999 rounds to 10.00: one decimal fewer
	}
	return s
}

// compactRatio writes a ratio for the rows layout: "19.4x" when
// significant, "~" when not, "1.02x?" when no test was possible, "n/a"
// when there is no ratio.
func compactRatio(x float64, s RatioStat) string {
	switch {
	case x <= 0 || math.IsInf(x, 0) || math.IsNaN(x):
		return "n/a"
	case s.Test == "none":
		return compactFigure(x) + "x?"
	case !s.Significant:
		return "~"
	}
	return compactFigure(x) + "x"
}

// compactFigure is x to three figures, or whole from 1000 on.
func compactFigure(x float64) string {
	if t := threeFigures(x); t != "" {
		return t
	}
	return strconv.FormatFloat(x, 'f', 0, 64)
}

// tableWidth is how many columns writeTextTable takes for t.
func tableWidth(t table) int {
	w := 2 * (len(t.header) - 1)
	for i := range t.header {
		w += colWidth(t, i)
	}
	return w
}

// colWidth is column i's width as writeTextTable lays it out: its widest
// cell, or its header, on two lines when writeTextTable breaks it.
func colWidth(t table, i int) int {
	w := 0
	for _, r := range t.rows {
		w = max(w, utf8.RuneCountInString(r[i]))
	}
	top, bottom := headerLines(t, i, w, false)
	return max(w, utf8.RuneCountInString(top), utf8.RuneCountInString(bottom))
}

// headerLines is column i's header as writeTextTable prints it over
// cells as wide as cells: on one line (bottom; top ""), or, when it is
// wider than they are, on two, broken before " (" ("aes-256-cbc" over
// "(openssl)") or, with labels, where t.breaks says (a long host label,
// a ratio after its "/").
func headerLines(t table, i, cells int, labels bool) (top, bottom string) {
	h := t.header[i]
	if utf8.RuneCountInString(h) <= cells {
		return "", h
	}
	if first, rest, ok := strings.Cut(h, " ("); ok {
		return first, "(" + rest
	}
	if labels && i < len(t.breaks) && t.breaks[i] > 0 && t.breaks[i] < len(h) {
		return h[:t.breaks[i]], h[t.breaks[i]:]
	}
	return "", h
}

// distinctWidth is the least width from n on at which hosts' labels,
// shortened in the middle, stay told apart: "cluster-alp…t-1-az-a-01"
// must not stand for two hosts.
func distinctWidth(hosts table, n int) int {
	for ; ; n++ {
		seen := map[string]bool{}
		clash, longest := false, 0
		for _, r := range hosts.rows {
			s := middleEllipsis(r[0], n)
			clash = clash || seen[s]
			seen[s] = true
			longest = max(longest, utf8.RuneCountInString(r[0]))
		}
		if !clash || n >= longest {
			return n
		}
	}
}

// middleEllipsis shortens s to n runes by putting "…" for its middle.
func middleEllipsis(s string, n int) string {
	r := []rune(s)
	if len(r) <= n || n < 3 {
		return s
	}
	head := (n - 1) / 2
	tail := n - 1 - head
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// shortenColumn shortens column i's cells (not its header) to n runes:
// a CPU model with shortCPU, anything else in the middle.
func shortenColumn(t *table, i, n int) {
	if t.header[i] == "CPU" {
		shortCPU(t, i, n)
		return
	}
	for _, r := range t.rows {
		r[i] = middleEllipsis(r[i], n)
	}
}

// shortCPU shortens the CPU models of column i to n runes keeping what
// tells CPUs apart, their maker, family and model number, which come
// first: it drops every row's clock speed ("@ 2.40GHz", which the model
// number implies), then cuts the end of those still too long ("…").
func shortCPU(t *table, i, n int) {
	if !slices.ContainsFunc(t.rows, func(r []string) bool { return utf8.RuneCountInString(r[i]) > n }) {
		return
	}
	for _, r := range t.rows {
		r[i], _, _ = strings.Cut(r[i], " @ ")
		if rs := []rune(r[i]); len(rs) > n && n > 1 {
			r[i] = string(rs[:n-1]) + "…"
		}
	}
}

// fitColumns shortens the cells of t's columns cols, the widest first,
// down to least runes, until t is within width; it reports whether it
// shortened any.
func fitColumns(t *table, width int, cols []int, least int) bool {
	shortened := false
	for tableWidth(*t) > width {
		widest, ww := -1, least
		for _, i := range cols {
			if w := colWidth(*t, i); w > ww && w > utf8.RuneCountInString(t.header[i]) {
				widest, ww = i, w
			}
		}
		if widest < 0 {
			break
		}
		shortenColumn(t, widest, ww-1)
		shortened = true
	}
	return shortened
}

// cloneTable copies t's rows so that shortening them leaves t alone.
func cloneTable(t table) table {
	t.rows = slices.Clone(t.rows)
	for i, r := range t.rows {
		t.rows[i] = slices.Clone(r)
	}
	return t
}

// fitRows fits the rows layout's tables to TextWidth for the text form:
// the host labels shortened alike in every table (middle ellipsis), then
// the host table's CPU and OpenSSL columns. It returns the tables and the
// note that says so, "" when nothing was shortened.
func fitRows(hosts table, tables []table) (table, []table, string) {
	return fitText(hosts, tables, TextWidth, true)
}

// fitColumnsLayout fits the columns layout's host table to TextWidth
// for the text form, its CPU models shortened (shortCPU); the host
// labels, which head the other tables' columns, stay whole, and when
// they alone are too wide nothing is shortened. It returns the table and
// the note that says what it did.
func fitColumnsLayout(hosts table) (table, string) {
	fitted, _, note := fitText(hosts, nil, TextWidth, false)
	if tableWidth(fitted) <= TextWidth {
		return fitted, note
	}
	// The labels alone are too wide (--layout columns asked for them):
	// shortening the CPU models would lose them for nothing.
	fitted, _, note = fitText(hosts, nil, math.MaxInt, false)
	return fitted, note
}

// fitText fits the text form's tables to width: tidyHosts, then, with
// labels, the host labels shortened alike in every table, then the host
// table's CPU and OpenSSL columns; and writes the note that says what it
// did.
func fitText(hosts table, tables []table, width int, labels bool) (table, []table, string) {
	hosts = cloneTable(hosts)
	for i := range tables {
		tables[i] = cloneTable(tables[i])
	}
	const leastLabel = 12
	hosts, same := tidyHosts(hosts)
	var cols []int
	for i, h := range hosts.header {
		if h == "CPU" || h == "OpenSSL" {
			cols = append(cols, i)
		}
	}
	label := 0
	for _, h := range hosts.rows {
		label = max(label, utf8.RuneCountInString(h[0]))
	}
	scratch := cloneTable(hosts)
	fitColumns(&scratch, width, cols, 20)
	for _, t := range append([]table{scratch}, tables...) {
		if over := tableWidth(t) - width; labels && over > 0 {
			label = min(label, max(leastLabel, colWidth(t, 0)-over))
		}
	}
	label = distinctWidth(hosts, label)
	shortened := false
	for _, t := range append([]table{hosts}, tables...) {
		for _, r := range t.rows {
			if utf8.RuneCountInString(r[0]) > label {
				r[0] = middleEllipsis(r[0], label)
				shortened = true
			}
		}
	}
	cpu := fitColumns(&hosts, width, cols, 20)
	var note []string
	if len(same) > 0 {
		note = append(note, "every host: "+strings.Join(same, ", "))
	}
	var cut []string
	if shortened {
		cut = append(cut, fmt.Sprintf("host labels over %d characters shortened in the middle (…)", label))
	}
	if cpu {
		what := "CPU models without their clock"
		if i := slices.Index(hosts.header, "CPU"); slices.ContainsFunc(hosts.rows, func(r []string) bool { return strings.Contains(r[i], "…") }) {
			what += " and cut at the end (…)"
		}
		cut = append(cut, what)
	}
	if len(cut) > 0 {
		note = append(note, fmt.Sprintf("%s to fit %d columns; --format csv or json gives them in full", strings.Join(cut, " and "), width))
	}
	if len(note) == 0 {
		return hosts, tables, ""
	}
	return hosts, tables, textwrap.Lines(textwrap.Prose("("+strings.Join(note, "; ")+")"), 0, ProseWidth, "")
}

// tidyHosts is the host table as the text form prints it, in either
// layout: without the Go and source columns when every host has the same
// (returned, for a note), CPU models without their trademarks, and
// OpenSSL as its name and version, "OpenSSL 3.0.19" without the release
// date (--format csv and json keep them all). It changes hosts' rows.
func tidyHosts(hosts table) (table, []string) {
	hosts, same := dropSame(hosts, "Go", "source")
	for i, h := range hosts.header {
		for _, r := range hosts.rows {
			switch h {
			case "CPU":
				r[i] = strings.Join(strings.Fields(cpuNoise.Replace(r[i])), " ")
			case "OpenSSL":
				if f := strings.Fields(r[i]); len(f) > 2 {
					r[i] = f[0] + " " + f[1]
				}
			}
		}
	}
	return hosts, same
}

// cpuNoise is what a CPU model can lose in a narrow table.
// Intel's brand strings put a 0 where a model has no version
// ("E5-2665 0 @ 2.40GHz").
var cpuNoise = strings.NewReplacer("(R)", "", "(TM)", "", "(tm)", "", " CPU ", " ", " Processor", "", " 0 @ ", " @ ")

// dropSame removes t's columns named names whose cells are all the same
// (with two rows or more), returning the cells they held.
func dropSame(t table, names ...string) (table, []string) {
	var same []string
	if len(t.rows) < 2 {
		return t, nil
	}
	for _, name := range names {
		i := slices.Index(t.header, name)
		if i < 0 || slices.ContainsFunc(t.rows, func(r []string) bool { return r[i] != t.rows[0][i] }) {
			continue
		}
		same = append(same, t.rows[0][i])
		t.header = slices.Delete(slices.Clone(t.header), i, i+1)
		t.right = slices.Delete(slices.Clone(t.right), i, i+1)
		for j, r := range t.rows {
			t.rows[j] = slices.Delete(r, i, i+1)
		}
	}
	return t, same
}
