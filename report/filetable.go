package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aesbench/aesbench/bench/result"
)

// WriteFileTable prints the whole-file workload: for each file, its path
// and size, then one row per algorithm and engine, with the median wall
// time in seconds and its range over the runs, and the throughput in
// kB/s (1000s of bytes of the input per second). It prints nothing when
// there are no file measurements.
func WriteFileTable(w io.Writer, r *result.Results) error {
	if len(r.Files) == 0 {
		return nil
	}
	var b strings.Builder
	m0 := r.Files[0]
	// --cold is one setting for every file, but a file that eviction
	// left in memory (a tmpfs) was measured warm, and is marked so.
	cold := slices.ContainsFunc(r.Files, func(m result.FileMeasurement) bool { return m.Cold })
	how := "warm page cache"
	if cold {
		how = "input evicted from the page cache"
	}
	if m0.Fsync {
		how += ", fsync counted"
	}
	proseLine(&b, fmt.Sprintf("Whole files: read, encrypt, write beside the input (%s); median of %d runs.", how, len(m0.SamplesSeconds)))
	// A table for each file under its path and size, their columns
	// lined up alike.
	header := []string{"algorithm", "engine", "seconds", "min-max", "kB/s", "verified"}
	cells := make([][]string, len(r.Files))
	width := make([]int, len(header))
	for i, h := range header {
		width[i] = len(h)
	}
	for i, m := range r.Files {
		verified := "no"
		if m.Verified {
			verified = "yes"
		}
		cells[i] = []string{m.Algo, string(m.Engine), fmt.Sprintf("%.3f", m.Seconds), fmt.Sprintf("%.3f-%.3f", m.MinSeconds, m.MaxSeconds), fmt.Sprintf("%.2fk", m.KBps), verified}
		for j, c := range cells[i] {
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
	}
	line := func(row []string) {
		for j, c := range row {
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if j == 0 {
				b.WriteString(c + pad) // the algorithm, as the speed table's type
				continue
			}
			b.WriteString("  " + pad + c)
		}
		b.WriteByte('\n')
	}
	var paths []string
	for _, m := range r.Files {
		if !slices.Contains(paths, m.Path) {
			paths = append(paths, m.Path)
		}
	}
	for k, p := range paths {
		if k > 0 {
			b.WriteByte('\n')
		}
		first := true
		for i, m := range r.Files {
			if m.Path != p {
				continue
			}
			if first {
				fmt.Fprintf(&b, "%s, %d bytes", m.Path, m.Bytes)
				if cold && !m.Cold {
					b.WriteString(" (warm: it stayed in memory after eviction)")
				}
				b.WriteString(":\n")
				line(header)
				first = false
			}
			line(cells[i])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
