package main

import (
	"context"
	"io"
	"os"

	"github.com/aesbench/aesbench/bench/measure"
)

func init() {
	register(command{name: "worker", hidden: true, short: "one side of run --interleave (internal): answers requests on stdin", run: cmdWorker})
}

// cmdWorker is one side of a same-host A/B run: run --interleave starts
// two, one of them with AES-NI masked, and sends them requests.
func cmdWorker(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("worker", "worker (started by aesbench run --interleave; reads requests on stdin)", stderr)
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("worker: unexpected argument %q", fs.Arg(0))
	}
	return measure.ServeWorker(ctx, os.Stdin, stdout)
}
