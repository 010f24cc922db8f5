package main

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var flagName = regexp.MustCompile(`--[a-z][a-z0-9-]*`)

// helpFlags returns the flags that aesbench <name> --help lists.
func helpFlags(t *testing.T, name string) []string {
	t.Helper()
	var out bytes.Buffer
	if err := run(context.Background(), []string{name, "--help"}, &out, &out); err != nil {
		t.Fatalf("%s --help: %v", name, err)
	}
	var flags []string
	for _, line := range strings.Split(out.String(), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "--") || strings.HasPrefix(line, "-") && strings.Contains(line, ", --") {
			if f := flagName.FindString(line); f != "" && f != "--help" {
				flags = append(flags, f)
			}
		}
	}
	return flags
}

// readmeSections returns, per command, the README's section on it: from
// its heading "### `aesbench NAME ...`" to the next such heading or "## ".
// The heading itself is the section's first line.
func readmeSections(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	heading := regexp.MustCompile("^### `aesbench ([a-z]+)")
	out := map[string][]string{}
	cur := ""
	for _, line := range strings.Split(string(b), "\n") {
		if m := heading.FindStringSubmatch(line); m != nil {
			cur = m[1]
		} else if strings.HasPrefix(line, "## ") || strings.HasPrefix(line, "### EC2") {
			cur = ""
		}
		if cur != "" {
			out[cur] = append(out[cur], line)
		}
	}
	return out
}

// TestREADMEDocumentsEveryFlag holds the command reference in the README
// against the real flag sets, so that the two cannot drift: every flag a
// command's --help lists is in its README section, and every flag its
// README heading or flag table names is a real flag of that command.
func TestREADMEDocumentsEveryFlag(t *testing.T) {
	sections := readmeSections(t)
	for _, c := range commands {
		if c.hidden {
			continue
		}
		sec, ok := sections[c.name]
		if !ok {
			if c.name != "version" {
				t.Errorf("README has no section \"### `aesbench %s ...`\"", c.name)
			}
			continue
		}
		flags := helpFlags(t, c.name)
		text := strings.Join(sec, "\n")
		for _, f := range flags {
			if !regexp.MustCompile(regexp.QuoteMeta(f) + `\b`).MatchString(text) {
				t.Errorf("%s %s: in --help but not in its README section", c.name, f)
			}
		}
		documented := flagName.FindAllString(sec[0], -1) // the heading's synopsis
		for _, line := range sec {
			if strings.HasPrefix(line, "| `--") { // a flag table's rows
				documented = append(documented, flagName.FindString(line))
			}
		}
		for _, f := range documented {
			if !slices.Contains(flags, f) {
				t.Errorf("%s %s: in the README but not a flag of the command", c.name, f)
			}
		}
	}
}

// TestREADMEListsEveryCommand checks the README's command table against
// the registered commands.
func TestREADMEListsEveryCommand(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commands {
		if !c.hidden && !strings.Contains(string(b), "| `aesbench "+c.name+"` |") {
			t.Errorf("the README's command table lacks aesbench %s", c.name)
		}
	}
}
