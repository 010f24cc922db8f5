package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// command is one subcommand. Each lives in its own file and registers
// itself from an init function, so adding one touches no other file.
type command struct {
	name  string
	short string // one line for the command list
	run   func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands []command

func register(c command) { commands = append(commands, c) }

// usageError marks an error in the way aesbench was called: exit status 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// exitStatus carries an exit status other than 1 through run; quiet means
// the reason was already printed (a gate that says why it refused).
type exitStatus struct {
	code  int
	quiet bool
	err   error
}

func (e exitStatus) Error() string {
	if e.err != nil {
		return e.err.Error()
	}
	return fmt.Sprintf("exit status %d", e.code)
}
func (e exitStatus) Unwrap() error { return e.err }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	slices.SortFunc(commands, func(a, b command) int { return strings.Compare(a.name, b.name) })
	if len(args) == 0 {
		printUsage(stderr)
		return usagef("no command given")
	}
	name := args[0]
	switch name {
	case "-h", "--help", "help":
		printUsage(stdout)
		return nil
	case "--version", "version":
		fmt.Fprintln(stdout, versionString())
		return nil
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	return usagef("unknown command %q (try: aesbench help)", name)
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, "aesbench: how fast is symmetric encryption on this host, and does it get hardware AES?\n\nUsage:\n  aesbench <command> [flags]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.short)
	}
	fmt.Fprint(w, "\nRun 'aesbench <command> --help' for the flags of a command.\n")
}

// newFlags returns a flag set that reports errors instead of exiting and
// prints its usage on --help.
func newFlags(name, usage string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: aesbench %s\n\nFlags:\n%s", usage, fs.FlagUsages())
	}
	return fs
}

// parseFlags parses args; --help prints usage and ends the command with
// success, any other problem is a usage error.
func parseFlags(fs *pflag.FlagSet, args []string, stdout io.Writer) (help bool, err error) {
	fs.SetOutput(io.Discard) // errors come back once, through run
	err = fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return true, nil
	}
	if err != nil {
		return false, &usageError{fmt.Errorf("%s: %w", fs.Name(), err)}
	}
	return false, nil
}
