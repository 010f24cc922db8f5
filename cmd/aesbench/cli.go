package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/aesbench/aesbench/internal/textwrap"
	"github.com/spf13/pflag"
)

// command is one subcommand. Each lives in its own file and registers
// itself from an init function, so adding one touches no other file.
type command struct {
	name   string
	short  string // one line for the command list
	hidden bool   // not in the command list: aesbench's own plumbing
	run    func(ctx context.Context, args []string, stdout, stderr io.Writer) error
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
	case "-h", "--help":
		printUsage(stdout)
		return nil
	case "help":
		return help(ctx, args[1:], stdout, stderr)
	case "--version", "version":
		if len(args) > 1 {
			if a := args[1]; a != "-h" && a != "--help" {
				return usagef("%s: unexpected argument %q (it takes none)", name, a)
			}
			fmt.Fprintln(stdout, "Usage: aesbench version\n\nPrints aesbench's version and the Go that built it.")
			return nil
		}
		fmt.Fprintln(stdout, versionString())
		return nil
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	if strings.HasPrefix(name, "-") {
		return usagef("unknown flag %s: flags go after the command (try: aesbench help)", name)
	}
	return usagef("unknown command %q (try: aesbench help)", name)
}

// help is aesbench help [COMMAND]: the list of commands, or the help of
// one (its --help).
func help(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	switch {
	case len(args) == 0:
		printUsage(stdout)
		return nil
	case len(args) > 1:
		return usagef("help: want at most one command, got %d", len(args))
	}
	switch args[0] {
	case "help", "-h", "--help":
		printUsage(stdout)
		return nil
	case "version":
		return run(ctx, []string{"version", "--help"}, stdout, stderr)
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, []string{"--help"}, stdout, stderr)
		}
	}
	return usagef("help: unknown command %q (try: aesbench help)", args[0])
}

// printUsage lists the commands, wrapped to the width of w.
func printUsage(w io.Writer) {
	width := helpWidth(w)
	fmt.Fprintf(w, "%s\n\nUsage:\n  aesbench <command> [flags]\n\nCommands:\n",
		textwrap.Hanging("aesbench: how fast is symmetric encryption on this host, and does it get hardware AES?", 0, width))
	listed := []command{
		{name: "help", short: "list the commands, or print one's flags: aesbench help COMMAND"},
		{name: "version", short: "print aesbench's version and the Go that built it"},
	}
	for _, c := range commands {
		if !c.hidden {
			listed = append(listed, c)
		}
	}
	slices.SortFunc(listed, func(a, b command) int { return strings.Compare(a.name, b.name) })
	for _, c := range listed {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, textwrap.Hanging(c.short, 12, width))
	}
	fmt.Fprintf(w, "\n%s\n", textwrap.Hanging("Run 'aesbench help <command>' or 'aesbench <command> --help' for the flags of a command.", 0, width))
}

// newFlags returns a flag set that reports errors instead of exiting and
// prints its usage on --help, wrapped to the width of the terminal it
// goes to (80 columns when not a terminal).
func newFlags(name, usage string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		out := fs.Output()
		// The line breaks in flags' help were for the unwrapped listing;
		// FlagUsagesWrapped fills the lines itself.
		fs.VisitAll(func(f *pflag.Flag) { f.Usage = strings.ReplaceAll(f.Usage, "\n", " ") })
		fmt.Fprintf(out, "Usage: aesbench %s\n\nFlags:\n%s", textwrap.Lines(textwrap.Synopsis(usage), len("Usage: aesbench "), helpWidth(out), strings.Repeat(" ", len("Usage: aesbench "))), fs.FlagUsagesWrapped(helpWidth(out)))
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
	if err := stdoutAsPath(fs); err != nil {
		return false, err
	}
	if name := emptyFlag(fs); name != "" {
		if isRequired(fs, name) {
			return false, usagef("%s: --%s is empty: give it a value", fs.Name(), name)
		}
		return false, usagef("%s: --%s is empty: give it a value, or leave the flag out", fs.Name(), name)
	}
	return false, nil
}

// writesAnnotation marks a flag that names where a command writes: what
// it names ("a file", "a directory"), what goes there, and a hint for
// one who wanted standard output ("" for none).
const writesAnnotation = "aesbench_writes"

// markWrites marks flag name of fs as naming where its command writes
// (writesAnnotation), so that "-" for it is refused: what it names is
// written whole, through a temporary file renamed into place, not to
// standard output.
func markWrites(fs *pflag.FlagSet, name, names, writes, hint string) {
	if err := fs.SetAnnotation(name, writesAnnotation, []string{names, writes, hint}); err != nil {
		panic(err) // a flag that was never defined: a mistake in aesbench
	}
}

// stdoutAsPath is the usage error of a flag marked by markWrites given
// "-", or nil.
func stdoutAsPath(fs *pflag.FlagSet) error {
	var err error
	fs.Visit(func(f *pflag.Flag) {
		a := f.Annotations[writesAnnotation]
		if err != nil || len(a) != 3 || f.Value.String() != "-" {
			return
		}
		hint := ""
		if a[2] != "" {
			hint = " (" + a[2] + ")"
		}
		err = usagef("%s: --%s -: give %s name; aesbench writes %s there, not to standard output%s", fs.Name(), f.Name, a[0], a[1], hint)
	})
	return err
}

// requiredAnnotation marks a flag the command cannot go without.
const requiredAnnotation = "aesbench_required"

// markRequired marks flag name of fs as one its command cannot go
// without, so that an empty value is not answered with advice to leave
// the flag out. The command still checks that it was given.
func markRequired(fs *pflag.FlagSet, name string) {
	if err := fs.SetAnnotation(name, requiredAnnotation, []string{"true"}); err != nil {
		panic(err) // a flag that was never defined: a mistake in aesbench
	}
}

// isRequired reports whether flag name of fs is marked required.
func isRequired(fs *pflag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	return f != nil && len(f.Annotations[requiredAnnotation]) > 0
}

// emptyFlag returns the name of a flag given an empty value (--out "",
// --file ""), which is a variable left unset in a script far more often
// than a wish for the default, or "" when there is none.
func emptyFlag(fs *pflag.FlagSet) string {
	var name string
	fs.Visit(func(f *pflag.Flag) {
		if name != "" {
			return
		}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			if slices.Contains(sv.GetSlice(), "") {
				name = f.Name
			}
		} else if f.Value.Type() == "string" && f.Value.String() == "" {
			name = f.Name
		}
	})
	return name
}
