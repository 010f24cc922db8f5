package main

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestE2EKillMidFileLeavesNothing kills a run with kill -9 while it
// writes a file's ciphertext beside the input (seen among its open files
// in /proc): no handler runs, yet the directory must hold the input
// alone, since the ciphertext lost its name as it was made.
func TestE2EKillMidFileLeavesNothing(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("needs /proc to see the run's open files")
	}
	dir := t.TempDir()
	data := make([]byte, 8<<20) // 3DES: about a quarter of a second a run
	rand.Read(data)
	if err := os.WriteFile(filepath.Join(dir, "in.log"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd, stderr, done := startBin(t, dir, "run", "--algos", "3des-cbc", "--sizes", "16", "--count", "40",
		"--time", "10ms", "--file", "in.log", "--out", "r.json")
	fds := filepath.Join("/proc", strconv.Itoa(cmd.Process.Pid), "fd")
	deadline := time.Now().Add(60 * time.Second)
	for !holdsCiphertext(fds) {
		select {
		case err := <-done:
			t.Fatalf("the run ended (%v) before it was seen writing a ciphertext:\n%s", err, stderr)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no ciphertext open after 60 s:\n%s", stderr)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-done
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "in.log" {
			t.Errorf("kill -9 left %s in the input's directory", e.Name())
		}
	}
}

// holdsCiphertext reports whether a process, by its /proc fd directory,
// has a file's ciphertext (.NAME.aesbench-*.tmp) open.
func holdsCiphertext(fds string) bool {
	entries, err := os.ReadDir(fds)
	if err != nil {
		return false
	}
	for _, e := range entries {
		target, err := os.Readlink(filepath.Join(fds, e.Name()))
		if err == nil && strings.Contains(target, "/.in.log.aesbench-") {
			return true
		}
	}
	return false
}
