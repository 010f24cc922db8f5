package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/report"
)

var (
	knightJSON  = filepath.Join("..", "..", "report", "testdata", "knight.json")
	padawanJSON = filepath.Join("..", "..", "report", "testdata", "padawan.json")
	maskedJSON  = filepath.Join("..", "..", "report", "testdata", "knight-noaesni.json")
)

func runArgs(args ...string) (stdout, stderr string, err error) {
	var o, e bytes.Buffer
	err = run(context.Background(), args, &o, &e)
	return o.String(), e.String(), err
}

func TestCompareCommand(t *testing.T) {
	tests := []struct {
		args []string
		want []string // in stdout
	}{
		{[]string{"compare", knightJSON, padawanJSON}, []string{"knight/padawan", "312000.00k", "5.26x", "File encryption of 80.0 MB in seconds"}},
		{[]string{"compare", "--format", "markdown", knightJSON, padawanJSON}, []string{"| aes-256-cbc | 312000.00k | 59300.00k | 5.26x [5.11-5.41] |"}},
		{[]string{"compare", "--format", "md", knightJSON, padawanJSON}, []string{"| aes-256-cbc | 312000.00k | 59300.00k | 5.26x [5.11-5.41] |"}},
		{[]string{"compare", "--format", "csv", knightJSON, padawanJSON}, []string{"throughput,go,aes-256-cbc,encrypt,256,1,padawan,59300.00,kB/s,knight,5.2614"}},
		{[]string{"compare", "--format", "json", knightJSON, padawanJSON}, []string{`"ratios": [`}},
		{[]string{"compare", "--size", "16k", "--baseline", "padawan", knightJSON, padawanJSON}, []string{"padawan/knight", "16384-byte"}},
		{[]string{"compare", "--size", "all", knightJSON, padawanJSON}, []string{"size", "8192"}},
	}
	for _, tt := range tests {
		out, _, err := runArgs(tt.args...)
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
}

func TestCompareCommandErrors(t *testing.T) {
	notResults := filepath.Join(t.TempDir(), "x.json")
	os.WriteFile(notResults, []byte(`{"schema":"something/else"}`), 0o644)
	tests := []struct {
		args  []string
		usage bool
		is    error
		want  string
	}{
		{[]string{"compare"}, true, nil, "no results files given"},
		{[]string{"compare", "--format", "xml", knightJSON}, true, nil, `--format "xml"`},
		{[]string{"compare", "--size", "lots", knightJSON}, true, nil, `--size "lots"`},
		{[]string{"compare", "--baseline", "jedi", knightJSON, padawanJSON}, true, report.ErrUnknownBaseline, `baseline "jedi" is none of the hosts`},
		{[]string{"report", "--out", "x", "--baseline", "jedi", knightJSON}, true, report.ErrUnknownBaseline, `baseline "jedi" is none of the hosts`},
		{[]string{"compare", knightJSON, notResults}, false, result.ErrNotResults, "not an aesbench results file"},
		{[]string{"compare", "--size", "512", knightJSON, padawanJSON}, true, report.ErrSizeNotMeasured, "no host measured 512 bytes"},
		{[]string{"report", "--out", "x", "--size", "512", knightJSON, padawanJSON}, true, report.ErrSizeNotMeasured, "report: --size: no host measured 512 bytes (sizes measured: 16, 64, 256, 1024, 8192, 16384 bytes)"},
		{[]string{"report", "--out", "x", "--size", "all", knightJSON}, true, nil, "report: --size all: the report's bar charts are at one message size"},
		{[]string{"report", knightJSON}, true, nil, "--out DIR is required"},
		{[]string{"report", "--out", knightJSON, knightJSON}, false, nil, "report: --out " + knightJSON + ": not a directory"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil { // compare once read it until memory ran out
		tests = append(tests, struct {
			args  []string
			usage bool
			is    error
			want  string
		}{[]string{"compare", knightJSON, "/dev/zero"}, false, result.ErrNotResults, "compare: /dev/zero: not an aesbench results file: a character device, not a regular file"})
	}
	for _, tt := range tests {
		_, _, err := runArgs(tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want one containing %q", tt.args, err, tt.want)
			continue
		}
		var ue *usageError
		if errors.As(err, &ue) != tt.usage {
			t.Errorf("%v: usage error %v, want %v", tt.args, errors.As(err, &ue), tt.usage)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%v: %v does not wrap %v", tt.args, err, tt.is)
		}
	}
}

func TestCompareCommandWarnings(t *testing.T) {
	_, stderr, err := runArgs("compare", knightJSON, maskedJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"aesbench: warning: different samples (count x length): 6 x 0.2 s on knight; 6 x 0.05 s on knight-noaesni",
		"aesbench: warning: knight-noaesni ran with AES-NI masked",
	} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
}

// TestReportCommand writes a report end to end from two fixture results
// into a directory that does not exist yet.
func TestReportCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "results", "report")
	_, stderr, err := runArgs("report", knightJSON, padawanJSON, "--out", dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"report.md", "throughput.png", "throughput.svg", "sizes.png", "sizes.svg", "files.png", "files.svg", "aesni-speedup.png", "aesni-speedup.svg"} {
		path := filepath.Join(dir, f)
		fi, err := os.Stat(path)
		if err != nil {
			t.Error(err)
			continue
		}
		if fi.Size() == 0 {
			t.Errorf("%s is empty", f)
		}
		if !strings.Contains(stderr, "wrote "+path) {
			t.Errorf("stderr does not say it wrote %s", path)
		}
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# aesbench report: knight, padawan", "knight/padawan", "5.26x", "![", "## How the figures were measured"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
}

// TestCompareOneUnlabelledResult is issue 14's: one results file without
// a label was warned of as two labelled "".
func TestCompareOneUnlabelledResult(t *testing.T) {
	m := filepath.Join(t.TempDir(), "m.json")
	if err := os.WriteFile(m, []byte(`{"schema":"aesbench/v1"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runArgs("compare", m)
	if err != nil || stderr != "" {
		t.Errorf("compare %s: %v, stderr %q; want no error and no warning", m, err, stderr)
	}
}

var fleetDir = filepath.Join("..", "..", "report", "testdata", "fleet")

// TestCompareDirectory compares a folder of results files: every *.json,
// sorted by name, laid out as rows for more than two hosts, the
// baseline the first with hardware AES, and the warnings grouped.
func TestCompareDirectory(t *testing.T) {
	out, errOut, err := runArgs("compare", fleetDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"baseline: m5.large-ap-south-1c-a-rather-long-instance-label-02", "aes-256-cbc  aes-256-gcm", " base "} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if n := strings.Count(errOut, "aesbench: warning: "); n == 0 || n > 6 {
		t.Errorf("%d warning lines for 20 hosts, want a few, one per kind:\n%s", n, errOut)
	}
	out, _, err = runArgs("compare", "--layout", "columns", fleetDir)
	if err != nil || strings.Contains(out, " base ") || !strings.Contains(out, "label-02/") { // the ratio columns, their headers on two lines
		t.Errorf("--layout columns: %v\n%s", err, out)
	}
	if _, _, err := runArgs("compare", "--layout", "diagonal", fleetDir); !errors.As(err, new(*usageError)) {
		t.Errorf("--layout diagonal: %v, want a usage error", err)
	}
}

func TestCompareDirectoryNotResults(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(knightJSON)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a.json"), b, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.json"), []byte(`{"todo": 1}`), 0o644)
	_, _, err = runArgs("compare", dir)
	if !errors.Is(err, result.ErrNotResults) || !strings.Contains(err.Error(), "notes.json") {
		t.Errorf("err = %v, want one naming notes.json as not a results file", err)
	}
	if _, _, err := runArgs("compare", t.TempDir()); err == nil || !strings.Contains(err.Error(), "without results files") {
		t.Errorf("empty directory: %v", err)
	}
}

// TestDefaultSizeNearest: results without the default 256-byte column
// (run --sizes 16,1024) compare and report at the size measured nearest
// it, and say so, where compare once failed ("no host measured 256
// bytes") and report dropped its bar charts without a word.
func TestDefaultSizeNearest(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, in := range []string{knightJSON, padawanJSON} {
		r, err := result.Read(in)
		if err != nil {
			t.Fatal(err)
		}
		r.Measurements = slices.DeleteFunc(r.Measurements, func(m result.Measurement) bool { return m.Size == 256 })
		p := filepath.Join(dir, filepath.Base(in))
		if err := r.WriteFile(p); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	note := "no host measured 256 bytes, the default --size"
	out, errOut, err := runArgs(append([]string{"compare"}, paths...)...)
	if err != nil || !strings.Contains(out, "at\n1024-byte messages") && !strings.Contains(out, "at 1024-byte messages") || !strings.Contains(errOut, note+": showing 1 KiB") {
		t.Errorf("compare: %v\nstdout:\n%s\nstderr:\n%s", err, out, errOut)
	}
	rep := filepath.Join(dir, "rep")
	_, errOut, err = runArgs(append([]string{"report", "--out", rep}, paths...)...)
	if err != nil || !strings.Contains(errOut, note+": the bar charts show 1 KiB") {
		t.Errorf("report: %v\nstderr:\n%s", err, errOut)
	}
	for _, f := range []string{"throughput.png", "aesni-speedup.png"} {
		if _, err := os.Stat(filepath.Join(rep, f)); err != nil {
			t.Errorf("report: %v", err)
		}
	}
}

// TestDefaultSizeShared: when one host measured the default 256 bytes and
// the other did not (a quick run --sizes 16,1024 against a full
// reference), compare and report show the size nearest it at which both
// have figures, and say why, where compare once failed with "nothing in
// common" and report drew one host's bars. A third host that shares 256
// bytes with the baseline keeps the default.
func TestDefaultSizeShared(t *testing.T) {
	dir := t.TempDir()
	quick := filepath.Join(dir, "quick.json")
	r, err := result.Read(padawanJSON)
	if err != nil {
		t.Fatal(err)
	}
	r.Measurements = slices.DeleteFunc(r.Measurements, func(m result.Measurement) bool { return m.Size != 16 && m.Size != 1024 })
	if err := r.WriteFile(quick); err != nil {
		t.Fatal(err)
	}
	note := "256 bytes, the default --size, was not measured on both the baseline and another host"
	out, errOut, err := runArgs("compare", quick, knightJSON)
	if err != nil || !strings.Contains(strings.ReplaceAll(out, "\n", " "), "1024-byte messages") || !strings.Contains(strings.ReplaceAll(errOut, "\n          ", " "), note+": showing 1 KiB, the size nearest it at which two hosts compare") {
		t.Errorf("compare: %v\nstdout:\n%s\nstderr:\n%s", err, out, errOut)
	}
	rep := filepath.Join(dir, "rep")
	_, errOut, err = runArgs("report", "--out", rep, quick, knightJSON)
	if err != nil || !strings.Contains(strings.ReplaceAll(errOut, "\n          ", " "), note+": the bar charts show 1 KiB") {
		t.Errorf("report: %v\nstderr:\n%s", err, errOut)
	}
	out, errOut, err = runArgs("compare", knightJSON, padawanJSON, quick)
	if err != nil || !strings.Contains(strings.ReplaceAll(out, "\n", " "), "256-byte messages") || strings.Contains(errOut, "default --size") {
		t.Errorf("compare of three, two sharing 256 bytes: %v\nstdout:\n%s\nstderr:\n%s", err, out, errOut)
	}
	// The third's rows are n/a: a warning says so, and what shows it.
	if want := "nothing at 256 bytes compares with the baseline, knight, on padawan-2 (it does at 16, 1024 bytes)"; !strings.Contains(strings.Join(strings.Fields(errOut), " "), want) {
		t.Errorf("compare of three, one at other sizes: stderr\n%s\nwant %q", errOut, want)
	}

	// Against a run of files alone, no size compares: the size shown is
	// the one measured nearest, and the note does not say two hosts
	// compare there.
	filesOnly := filepath.Join(dir, "files.json")
	k, err := result.Read(knightJSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Files) == 0 {
		t.Fatal("knight's results have no file workloads to keep")
	}
	k.Measurements = nil
	if err := k.WriteFile(filesOnly); err != nil {
		t.Fatal(err)
	}
	_, errOut, err = runArgs("compare", quick, filesOnly)
	if want := "no host measured 256 bytes, the default --size: showing 1 KiB, the size nearest it that was measured"; err != nil || !strings.Contains(strings.Join(strings.Fields(errOut), " "), want) {
		t.Errorf("compare with a run of files alone: %v\nstderr:\n%s\nwant %q", err, errOut, want)
	}
}
