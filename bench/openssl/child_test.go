//go:build unix

package openssl

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// stuckOpenSSL writes an openssl that, asked anything, starts a
// background process holding its output open (as the processes of
// openssl speed -multi do), writes a "started" file beside itself and
// then hangs, or, with body, runs body instead of hanging. The background
// processes are killed when the test ends.
func stuckOpenSSL(t *testing.T, body string) (path, started string) {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	path, started = filepath.Join(dir, "openssl"), filepath.Join(dir, "started")
	pids := filepath.Join(dir, "pids")
	if body == "" {
		body = "sleep 60"
	}
	script := "#!/bin/sh\nsleep 60 &\necho $! >> " + pids + "\necho $$ >> " + pids + "\ntouch " + started + "\n" + body + "\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		b, _ := os.ReadFile(pids)
		for _, f := range strings.Fields(string(b)) {
			if pid, err := strconv.Atoi(f); err == nil {
				syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	})
	return path, started
}

// returnsWithin runs f and fails the test unless it returns within d
// (generous: a loaded machine), returning its error.
func returnsWithin(t *testing.T, d time.Duration, what string, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("%s: still running after %v", what, d)
	}
	return nil
}

func cbcCells(t *testing.T) []bench.Cell {
	t.Helper()
	cbc, _ := bench.Lookup("aes-256-cbc")
	cells, err := bench.Cells([]*bench.Algorithm{cbc}, []result.Direction{result.Encrypt}, []int{16}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return cells
}

// TestRunKillsAHungOpenSSL: an openssl speed that never answers is killed
// at the timeout, and Run says so, even when the child's output is held
// open by a process it started.
func TestRunKillsAHungOpenSSL(t *testing.T) {
	path, _ := stuckOpenSSL(t, "")
	err := returnsWithin(t, 20*time.Second, "Run of a hung openssl", func() error {
		_, err := Run(context.Background(), cbcCells(t), "3.0.19", Config{Path: path, Seconds: 1, Count: 1, Timeout: 300 * time.Millisecond})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "no answer in 300ms: killed") || errors.Is(err, context.Canceled) {
		t.Errorf("Run of a hung openssl: %v, want it killed at the timeout", err)
	}
}

func TestSpeedTimeoutFollowsTheRun(t *testing.T) {
	if got := speedTimeout(1, 1); got != 63*time.Second {
		t.Errorf("speedTimeout(1 s, 1 size) = %v", got)
	}
	if got := speedTimeout(10, 6); got != 4*time.Minute {
		t.Errorf("speedTimeout(10 s, 6 sizes) = %v", got)
	}
}

// TestVersionKillsAHungOpenSSL: so does openssl version -a.
func TestVersionKillsAHungOpenSSL(t *testing.T) {
	path, _ := stuckOpenSSL(t, "")
	defer func(d time.Duration) { versionTimeout = d }(versionTimeout)
	versionTimeout = 300 * time.Millisecond
	err := returnsWithin(t, 20*time.Second, "Version of a hung openssl", func() error {
		_, err := Version(context.Background(), path, nil)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "version -a: no answer in 300ms: killed") {
		t.Errorf("Version of a hung openssl: %v, want it killed at the timeout", err)
	}
}

// TestInterruptedOpenSSLIsCanceled: an openssl child stopped by a
// cancelled context, or dead of a Ctrl-C of its own (a terminal sends it
// to the whole process group, the child may die before the context is
// cancelled), fails with an error that wraps context.Canceled, which
// aesbench reports as interrupted (exit 130), soon.
func TestInterruptedOpenSSLIsCanceled(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		cancel     bool
	}{
		{"context cancelled", "", true},
		{"child interrupted", "kill -INT $$; sleep 60", false},
		{"child terminated", "kill -TERM $$; sleep 60", false},
	} {
		path, started := stuckOpenSSL(t, tt.body)
		for _, call := range []string{"speed", "version"} {
			os.Remove(started)
			ctx, cancel := context.WithCancel(context.Background())
			if tt.cancel {
				go func() {
					for {
						if _, err := os.Stat(started); err == nil {
							cancel()
							return
						}
						time.Sleep(10 * time.Millisecond)
					}
				}()
			}
			err := returnsWithin(t, 20*time.Second, tt.name+": "+call, func() error {
				if call == "version" {
					_, err := Version(ctx, path, nil)
					return err
				}
				_, err := Run(ctx, cbcCells(t), "3.0.19", Config{Path: path, Seconds: 1, Count: 1})
				return err
			})
			cancel()
			if !errors.Is(err, context.Canceled) {
				t.Errorf("%s: %s: %v, want an error wrapping context.Canceled", tt.name, call, err)
			}
		}
	}
}
