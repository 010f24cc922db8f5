package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench/result"
)

// TestRunChecksTheResultsNameFirst: a results file name that the system
// takes (250 bytes) but whose temporary file beside it is too long, from
// --out or from a long --label, must fail before anything is measured,
// not after ten-minute samples (the deadline would end the run with
// another error), and leave nothing behind.
func TestRunChecksTheResultsNameFirst(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	long := strings.Repeat("x", 245) + ".json"
	if f, err := os.Create(long); err != nil { // as touch would
		t.Fatalf("a 250-byte name: %v", err)
	} else {
		f.Close()
		os.Remove(long)
	}
	base := []string{"run", "--algos", "aes-128-ctr", "--sizes", "16", "--count", "1", "--time", "10m"}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--out", long}, "run: --out: cannot write " + long + ": file name too long"},
		{[]string{"--label", strings.Repeat("y", 245)}, "run: --label: cannot write results/yyy"},
		{[]string{"--interleave", "same", "--label", strings.Repeat("y", 245)}, "run: --label: cannot write results/yyy"},
		{[]string{"--out", "newdir/"}, "run: --out: cannot write newdir/: a directory's name, not a file's"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		var stdout, stderr bytes.Buffer
		err := run(ctx, append(base, tt.args...), &stdout, &stderr)
		cancel()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%.20q: %v, want %q", tt.args, err, tt.want)
		}
		if stdout.Len() > 0 {
			t.Errorf("%.20q: printed %q", tt.args, stdout.String())
		}
	}
	// Nothing at all: not even the results directory, made only to save
	// results.
	assertNoStrayFiles(t, dir)
}

// TestRunRefusesToReplaceFirst: an --out that names a symbolic link (to
// a file of someone else's) or a directory is refused before anything is
// measured, not after the run (the results were then printed, not
// saved), and the link and its file stay as they were.
func TestRunRefusesToReplaceFirst(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("theirs", []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("theirs", "link.json"); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Mkdir("adir", 0o755); err != nil {
		t.Fatal(err)
	}
	base := []string{"run", "--algos", "aes-128-ctr", "--sizes", "16", "--count", "1", "--time", "10m"}
	for _, tt := range []struct{ out, want string }{
		{"link.json", "run: --out: create link.json: not a regular file (a symbolic link)"},
		{"adir", "run: --out: create adir: is a directory"},
	} {
		for _, mode := range [][]string{nil, {"--interleave", "same"}} {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			var stdout, stderr bytes.Buffer
			err := run(ctx, append(append(base, mode...), "--out", tt.out), &stdout, &stderr)
			cancel()
			if err == nil || err.Error() != tt.want {
				t.Errorf("--out %s %q: %v, want %q", tt.out, mode, err, tt.want)
			}
			if stdout.Len() > 0 || strings.Contains(stderr.String(), "%") {
				t.Errorf("--out %s %q measured: %q", tt.out, mode, stdout.String()+stderr.String())
			}
		}
	}
	if b, err := os.ReadFile("theirs"); err != nil || string(b) != "keep" {
		t.Errorf("the link's file: %q, %v", b, err)
	}
	if fi, err := os.Lstat("link.json"); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link: %v, %v", fi, err)
	}
}

// TestCheckWritableThenSaveMakesTheDirectories: --out into directories that do not exist
// yet passes the check before measuring without making them (an
// interrupted run would leave them empty), and saving makes them.
func TestCheckWritableThenSaveMakesTheDirectories(t *testing.T) {
	res, err := result.Read("../../report/testdata/knight.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "new", "deeper", "r.json")
	if err := result.CheckWritable(out); err != nil {
		t.Fatal(err)
	}
	assertNoStrayFiles(t, dir)
	if err := saveAndPrint(res, out, "json", io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if _, err := result.Read(out); err != nil {
		t.Errorf("saved results: %v", err)
	}
}

// TestSaveAndPrintKeepsTheFigures: when the results cannot be written
// after all, at the end of a run, the figures are printed anyway, and the
// error says where they could not go.
func TestSaveAndPrintKeepsTheFigures(t *testing.T) {
	res, err := result.Read("../../report/testdata/knight.json")
	if err != nil {
		t.Fatal(err)
	}
	// A file where the results' directory was to be made, as if someone
	// put it there during the run.
	inTheWay := filepath.Join(t.TempDir(), "gone")
	if err := os.WriteFile(inTheWay, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(inTheWay, "r.json")
	for _, format := range []string{"table", "json", "gobench"} {
		var stdout, stderr bytes.Buffer
		err := saveAndPrint(res, gone, format, &stdout, &stderr)
		if err == nil || !strings.Contains(err.Error(), "run: results not saved, only printed: mkdir "+inTheWay+": not a directory") {
			t.Errorf("%s: %v, want it to say the results were not saved to %s", format, err, gone)
		}
		if !strings.Contains(stdout.String(), "aes-256-cbc") {
			t.Errorf("%s: the figures were not printed:\n%s", format, stdout.String())
		}
		if strings.Contains(stderr.String(), "wrote") {
			t.Errorf("%s: stderr says it wrote: %s", format, stderr.String())
		}
	}
}

// TestRunChecksOpenSSLFirst: an --openssl that is not there, for the
// openssl engine or for the files, fails the run before the go engine's
// ten-minute samples.
func TestRunChecksOpenSSLFirst(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.WriteFile(in, []byte("some log lines\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	nope := filepath.Join(dir, "nope")
	base := []string{"run", "--algos", "aes-128-ctr", "--sizes", "16", "--count", "1", "--time", "10m", "--openssl", nope, "--out", filepath.Join(dir, "r.json")}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--engine", "go,openssl"}, "run: openssl: exec: \"" + nope + "\""},
		{[]string{"--file", in}, "run: file: openssl: exec: \"" + nope + "\""},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := run(ctx, append(base, tt.args...), &bytes.Buffer{}, &bytes.Buffer{})
		cancel()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.args, err, tt.want)
		}
	}
	assertNoStrayFiles(t, dir, "in")
}

// TestRunOutMakesItsDirectory: run --out new/dir/x.json creates new/dir
// (as the default results/ is created) and writes the file there; under
// --interleave both files land in it.
func TestRunOutMakesItsDirectory(t *testing.T) {
	base := []string{"run", "--algos", "aes-128-ctr", "--sizes", "16", "--count", "1", "--time", "1ms"}
	out := filepath.Join(t.TempDir(), "new", "dir", "x.json")
	if _, stderr, code := runBin(t, nil, append(base, "--out", out)...); code != 0 {
		t.Fatalf("run --out %s: exit %d: %s", out, code, stderr)
	}
	if _, err := result.Read(out); err != nil {
		t.Errorf("results: %v", err)
	}
	if fi, err := os.Stat(filepath.Dir(out)); err != nil || fi.Mode().Perm()&^0o755 != 0 {
		t.Errorf("directory %s: %v, mode %v, want 0755 or narrower (umask)", filepath.Dir(out), err, fi.Mode())
	}
	if runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64" {
		return // no AES-NI mask
	}
	out = filepath.Join(t.TempDir(), "other", "y.json")
	if _, stderr, code := runBin(t, nil, append(base, "--interleave", "noaesni", "--out", out)...); code != 0 {
		t.Fatalf("run --interleave noaesni --out %s: exit %d: %s", out, code, stderr)
	}
	for _, f := range []string{out, strings.TrimSuffix(out, ".json") + "-noaesni.json"} {
		if _, err := result.Read(f); err != nil {
			t.Errorf("results: %v", err)
		}
	}
}
