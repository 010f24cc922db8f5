package main

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHelpFitsEightyColumns: off a terminal, the command list and every
// command's help are wrapped to 80 columns.
func TestHelpFitsEightyColumns(t *testing.T) {
	calls := [][]string{{"help"}, {"--help"}}
	for _, c := range commands {
		calls = append(calls, []string{c.name, "--help"}, []string{"help", c.name})
	}
	for _, args := range calls {
		var out bytes.Buffer
		if err := run(context.Background(), args, &out, &out); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if n := utf8.RuneCountInString(line); n > 80 {
				t.Errorf("%q: a line of %d columns: %q", args, n, line)
			}
		}
	}
}

func TestHelpCommand(t *testing.T) {
	runHelp := func() string {
		var out bytes.Buffer
		if err := run(context.Background(), []string{"run", "--help"}, &out, &out); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}()
	for _, tt := range []struct {
		args []string
		want string // stdout, or the start of it with a trailing "..."
		err  string // a usage error's text
	}{
		{[]string{"help"}, "aesbench: how fast ...", ""},
		{[]string{"help", "run"}, runHelp, ""},
		{[]string{"help", "version"}, "Usage: aesbench version\n\nPrints aesbench's version and the Go that built it.\n", ""},
		{[]string{"version", "--help"}, "Usage: aesbench version\n...", ""},
		{[]string{"version"}, "aesbench (devel) go...", ""},
		{[]string{"version", "--bogus"}, "", `version: unexpected argument "--bogus" (it takes none)`},
		{[]string{"--version", "extra"}, "", `--version: unexpected argument "extra" (it takes none)`},
		{[]string{"help", "nope"}, "", `help: unknown command "nope" (try: aesbench help)`},
		{[]string{"help", "--help"}, "aesbench: how fast ...", ""},
		{[]string{"--frob"}, "", "unknown flag --frob: flags go after the command (try: aesbench help)"},
		{[]string{"help", "run", "compare"}, "", "help: want at most one command, got 2"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(context.Background(), tt.args, &out, &errOut)
			var ue *usageError
			switch {
			case tt.err != "" && (!errors.As(err, &ue) || err.Error() != tt.err):
				t.Fatalf("error %v, want the usage error %q", err, tt.err)
			case tt.err == "" && err != nil:
				t.Fatal(err)
			}
			got := out.String()
			if prefix, ok := strings.CutSuffix(tt.want, "..."); ok && strings.HasPrefix(got, prefix) {
				return
			}
			if got != tt.want {
				t.Errorf("stdout:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestUsageListsEveryCommand: aesbench --help names every command a
// user can type, help and version too, and none that is hidden.
func TestUsageListsEveryCommand(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"--help"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, c := range append(slices.Clone(commands), command{name: "help"}, command{name: "version"}) {
		if listed := strings.Contains(out.String(), "\n  "+c.name+" "); listed == c.hidden {
			t.Errorf("command %q (hidden %v) listed %v:\n%s", c.name, c.hidden, listed, out.String())
		}
	}
}
