package report

import (
	"fmt"
	"io"
	"math"
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
// algorithm with the median in kB/s suffixed k. With more than one thread
// the figures are the aggregate of all threads, as openssl speed -multi
// reports, and a further table gives the mean per thread, as BoringSSL's
// bssl speed -threads reports. A second table gives each cell's 95%
// confidence interval of the median as ± percent (benchstat's), with a !
// after cells wider than the run's noisy threshold, and a third the spread
// of the samples, (max-min)/median.
func WriteSpeedTable(w io.Writer, r *bench.Results) error {
	rs, sizes := rows(r.Measurements)
	if len(rs) == 0 {
		_, err := fmt.Fprintln(w, "no measurements")
		return err
	}
	engines := engineCount(rs)
	width := len("type")
	threads := 1
	for _, x := range rs {
		width = max(width, len(x.label(engines)))
		for _, m := range x.bySize {
			threads = max(threads, m.Threads)
		}
	}
	var b strings.Builder
	header := func() {
		fmt.Fprintf(&b, "%-*s", width, "type")
		for _, s := range sizes {
			fmt.Fprintf(&b, " %13s", fmt.Sprintf("%d bytes", s))
		}
		b.WriteByte('\n')
	}
	table := func(cell func(m *bench.Measurement) string) {
		header()
		for _, x := range rs {
			fmt.Fprintf(&b, "%-*s", width, x.label(engines))
			for _, s := range sizes {
				c := "n/a"
				if m := x.bySize[s]; m != nil {
					c = cell(m)
				}
				fmt.Fprintf(&b, " %13s", c)
			}
			b.WriteByte('\n')
		}
	}
	what := fmt.Sprintf("median of %d samples of %s each", r.Count, seconds(r.SampleSeconds))
	if r.PrecisionPct > 0 {
		what = fmt.Sprintf("median of at least %d samples of %s each, sampled until within ±%g%% or %s per cell", r.Count, seconds(r.SampleSeconds), r.PrecisionPct, seconds(r.MaxSeconds))
	}
	if threads > 1 {
		what += fmt.Sprintf(", aggregate of %d threads (as openssl speed -multi)", threads)
	}
	fmt.Fprintf(&b, "The numbers are in 1000s of bytes per second processed (kB/s), %s.\n", what)
	table(func(m *bench.Measurement) string { return fmt.Sprintf("%.2fk", m.KBps) })
	if threads > 1 {
		fmt.Fprintf(&b, "\nPer thread, the mean of the threads' own kB/s (as bssl speed -threads):\n")
		table(func(m *bench.Measurement) string {
			if m.PerThreadKBps == 0 {
				return "n/a"
			}
			return fmt.Sprintf("%.2fk", m.PerThreadKBps)
		})
	}
	fmt.Fprintf(&b, "\n95%% confidence interval of the median, ± (as benchstat); ! marks noisy cells")
	if r.NoisyPct > 0 {
		fmt.Fprintf(&b, " (wider than ±%g%%)", r.NoisyPct)
	}
	b.WriteString(":\n")
	table(func(m *bench.Measurement) string {
		c := "±∞"
		if ci := bench.MedianCI(m.SamplesKBps); !math.IsInf(ci.Pct, 0) {
			c = fmt.Sprintf("±%.1f%%", ci.Pct)
		}
		if m.Noisy {
			c += "!"
		}
		return c
	})
	b.WriteString("\nSpread of the samples, (max-min)/median:\n")
	table(func(m *bench.Measurement) string {
		if m.KBps <= 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.1f%%", (m.MaxKBps-m.MinKBps)/m.KBps*100)
	})
	if r.ClockHz > 0 {
		fmt.Fprintf(&b, "\nCycles per byte on one thread, at a core clock of %.2f GHz estimated by a dependent ADD chain", r.ClockHz/1e9)
		if slices.ContainsFunc(r.Measurements, func(m bench.Measurement) bool { return m.BoundPct > 0 }) {
			fmt.Fprintf(&b, ";\n(n%%) for AES-CBC encryption, which is serial: the latency bound, rounds x %.2f-cycle AESENC per\n16-byte block, as a percentage of the cycles taken", r.AESENCCycles)
		}
		b.WriteString(":\n")
		table(func(m *bench.Measurement) string {
			if m.CyclesPerByte <= 0 {
				return "n/a"
			}
			c := fmt.Sprintf("%.2f", m.CyclesPerByte)
			if m.BoundPct > 0 {
				c += fmt.Sprintf(" (%.0f%%)", m.BoundPct)
			}
			return c
		})
	} else if len(r.Measurements) > 0 && r.Source == "" {
		b.WriteString("\nNo cycles per byte: the core clock was not estimated on this architecture.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// seconds writes a duration in seconds without trailing zeros.
func seconds(s float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", s), "0"), ".") + " s"
}
