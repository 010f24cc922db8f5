package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/logs"
)

func init() {
	register(command{name: "logs", short: "write a realistic gzip-compressed web access log of a given size", run: cmdLogs})
}

// cmdLogs writes a log file to encrypt, like the ~80 MB compressed access
// log of the classic experiment. stdout gets one summary line; stderr
// gets progress.
func cmdLogs(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("logs", "logs --out FILE [--size 80MB] [--seed N] [--format combined|json]", stderr)
	size := fs.String("size", "80MB", "compressed `size` of the log: 80MB, 1GiB, 500KB or bytes (at least 1KB)")
	out := fs.String("out", "", "`file` to write (required); replaced only once complete")
	seed := fs.Int64("seed", 1, "random seed: the same seed and size give the same file")
	format := fs.String("format", "combined", "line `format`: combined (Apache/nginx) or json")
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("logs: unexpected argument %q", fs.Arg(0))
	}
	n, err := bench.ParseSize(*size)
	if err != nil {
		return usagef("logs: %w", err)
	}
	if n < logs.MinSize {
		return usagef("logs: size %q: below the minimum of 1KB (%d bytes)", *size, logs.MinSize)
	}
	f, err := logs.ParseFormat(*format)
	if err != nil {
		return usagef("logs: --format: %w", err)
	}
	if *out == "" {
		return usagef("logs: --out is required")
	}

	p := newProgress(stderr)
	st, err := logs.WriteFile(ctx, *out, logs.Options{Size: n, Seed: *seed, Format: f, Progress: p.update})
	p.finish()
	if err != nil {
		return fmt.Errorf("logs: %w", err)
	}
	fmt.Fprintf(stdout, "%s: %s compressed (%d bytes), %s uncompressed, ratio %.2f, %d lines\n",
		*out, siBytes(st.Compressed), st.Compressed, siBytes(st.Uncompressed), st.Ratio(), st.Lines)
	return nil
}

// progress reports how far a log is on stderr: on a terminal, one line
// rewritten in place; otherwise (a file, a pipe, a CI log) a line at
// every 10%.
type progress struct {
	w     io.Writer
	live  bool
	shown int64 // last percentage shown
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.live = true
		}
	}
	return p
}

func (p *progress) update(done, total int64) {
	step := int64(10)
	if p.live {
		step = 1
	}
	pct := done * 100 / total / step * step
	if pct <= p.shown {
		return
	}
	p.shown = pct
	if p.live {
		fmt.Fprintf(p.w, "\rlogs: %3d%% (%s of %s)", pct, siBytes(done), siBytes(total))
		return
	}
	fmt.Fprintf(p.w, "logs: %d%% (%s of %s)\n", pct, siBytes(done), siBytes(total))
}

// finish ends the live line.
func (p *progress) finish() {
	if p.live && p.shown > 0 {
		fmt.Fprintln(p.w)
	}
}

// siBytes writes a byte count with an SI prefix, as --size reads it.
func siBytes(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.2f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}
