package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/internal/testfs"
)

func TestLogs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "access.log.gz")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"logs", "--size", "200KB", "--out", out, "--seed", "2", "--format", "json"}, &stdout, &stderr)
	if code := exitCode(err, io.Discard); code != 0 {
		t.Fatalf("exit %d: %v\nstderr:\n%s", code, err, stderr.String())
	}

	summary := regexp.MustCompile(`^` + regexp.QuoteMeta(out) + `: 200\.0 kB compressed \(\d+ bytes\), [\d.]+ MB uncompressed, ratio [\d.]+, \d+ lines\n$`)
	if !summary.MatchString(stdout.String()) {
		t.Errorf("stdout = %q, want one summary line", stdout.String())
	}
	lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
	progressLine := regexp.MustCompile(`^ *\d+% [\d.]+ [km]?B of [\d.]+ [km]?B$`)
	for _, l := range lines {
		if !progressLine.MatchString(l) {
			t.Errorf("stderr line %q is not a progress line", l)
		}
	}
	if !strings.HasPrefix(lines[len(lines)-1], "100% ") {
		t.Errorf("stderr ends with %q, want 100%%", lines[len(lines)-1])
	}

	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if d := len(b) - 200_000; d > 0 || d < -4000 {
		t.Errorf("file is %d bytes, want 200000 within 2%%", len(b))
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("gunzip: %v", err)
	}
	if !bytes.HasPrefix(text, []byte(`{"host":"`)) {
		t.Errorf("--format json wrote %.60q...", text)
	}
	if names, _ := filepath.Glob(filepath.Join(dir, "*")); len(names) != 1 {
		t.Errorf("directory holds %q, want only the log", names)
	}
}

// TestLogsSmallest: the smallest log, under a KiB, ends its progress at
// 100% (it showed "0% 1.0 kB of 1.0 kB": 0 KiB of 0).
func TestLogsSmallest(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"logs", "--size", "1KB", "--out", filepath.Join(t.TempDir(), "l.gz")}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(stderr.String()); got != "100% 1.0 kB of 1.0 kB" {
		t.Errorf("progress %q, want it to end at 100%%", got)
	}
}

func TestLogsHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"logs", "--help"}, &stdout, &stderr)
	if code := exitCode(err, io.Discard); code != 0 {
		t.Fatalf("exit %d: %v", code, err)
	}
	if !strings.HasPrefix(stdout.String(), "Usage: aesbench logs --out FILE") || !strings.Contains(stdout.String(), "--format") {
		t.Errorf("help = %q", stdout.String())
	}
}

func TestLogsErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	readOnly := filepath.Join(dir, "ro")
	if err := os.Mkdir(readOnly, 0o755); err != nil {
		t.Fatal(err)
	}
	testfs.ReadOnly(t, readOnly)
	out := filepath.Join(dir, "x.log.gz")
	// --out /dev/stdout as root replaced the link with a file.
	stdoutLink := filepath.Join(t.TempDir(), "stdout")
	noLink := os.Symlink(os.DevNull, stdoutLink) != nil
	canceled, cancel := context.WithCancel(context.Background())
	cancel()

	tests := []struct {
		name string
		ctx  context.Context
		args []string
		code int
		msg  string // the message exitCode prints
		skip bool   // for a case that cannot be set up on this system
	}{
		{"missing out", nil, []string{"--size", "1MB"}, 2, "logs: --out is required", false},
		{"bad size", nil, []string{"--size", "lots", "--out", out}, 2, `logs: size "lots": not a number of bytes (try 256, 16k or 1MiB)`, false},
		{"negative size", nil, []string{"--size", "-5MB", "--out", out}, 2, `logs: size "-5MB": negative`, false},
		{"size below minimum", nil, []string{"--size", "999", "--out", out}, 2, `logs: size "999": below the minimum of 1KB (1000 bytes)`, false},
		{"unknown format", nil, []string{"--format", "xml", "--out", out}, 2, `logs: --format: unknown log format "xml" (valid: combined, json)`, false},
		{"unknown flag", nil, []string{"--level", "9", "--out", out}, 2, "logs: unknown flag: --level", false},
		{"bad seed", nil, []string{"--seed", "x", "--out", out}, 2, `logs: invalid argument "x" for "--seed" flag: must be an integer`, false},
		{"extra argument", nil, []string{"--out", out, "now"}, 2, `logs: unexpected argument "now"`, false},
		{"missing directory", nil, []string{"--size", "2KB", "--out", filepath.Join(dir, "missing", "x.log.gz")}, 1,
			"logs: create " + filepath.Join(dir, "missing", "x.log.gz") + ": no such file or directory", false},
		{"parent is a file", nil, []string{"--size", "2KB", "--out", filepath.Join(file, "x.log.gz")}, 1,
			"logs: create " + filepath.Join(file, "x.log.gz") + ": not a directory", false},
		{"out is a directory", nil, []string{"--size", "2KB", "--out", dir}, 1, "logs: create " + dir + ": is a directory", false},
		// Windows has no read-only directories.
		{"unwritable directory", nil, []string{"--size", "2KB", "--out", filepath.Join(readOnly, "x.log.gz")}, 1,
			"logs: create " + filepath.Join(readOnly, "x.log.gz") + ": " + testfs.Unwritable(), runtime.GOOS == "windows"},
		{"out is a link to a device", nil, []string{"--size", "2KB", "--out", stdoutLink}, 1,
			"logs: create " + stdoutLink + ": not a regular file (a symbolic link)", noLink},
		{"interrupted", canceled, []string{"--size", "2KB", "--out", out}, 130, "interrupted", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip {
				t.Skip("cannot set this case up here")
			}
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			var stdout, stderr, msg bytes.Buffer
			err := run(ctx, append([]string{"logs"}, tt.args...), &stdout, &stderr)
			if code := exitCode(err, &msg); code != tt.code {
				t.Errorf("exit %d, want %d (%v)", code, tt.code, err)
			}
			if want := "aesbench: " + tt.msg + "\n"; msg.String() != want {
				t.Errorf("message\n%q, want\n%q", msg.String(), want)
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout = %q, want nothing", stdout.String())
			}
			if names, _ := filepath.Glob(filepath.Join(dir, "*")); len(names) != 2 {
				t.Errorf("directory holds %q, want only what it had", names)
			}
			if names, _ := filepath.Glob(filepath.Join(readOnly, "*")); len(names) != 0 {
				t.Errorf("left %q behind", names)
			}
		})
	}
	if fi, err := os.Lstat(stdoutLink); !noLink && (err != nil || fi.Mode()&os.ModeSymlink == 0) {
		t.Errorf("%s is no longer a symbolic link: %v, %v", stdoutLink, fi.Mode(), err)
	}
}
