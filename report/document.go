package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/aesbench/aesbench/bench/result"
)

// Figure is a chart as report.md shows it: its title, and the name its
// PNG and SVG files have beside report.md (without the extension).
type Figure struct {
	Title, Name string
}

// Figures are the charts of report.md's sections; nil where none was
// drawn (nothing to show), which the document then explains.
type Figures struct {
	Throughput *Figure // throughput per algorithm and host at the report's size
	Speedup    *Figure // AES-NI speedup per algorithm
	Sizes      *Figure // throughput against message size
	Files      *Figure // whole-file encryption seconds
}

// WriteDocument writes report.md for the comparison c, which must hold
// every size (CompareOptions.Sizes nil), with the charts figs. size is
// the message size of the bar charts and the first table.
func WriteDocument(w io.Writer, c *Comparison, size int, figs Figures) error {
	var b strings.Builder
	// The heading names a few hosts; many are counted (the host table
	// names them).
	what := fmt.Sprintf("%d hosts", len(c.Hosts))
	if len(c.Hosts) <= MaxColumnHosts {
		labels := make([]string, len(c.Hosts))
		for i, h := range c.Hosts {
			labels[i] = mdEscape(h.Label)
		}
		what = strings.Join(labels, ", ")
	}
	fmt.Fprintf(&b, "# aesbench report: %s\n\n", what)
	fmt.Fprintf(&b, "Throughput is in kB/s, 1000s of bytes per second, as `openssl speed` reports it; file workloads in seconds.\n")
	if len(c.Hosts) > 1 {
		fmt.Fprintf(&b, "Ratios say how many times faster the baseline host, **%s**, is than each other host (above 1: %s is faster).\n", mdEscape(c.Hosts[0].Label), mdEscape(c.Hosts[0].Label))
	} else {
		b.WriteString("\nOnly one host's results were given, so there are no ratios: pass two or more results files to compare hosts.\n")
	}

	b.WriteString("\n## Hosts\n\n")
	hosts := c.hostTable()
	hosts.title = "" // the section heading says it
	writeMarkdownTable(&b, hosts)
	differences := func() {
		switch {
		case len(c.Warnings) > 0 && len(c.Hosts) == 1:
			b.WriteString("\nWhat to know about this run:\n\n")
		case len(c.Warnings) > 0:
			b.WriteString("\nDifferences between the runs that skew the comparison:\n\n")
		}
		if len(c.Warnings) > 0 {
			for _, w := range c.Warnings {
				fmt.Fprintf(&b, "- %s\n", mdEscape(w))
			}
		}
	}
	// With hosts as rows (many hosts) the differences, one line per kind,
	// come after the figures; with a few, under the hosts they describe.
	rows := c.Layout == LayoutRows
	if rows {
		if l := c.baselineLine(); l != "" {
			b.WriteString("\n" + mdEscape(l) + "\n")
		}
	} else {
		differences()
	}

	at := c.atSize(size)
	fmt.Fprintf(&b, "\n## Throughput at %d-byte messages\n\n", size)
	if len(at.Rows) == 0 {
		fmt.Fprintf(&b, "No host measured %d-byte messages, so there is no table or chart at that size.\n", size)
	} else {
		for _, t := range at.throughputTables() {
			writeMarkdownTable(&b, t)
		}
		image(&b, figs.Throughput)
	}

	b.WriteString("\n## AES-NI speedup\n\n")
	if figs.Speedup != nil {
		b.WriteString("How many times faster each algorithm runs with hardware AES than without it. AES-based ciphers gain; 3DES and ChaCha20-Poly1305 do not use AES, so they should stay near 1x.\n")
		image(&b, figs.Speedup)
	} else {
		b.WriteString("No chart: it needs a host whose Go crypto used hardware AES and one that did not (a CPU without AES-NI, or a run with `aesbench run --no-aesni`), both measured at this size.\n")
	}

	b.WriteString("\n## Throughput by message size\n\n")
	if len(c.Sizes) < 2 {
		b.WriteString("Only one message size was measured, so there is no chart by size.\n")
	} else {
		for i, t := range c.throughputTables() {
			if i > 0 {
				b.WriteByte('\n')
			}
			writeMarkdownTable(&b, t)
		}
		image(&b, figs.Sizes)
	}

	b.WriteString("\n## File encryption\n\n")
	if len(c.Files) == 0 {
		b.WriteString("No file results: none of the runs timed a whole-file workload, so there is no table or chart of them.\n")
	} else {
		writeMarkdownTable(&b, c.fileTables())
		image(&b, figs.Files)
	}
	if rows && len(c.Warnings) > 0 {
		b.WriteString("\n## Differences between the runs\n")
		differences()
	}

	if len(c.Advice) > 0 {
		b.WriteString("\n## What the figures suggest\n\n")
		for _, a := range c.Advice {
			fmt.Fprintf(&b, "- %s\n", mdEscape(a))
		}
	}

	b.WriteString("\n## How the figures were measured\n\n")
	writeMethod(&b, c)

	_, err := io.WriteString(w, b.String())
	return err
}

// atSize is the comparison restricted to one message size.
func (c *Comparison) atSize(size int) *Comparison {
	at := *c
	at.Rows = nil
	at.Sizes = []int{size}
	for _, r := range c.Rows {
		if r.Size == size {
			at.Rows = append(at.Rows, r)
		}
	}
	return &at
}

func image(b *strings.Builder, ch *Figure) {
	if ch == nil {
		return
	}
	fmt.Fprintf(b, "\n![%s](%s.png)\n\n([SVG](%s.svg))\n", mdEscape(ch.Title), ch.Name, ch.Name)
}

// writeMethod says how each run measured, from the results themselves:
// the go engine's samples and openssl's runs, the masks, and which hosts
// were measured in the same rounds.
func writeMethod(b *strings.Builder, c *Comparison) {
	b.WriteString("Each figure is the median of several samples, taken round-robin across the table's cells so that a slow moment on the host spreads over all of them; kB/s counts plaintext bytes (an AEAD's tag is not counted). CBC and CTR process the buffer in place with their state carried from message to message, as `openssl speed` does; AEADs run one Seal per message under a key set up once. Runs with AES-NI masked set `GODEBUG=cpu.aes=off,cpu.pclmulqdq=off`, so Go's crypto falls back to its constant-time software AES, as on a CPU without AES-NI, and start openssl with `OPENSSL_ia32cap` masking AES-NI. File workloads time reading, encrypting and writing a whole file, as one job.\n\n")
	for i, h := range c.Hosts {
		r := c.Results[i]
		sslRuns, speed := opensslRuns(r)
		fmt.Fprintf(b, "- %s:", mdEscape(h.Label))
		if sslRuns == 0 || slices.ContainsFunc(r.Measurements, func(m result.Measurement) bool { return m.Engine != result.EngineOpenSSL }) {
			fmt.Fprintf(b, " %d samples of %s per cell,", r.Count, seconds(r.SampleSeconds))
		}
		if sslRuns > 0 && r.Source != result.SourceImported {
			fmt.Fprintf(b, " %d runs of %s per openssl cell,", sslRuns, speed)
		}
		fmt.Fprintf(b, " %s, started %s", orUnknown(r.GoVersion), r.Time.UTC().Format("2006-01-02 15:04 MST"))
		if r.GODEBUG != "" {
			fmt.Fprintf(b, ", GODEBUG=%s", mdEscape(r.GODEBUG))
		}
		if r.OpenSSL != nil && r.OpenSSL.CPUInfo != "" && r.AESNIMasked {
			fmt.Fprintf(b, ", openssl's %s", mdEscape(r.OpenSSL.CPUInfo))
		}
		if r.Source == result.SourceImported {
			b.WriteString(", imported from saved `openssl speed` output")
		}
		b.WriteString("\n")
	}
	for i := 1; i < len(c.Results); i++ {
		if c.Results[0].PairedWith(c.Results[i]) {
			fmt.Fprintf(b, "- %s and %s were measured in the same rounds (run --interleave, %s): each ratio between them is the median of the round-by-round ratios, with a sign test, so that what the host did during the run falls on both alike\n",
				mdEscape(c.Hosts[0].Label), mdEscape(c.Hosts[i].Label), c.Results[0].Pair.Mode)
		}
	}
	b.WriteString("\nEvery ratio carries its 95% interval, and a difference that is not significant shows as ~. Figures from a shared or virtual machine move from run to run by more than their samples spread; two separate runs are compared with that in mind, and two configurations of one host are best compared in the same rounds (run --interleave).\n")
}
