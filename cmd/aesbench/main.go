// Command aesbench measures how fast symmetric encryption really is on a
// host, whether the host really gets hardware AES, and how hosts compare.
//
// main stays thin: it sets up a signal context, calls run, and turns the
// error into an exit status (2 for usage errors, 1 for failures).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signalContext()
	if maskedChild() {
		ctx = cancelOnEOF(ctx, os.Stdin) // how the parent passes on a signal (rerunMasked)
	}
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// signalContext returns a context that an interrupt (Ctrl-C) or SIGTERM
// cancels, so that the command winds down: it stops measuring within
// about a second and removes what it was writing. A second signal is not
// caught: it ends the process at once, by the signal's default action.
func signalContext() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // back to the default action
	}()
	return ctx, stop
}

// cancelOnEOF returns a context cancelled with ctx or when r (the masked
// child's stdin, a pipe from its parent) reaches its end.
func cancelOnEOF(ctx context.Context, r io.Reader) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		io.Copy(io.Discard, r)
		cancel()
	}()
	return ctx
}

// exitCode prints err as one line on stderr and maps it to an exit status.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var st exitStatus
	if errors.As(err, &st) && st.quiet {
		return st.code
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "aesbench: interrupted")
		return 130 // 128 + SIGINT, as shells report it
	}
	fmt.Fprintf(stderr, "aesbench: %v\n", err)
	var ue *usageError
	switch {
	case errors.As(err, &ue):
		return 2
	case errors.As(err, &st):
		return st.code
	}
	return 1
}
