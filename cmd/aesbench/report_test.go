package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

// cancelAfter is a context whose Err is nil n times, then
// context.Canceled: Ctrl-C pressed partway.
type cancelAfter struct {
	context.Context
	n int
}

func (c *cancelAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

// TestReportCommandInterrupted checks that report stops with exit 130
// when interrupted, whether while reading the results files or while
// writing the charts (it once ran to the end and exited 0), and leaves
// the previous report as it was.
func TestReportCommandInterrupted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	if _, _, err := runArgs("report", knightJSON, padawanJSON, "--out", dir); err != nil {
		t.Fatal(err)
	}
	before := readDir(t, dir)
	// Two checks while reading the two files, then one before each file
	// report writes.
	for _, n := range []int{0, 2, 4} {
		var stdout, stderr, msg bytes.Buffer
		ctx := &cancelAfter{Context: context.Background(), n: n}
		err := run(ctx, []string{"report", knightJSON, maskedJSON, "--out", dir}, &stdout, &stderr)
		if code := exitCode(err, &msg); code != 130 || msg.String() != "aesbench: interrupted\n" {
			t.Errorf("interrupted after %d checks: exit %d, %q (%v); want 130, interrupted", n, code, msg.String(), err)
		}
		if ctx.n != -1 {
			t.Errorf("interrupted after %d checks: went on for %d more", n, -1-ctx.n)
		}
		after := readDir(t, dir)
		if len(after) != len(before) {
			t.Errorf("interrupted after %d checks: %d files, want the %d of the previous report", n, len(after), len(before))
		}
		for name, b := range before {
			if after[name] != b {
				t.Errorf("interrupted after %d checks: %s changed", n, name)
			}
		}
	}
}

// readDir returns the contents of each file in dir by name.
func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// TestCompareAndReportRefuseImplausible is issue 14's: figures of 1.7e308
// kB/s made report panic beside another host and spin for minutes alone,
// and a label with a newline broke the tables. compare and report refuse
// such a file, naming it and the field, and write nothing.
func TestCompareAndReportRefuseImplausible(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, edit func(r *result.Results)) string {
		r, err := result.Read(padawanJSON)
		if err != nil {
			t.Fatal(err)
		}
		edit(r)
		path := filepath.Join(dir, name)
		if err := r.WriteFile(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	huge := write("huge.json", func(r *result.Results) {
		for i := range r.Measurements {
			m := &r.Measurements[i]
			for j := range m.SamplesKBps {
				m.SamplesKBps[j] = 1.7e308
			}
			m.KBps, m.MinKBps, m.MaxKBps = 1.7e308, 1.7e308, 1.7e308
		}
	})
	newline := write("newline.json", func(r *result.Results) { r.Label = "pada\nwan" })
	out := filepath.Join(dir, "report")
	const hugeErr = ": implausible results: measurements[0].samples_kbps[0]: 1.7e+308 is above 1e+12 kB/s"
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"report", knightJSON, huge, "--out", out}, "report: " + huge + hugeErr},
		{[]string{"report", huge, "--out", out}, "report: " + huge + hugeErr},
		{[]string{"compare", knightJSON, huge}, "compare: " + huge + hugeErr},
		{[]string{"compare", newline}, "compare: " + newline + `: implausible results: label: "pada\nwan" holds the control character U+000A; a name or description is one line of printable text`},
	} {
		stdout, _, err := runArgs(tt.args...)
		var msg bytes.Buffer
		if code := exitCode(err, &msg); code != 1 || msg.String() != "aesbench: "+tt.want+"\n" {
			t.Errorf("%v: exit %d, %q; want 1, %q", tt.args, code, msg.String(), tt.want)
		}
		if stdout != "" {
			t.Errorf("%v: stdout %q, want nothing", tt.args, stdout)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("report made %s", out)
	}
}
