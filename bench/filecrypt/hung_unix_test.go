//go:build unix

package filecrypt

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
)

// TestRunKillsAHungOpenSSLEnc: an openssl enc that never ends, and has a
// process of its own running, is killed at its timeout with everything
// it started, and the run fails saying so, leaving nothing behind.
func TestRunKillsAHungOpenSSLEnc(t *testing.T) {
	dir := t.TempDir()
	in, _ := writeRandom(t, dir, "in", 1000)
	bin := t.TempDir()
	pids := filepath.Join(bin, "pids")
	script := "#!/bin/sh\nsleep 30 &\necho $! >" + pids + "\nsleep 30\n"
	fake := filepath.Join(bin, "openssl")
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	defer func(f func(int64) time.Duration) { encTimeout = f }(encTimeout)
	encTimeout = func(int64) time.Duration { return time.Second }
	algos, err := bench.ParseAlgos("aes-128-ctr")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Run(context.Background(), []string{in}, algos, Config{Count: 1, OpenSSL: fake})
	if err == nil || !strings.Contains(err.Error(), "openssl enc: no answer in 1s: killed") {
		t.Fatalf("Run(hung openssl) = %v, want its timeout", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("took %v with a 1 s timeout", took)
	}
	b, err := os.ReadFile(pids)
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	if !gone(pid, 5*time.Second) {
		syscall.Kill(pid, syscall.SIGKILL)
		t.Errorf("the process openssl started (%d) outlived its kill", pid)
	}
	assertOnly(t, dir, "in")
}

// gone reports whether process pid ends within d.
func gone(pid int, d time.Duration) bool {
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if syscall.Kill(pid, 0) == syscall.ESRCH {
			return true
		}
	}
	return false
}
