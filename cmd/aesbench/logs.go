package main

import (
	"context"
	"fmt"
	"io"

	"github.com/aesbench/aesbench/bench/unit"
	"github.com/aesbench/aesbench/logs"
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
	markWrites(fs, "out", "a file", "a file", "")
	markRequired(fs, "out")
	seed := fs.Int64("seed", 1, "random seed: the same seed and size give the same file")
	format := fs.String("format", "combined", "line `format`: combined (Apache/nginx) or json")
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("logs: unexpected argument %q", fs.Arg(0))
	}
	n, err := unit.ParseSize(*size)
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
	progress := func(done, total int64) {
		// In KiB, so that an int holds any size on 32-bit hosts too,
		// rounded up, so that a log under 1 KiB ends at 100%, not 0 of 0.
		kib := func(b int64) int { return int((b + 1023) >> 10) }
		p.Update(kib(done), kib(total), fmt.Sprintf("%s of %s", unit.FormatBytes(done), unit.FormatBytes(total)))
	}
	st, err := logs.WriteFile(ctx, *out, logs.Options{Size: n, Seed: *seed, Format: f, Progress: progress})
	p.Clear()
	if err != nil {
		return fmt.Errorf("logs: %w", err)
	}
	fmt.Fprintf(stdout, "%s: %s compressed (%d bytes), %s uncompressed, ratio %.2f, %d lines\n",
		*out, unit.FormatBytes(st.Compressed), st.Compressed, unit.FormatBytes(st.Uncompressed), st.Ratio(), st.Lines)
	return nil
}
