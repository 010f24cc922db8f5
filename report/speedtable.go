package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/aesbench/aesbench/bench"
)

// row is one line of a speed table: the measurements of one engine,
// algorithm and direction, by size.
type row struct {
	engine, algo string
	dir          bench.Direction
	bySize       map[int]*bench.Measurement
}

// rows groups measurements into table rows, in the order first seen, and
// returns the sizes in ascending order.
func rows(ms []bench.Measurement) ([]*row, []int) {
	var out []*row
	var sizes []int
	for i := range ms {
		m := &ms[i]
		j := slices.IndexFunc(out, func(r *row) bool { return r.engine == m.Engine && r.algo == m.Algo && r.dir == m.Direction })
		if j < 0 {
			out = append(out, &row{engine: m.Engine, algo: m.Algo, dir: m.Direction, bySize: map[int]*bench.Measurement{}})
			j = len(out) - 1
		}
		out[j].bySize[m.Size] = m
		if !slices.Contains(sizes, m.Size) {
			sizes = append(sizes, m.Size)
		}
	}
	slices.Sort(sizes)
	return out, sizes
}

// label names a row: the algorithm, " decrypt" for decryption, and the
// engine in parentheses when the table holds more than one.
func (r *row) label(engines int) string {
	s := r.algo
	if r.dir == bench.Decrypt {
		s += " decrypt"
	}
	if engines > 1 {
		s += " (" + r.engine + ")"
	}
	return s
}

func engineCount(rs []*row) int {
	var seen []string
	for _, r := range rs {
		if !slices.Contains(seen, r.engine) {
			seen = append(seen, r.engine)
		}
	}
	return len(seen)
}

// WriteSpeedTable prints results as openssl speed does: a header naming
// the unit and the statistic, a type row of sizes, then one row per
// algorithm with the median in kB/s suffixed k. A second table gives each
// cell's spread, (max-min)/median, so that noise is visible.
func WriteSpeedTable(w io.Writer, r *bench.Results) error {
	rs, sizes := rows(r.Measurements)
	if len(rs) == 0 {
		_, err := fmt.Fprintln(w, "no measurements")
		return err
	}
	engines := engineCount(rs)
	width := len("type")
	for _, x := range rs {
		width = max(width, len(x.label(engines)))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "The numbers are in 1000s of bytes per second processed (kB/s), median of %d samples of %s each.\n",
		r.Count, seconds(r.SampleSeconds))
	header := func() {
		fmt.Fprintf(&b, "%-*s", width, "type")
		for _, s := range sizes {
			fmt.Fprintf(&b, " %13s", fmt.Sprintf("%d bytes", s))
		}
		b.WriteByte('\n')
	}
	header()
	for _, x := range rs {
		fmt.Fprintf(&b, "%-*s", width, x.label(engines))
		for _, s := range sizes {
			cell := "n/a"
			if m := x.bySize[s]; m != nil {
				cell = fmt.Sprintf("%.2fk", m.KBps)
			}
			fmt.Fprintf(&b, " %13s", cell)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "\nSpread of the samples, (max-min)/median:\n")
	header()
	for _, x := range rs {
		fmt.Fprintf(&b, "%-*s", width, x.label(engines))
		for _, s := range sizes {
			cell := "n/a"
			if m := x.bySize[s]; m != nil && m.KBps > 0 {
				cell = fmt.Sprintf("%.1f%%", (m.MaxKBps-m.MinKBps)/m.KBps*100)
			}
			fmt.Fprintf(&b, " %13s", cell)
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// seconds writes a duration in seconds without trailing zeros.
func seconds(s float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", s), "0"), ".") + " s"
}
