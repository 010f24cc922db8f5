package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
)

// row is one line of a speed table: the measurements of one engine,
// algorithm, direction and thread count, by size.
type row struct {
	engine  result.Engine
	algo    string
	dir     result.Direction
	threads int
	bySize  map[int]*result.Measurement
}

// rows groups measurements into table rows, in the order first seen, and
// returns the sizes in ascending order.
func rows(ms []result.Measurement) ([]*row, []int) {
	var out []*row
	var sizes []int
	for i := range ms {
		m := &ms[i]
		threads := max(m.Threads, 1)
		j := slices.IndexFunc(out, func(r *row) bool {
			return r.engine == m.Engine && r.algo == m.Algo && r.dir == m.Direction && r.threads == threads
		})
		if j < 0 {
			out = append(out, &row{engine: m.Engine, algo: m.Algo, dir: m.Direction, threads: threads, bySize: map[int]*result.Measurement{}})
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

// label names a row: the algorithm, " decrypt" for decryption, the
// engine in parentheses when the table holds more than one, and the
// threads when it holds more than one count of them.
func (r *row) label(engines, threadCounts int) string {
	s := r.algo
	if r.dir == result.Decrypt {
		s += " decrypt"
	}
	if engines > 1 {
		s += " (" + string(r.engine) + ")"
	}
	if threadCounts > 1 {
		s += fmt.Sprintf(", %d thread", r.threads)
		if r.threads > 1 {
			s += "s"
		}
	}
	return s
}

// count returns how many different values key takes over rs.
func count[K comparable](rs []*row, key func(*row) K) int {
	seen := map[K]bool{}
	for _, r := range rs {
		seen[key(r)] = true
	}
	return len(seen)
}

// WriteSpeedTable prints results as openssl speed does: a header naming
// the unit and the statistic, a type row of sizes, then one row per
// algorithm with the median in kB/s suffixed k. With more than one thread
// the figures are the aggregate of all threads, as openssl speed -multi
// reports, and a further table gives the mean per thread, as BoringSSL's
// bssl speed -threads reports. A second table gives each cell's 95%
// rerun interval as ± percent (against Results.Hosts), with a !
// after cells wider than the run's noisy threshold, and a third the spread
// of the samples, (max-min)/median.
func WriteSpeedTable(w io.Writer, r *result.Results) error { return WriteSpeedTableWithin(w, r, 0) }

// WriteSpeedTableWithin is WriteSpeedTable for a terminal of width
// columns: each table wider than that goes in blocks of its sizes, one
// under another, each as wide as the terminal takes (16 to 256 bytes,
// then 1024 to 16384 bytes), where openssl speed's one table would wrap
// every line. Width 0 is no limit, the one table.
func WriteSpeedTableWithin(w io.Writer, r *result.Results, limit int) error {
	rs, sizes := rows(r.Measurements)
	if len(rs) == 0 {
		_, err := fmt.Fprintln(w, "no measurements")
		return err
	}
	engines := count(rs, func(r *row) result.Engine { return r.engine })
	threadCounts := count(rs, func(r *row) int { return r.threads })
	width := len("type")
	threads := 1
	for _, x := range rs {
		width = max(width, len(x.label(engines, threadCounts)))
		threads = max(threads, x.threads)
	}
	var b strings.Builder
	blocks := sizeBlocks(sizes, width, limit)
	// table prints a row per row of rs that keep (all when nil), with the
	// cell text of each size, a block of sizes at a time.
	table := func(keep func(*row) bool, cell func(m *result.Measurement) string) {
		for i, block := range blocks {
			if i > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "%-*s", width, "type")
			for _, s := range block {
				fmt.Fprintf(&b, " %13s", fmt.Sprintf("%d bytes", s))
			}
			b.WriteByte('\n')
			for _, x := range rs {
				if keep != nil && !keep(x) {
					continue
				}
				fmt.Fprintf(&b, "%-*s", width, x.label(engines, threadCounts))
				for _, s := range block {
					c := "n/a"
					if m := x.bySize[s]; m != nil {
						c = cell(m)
					}
					fmt.Fprintf(&b, " %13s", c)
				}
				b.WriteByte('\n')
			}
		}
	}
	what := samplesWhat(r, rs)
	switch {
	case threadCounts > 1:
		what += "; on more than one thread, the aggregate of all threads (as openssl speed -multi)"
	case threads > 1:
		what += fmt.Sprintf(", aggregate of %d threads (as openssl speed -multi)", threads)
	}
	multi := func(x *row) bool { return x.threads > 1 }
	proseLine(&b, fmt.Sprintf("The numbers are in 1000s of bytes per second processed (kB/s), %s.", what))
	table(nil, func(m *result.Measurement) string { return fmt.Sprintf("%.2fk", m.KBps) })
	if threads > 1 {
		b.WriteByte('\n')
		proseLine(&b, "Per thread, the mean of the threads' own kB/s (as bssl speed -threads):")
		table(multi, func(m *result.Measurement) string {
			if m.PerThreadKBps == 0 {
				return "n/a"
			}
			return fmt.Sprintf("%.2fk", m.PerThreadKBps)
		})
	}
	legend := "95% rerun interval, ± (+high/-low where wide): where a rerun's median falls 95% of the time; ! marks noisy cells"
	if r.NoisyPct > 0 {
		legend += fmt.Sprintf(" (wider than ±%g%%)", r.NoisyPct)
	}
	b.WriteByte('\n')
	proseLine(&b, legend+":")
	hosts := r.Hosts()
	table(nil, func(m *result.Measurement) string {
		ci := hosts[m.Engine].RerunInterval(m.SamplesKBps, 0)
		c := ci.Width()
		if stats.Noisy(ci, r.NoisyPct) { // by the interval shown, whatever a file of older statistics says
			c += "!"
		}
		return c
	})
	b.WriteString("\nSpread of the samples, (max-min)/median:\n")
	table(nil, func(m *result.Measurement) string {
		if m.KBps <= 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.1f%%", (m.MaxKBps-m.MinKBps)/m.KBps*100)
	})
	cycles := slices.ContainsFunc(r.Measurements, func(m result.Measurement) bool { return m.CyclesPerByte > 0 })
	if r.ClockHz > 0 && cycles {
		per := "on one thread"
		if threads > 1 {
			per = "per thread"
		}
		legend := fmt.Sprintf("Cycles per byte %s, at a core clock of %.2f GHz estimated by a dependent ADD chain", per, r.ClockHz/1e9)
		if slices.ContainsFunc(r.Measurements, func(m result.Measurement) bool { return m.BoundPct > 0 }) {
			legend += fmt.Sprintf("; (n%%) for AES-CBC encryption, which is serial: the latency bound, rounds x %.2f-cycle AESENC per 16-byte block, as a percentage of the cycles taken", r.AESENCCycles)
		}
		b.WriteByte('\n')
		proseLine(&b, legend+":")
		table(nil, func(m *result.Measurement) string {
			if m.CyclesPerByte <= 0 {
				return "n/a"
			}
			c := fmt.Sprintf("%.2f", m.CyclesPerByte)
			if m.BoundPct > 0 {
				c += fmt.Sprintf(" (%.0f%%)", m.BoundPct)
			}
			return c
		})
	} else if r.ClockHz <= 0 && len(r.Measurements) > 0 && r.Source == "" {
		b.WriteByte('\n')
		proseLine(&b, "No cycles per byte: the core clock was not estimated on this architecture.")
	}
	writeHost(&b, r, threads, func(cell func(m *result.Measurement) string) { table(multi, cell) })
	_, err := io.WriteString(w, b.String())
	return err
}

// sizeBlocks splits sizes into blocks of columns (13 characters and a
// space each) that fit limit beside a label column of width, as even as
// they go: six sizes that do not fit go three and three. One block when
// all fit, or limit is 0.
func sizeBlocks(sizes []int, width, limit int) [][]int {
	per := len(sizes)
	if limit > 0 {
		per = max(1, (limit-width)/14)
	}
	if per >= len(sizes) {
		return [][]int{sizes}
	}
	n := (len(sizes) + per - 1) / per
	per = (len(sizes) + n - 1) / n
	var out [][]int
	for len(sizes) > 0 {
		k := min(per, len(sizes))
		out = append(out, sizes[:k])
		sizes = sizes[k:]
	}
	return out
}

// samplesWhat says what each figure of the table is the median of: the
// go engine's samples (the run's count and sample time, or its
// --precision), openssl's runs of openssl speed (opensslRuns), or both,
// each named.
func samplesWhat(r *result.Results, rs []*row) string {
	goRows := slices.ContainsFunc(rs, func(x *row) bool { return x.engine != result.EngineOpenSSL })
	goWhat := fmt.Sprintf("median of %d samples of %s each", r.Count, seconds(r.SampleSeconds))
	if r.PrecisionPct > 0 {
		goWhat = fmt.Sprintf("median of at least %d samples of %s each, sampled until within ±%g%%, until the host's drift alone was wider, or for %s per cell", r.Count, seconds(r.SampleSeconds), r.PrecisionPct, seconds(r.MaxSeconds))
	}
	runs, speed := opensslRuns(r)
	if runs == 0 {
		return goWhat
	}
	sslWhat := fmt.Sprintf("median of %d runs of %s", runs, speed)
	if runs == 1 {
		sslWhat = "one run of " + speed
	}
	if !goRows {
		return sslWhat
	}
	return "go: " + goWhat + "; openssl: " + sslWhat
}

// opensslRuns returns how many runs of openssl speed r's openssl cells
// took (0 when it has none) and what each was: "openssl speed -seconds
// N", or "openssl speed" when the length is unknown (an import).
func opensslRuns(r *result.Results) (runs int, speed string) {
	for _, m := range r.Measurements {
		if m.Engine == result.EngineOpenSSL {
			runs = max(runs, len(m.SamplesKBps))
		}
	}
	speed = "openssl speed"
	if r.OpenSSL != nil && r.OpenSSL.Seconds > 0 {
		speed = fmt.Sprintf("openssl speed -seconds %d", r.OpenSSL.Seconds)
	}
	return runs, speed
}

// seconds writes a duration in seconds without trailing zeros.
func seconds(s float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", s), "0"), ".") + " s"
}

// writeHost prints where the run was confined (--cpu), and what the
// host gave the run, by the ADD chain of
// bench.HostRef: the share of a core one thread sustained, and with more
// than one thread a table of the aggregate on N threads over one thread's,
// each with the percentage of the host's own scaling at that count, and
// the host's scaling itself. Either gets a word on shared CPUs when under
// 90% of whole cores. table prints the multi-thread rows.
func writeHost(b *strings.Builder, r *result.Results, maxThreads int, table func(cell func(m *result.Measurement) string)) {
	if len(r.PinnedCPUs) > 0 {
		fmt.Fprintf(b, "\nRun confined to %s (--cpu).\n", cpuList(r.PinnedCPUs))
	}
	if share, ok := r.CoreShare(); ok {
		b.WriteByte('\n')
		proseLine(b, fmt.Sprintf("One thread sustained %.2f GHz on the ADD chain over whole samples, beside the cells: %.0f%% of a core.", r.HostRef[0].GHz, 100*share))
		if _, short := r.ShortOfACore(); short {
			proseLine(b, fmt.Sprintf("Short of a core: %s; figures taken meanwhile are low by as much.", r.HostRef[0].Why()))
		}
	}
	if maxThreads <= 1 {
		return
	}
	scaled := slices.ContainsFunc(r.Measurements, func(m result.Measurement) bool {
		_, ok := r.ThreadScaling(&m)
		return ok
	})
	if scaled {
		legend := "Scaling: the aggregate on N threads over one thread's"
		if len(r.HostRef) > 0 {
			legend += ", and in parentheses that as a percentage of the host's own scaling on N threads, measured beside it"
		}
		b.WriteByte('\n')
		proseLine(b, legend+":")
		table(func(m *result.Measurement) string {
			x, ok := r.ThreadScaling(m)
			if !ok {
				return "n/a"
			}
			c := fmt.Sprintf("%.2fx", x)
			if h, ok := r.HostScaling(m.Threads); ok {
				c += fmt.Sprintf(" (%.0f%%)", 100*x/h)
			}
			return c
		})
	}
	var host []string
	var short *result.HostRef
	for n := 2; n <= maxThreads; n++ {
		if h, ok := r.HostScaling(n); ok {
			host = append(host, fmt.Sprintf("%d threads %.2fx", n, h))
			if _, isShort := r.ShortOfCores(n); isShort && short == nil {
				short = &r.HostRef[slices.IndexFunc(r.HostRef, func(ref result.HostRef) bool { return ref.Threads == n })]
			}
		}
	}
	if len(host) == 0 {
		if r.Source == "" && r.ClockHz == 0 {
			b.WriteByte('\n')
			proseLine(b, "No host scaling: there is no ADD chain to measure it on this architecture.")
		}
		return
	}
	b.WriteByte('\n')
	proseLine(b, fmt.Sprintf("The host's own scaling, a dependent ADD chain on every thread at once over one thread's (N whole cores give Nx): %s.", strings.Join(host, ", ")))
	if short != nil {
		proseLine(b, fmt.Sprintf("Short of whole cores: %s; no cipher can scale further here than the chain did.", short.Why()))
	}
}
