package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/aesbench/aesbench/bench/result"
)

// WriteFileTable prints the whole-file workload: one row per file,
// algorithm and engine, with the median wall time in seconds and its
// range over the runs, and the throughput in kB/s (1000s of bytes of the
// input per second). It prints nothing when there are no file
// measurements.
func WriteFileTable(w io.Writer, r *result.Results) error {
	if len(r.Files) == 0 {
		return nil
	}
	var b strings.Builder
	m0 := r.Files[0]
	how := "warm page cache"
	if m0.Cold {
		how = "input evicted from the page cache"
	}
	if m0.Fsync {
		how += ", fsync counted"
	}
	proseLine(&b, fmt.Sprintf("Whole files: read, encrypt, write beside the input (%s); median of %d runs.", how, len(m0.SamplesSeconds)))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	pw := len("file") // paths read better left-aligned: pad them all alike
	for _, m := range r.Files {
		pw = max(pw, len(m.Path))
	}
	fmt.Fprintf(tw, "%-*s\tsize\talgorithm\tengine\tseconds\tmin-max\tkB/s\tverified\t\n", pw, "file")
	for _, m := range r.Files {
		verified := "no"
		if m.Verified {
			verified = "yes"
		}
		fmt.Fprintf(tw, "%-*s\t%d\t%s\t%s\t%.3f\t%.3f-%.3f\t%.2fk\t%s\t\n",
			pw, m.Path, m.Bytes, m.Algo, m.Engine, m.Seconds, m.MinSeconds, m.MaxSeconds, m.KBps, verified)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}
