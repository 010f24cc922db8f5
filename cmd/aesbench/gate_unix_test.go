//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aesbench/aesbench/cpuinfo"
)

// runBinWithin is runBin with a bound: a child still running after it is
// killed and fails the test, so a command that blocks fails rather than
// hangs. bin is the binary (aesbenchBin or a copy); cred, if not nil,
// runs it as another user.
func runBinWithin(t *testing.T, bin string, cred *syscall.Credential, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = withoutEnv(os.Environ(), "GODEBUG", "AWS_EC2_METADATA_SERVICE_ENDPOINT", maskedChildEnv)
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("aesbench %q did not end: killed\nstderr: %s", args, e.String())
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatalf("run aesbench %q: %v", args, err)
	}
	return o.String(), e.String(), code
}

// TestCPUInfoNotRegular: gate and probe refuse a --cpuinfo that is a FIFO
// (whose open waited for a writer forever), an endless device, a directory
// or a file over the size limit, at once, naming the path: exit 1, the
// gate failing closed.
func TestCPUInfoNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	big := filepath.Join(dir, "big.cpuinfo")
	knight, err := os.ReadFile(sample("knight.cpuinfo"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, append(knight, bytes.Repeat([]byte("\n"), cpuinfo.MaxFileSize+1-len(knight))...), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, why string
	}{
		{"fifo", fifo, "not a regular file (a named pipe)"},
		{"dev urandom", "/dev/urandom", "not a regular file (a character device)"},
		{"dev zero", "/dev/zero", "not a regular file (a character device)"},
		{"directory", dir, "not a regular file (a directory)"},
		{"over the limit", big, "larger than 32 MiB"},
	}
	for _, tt := range tests {
		for _, cmd := range [][]string{{"gate"}, {"gate", "--json"}, {"probe"}, {"probe", "--json"}} {
			t.Run(tt.name+"/"+strings.Join(cmd, " "), func(t *testing.T) {
				if _, err := os.Stat(tt.path); err != nil {
					t.Skipf("%v", err)
				}
				stdout, stderr, code := runBinWithin(t, aesbenchBin, nil, append(cmd, "--cpuinfo", tt.path)...)
				prefix := cmd[0] + ": "
				if cmd[0] == "gate" {
					prefix += "cannot judge: "
				}
				want := "aesbench: " + prefix + "read cpuinfo " + tt.path + ": " + tt.why
				if code != 1 || stdout != "" || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
					t.Errorf("exit %d, stdout %q, stderr %q; want 1, nothing on stdout, one line starting %q", code, stdout, stderr, want)
				}
			})
		}
	}
}

// TestGateUnreadableCPUInfo: a --cpuinfo this user may not read fails the
// gate closed. Root reads anything, so as root the gate runs as nobody.
func TestGateUnreadableCPUInfo(t *testing.T) {
	bin, dir := aesbenchBin, t.TempDir()
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		// nobody needs to reach the binary and the file: a copy of the
		// binary in a directory it may enter.
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		for _, d := range []string{filepath.Dir(dir), dir} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		bin = filepath.Join(dir, "aesbench")
		copyFile(t, aesbenchBin, bin, 0o755)
	}
	unreadable := filepath.Join(dir, "unreadable.cpuinfo")
	copyFile(t, sample("knight.cpuinfo"), unreadable, 0o000)
	stdout, stderr, code := runBinWithin(t, bin, cred, "gate", "--cpuinfo", unreadable)
	if cred != nil && strings.Contains(stderr, "operation not permitted") {
		t.Skipf("cannot run the gate as nobody here: %s", stderr)
	}
	want := "aesbench: gate: cannot judge: read cpuinfo " + unreadable + ": permission denied\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and %q", code, stdout, stderr, want)
	}
}

// copyFile copies src to dst and gives dst the mode perm.
func copyFile(t *testing.T, src, dst string, perm os.FileMode) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dst, perm); err != nil {
		t.Fatal(err)
	}
}
