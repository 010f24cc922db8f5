package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// startBin starts the built binary with args in dir, its stderr into the
// returned buffer, and returns a channel that gets its Wait error.
func startBin(t *testing.T, dir string, args ...string) (*exec.Cmd, *bytes.Buffer, <-chan error) {
	t.Helper()
	cmd := exec.Command(aesbenchBin, args...)
	cmd.Env = withoutEnv(os.Environ(), "GODEBUG", "AWS_EC2_METADATA_SERVICE_ENDPOINT", maskedChildEnv)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-done
		}
	})
	return cmd, &stderr, done
}

// TestE2EInterruptMidSample interrupts a run a second into a 20 s sample:
// it must end with status 130 within a few seconds, not when the sample is
// done, and leave no files, with Go's hardware AES or without (the
// re-executed child of --no-aesni).
func TestE2EInterruptMidSample(t *testing.T) {
	for _, masked := range []bool{false, true} {
		dir := t.TempDir()
		args := []string{"run", "--algos", "aes-256-cbc", "--sizes", "16", "--count", "1", "--time", "20s", "--out", "r.json"}
		if masked {
			args = append(args, "--no-aesni")
		}
		cmd, stderr, done := startBin(t, dir, args...)
		time.Sleep(time.Second)
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatal(err)
		}
		sent := time.Now()
		select {
		case err := <-done:
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 130 || !strings.Contains(stderr.String(), "aesbench: interrupted") {
				t.Errorf("masked=%v: interrupted run: %v, stderr:\n%s", masked, err, stderr)
			}
			t.Logf("masked=%v: ended %v after the interrupt", masked, time.Since(sent).Round(time.Millisecond))
		case <-time.After(5 * time.Second):
			t.Fatalf("masked=%v: still running 5 s after the interrupt, stderr:\n%s", masked, stderr)
		}
		assertNoStrayFiles(t, dir)
	}
}
