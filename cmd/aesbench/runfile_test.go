package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench/filecrypt"
	"github.com/aesbench/aesbench/bench/result"
)

func TestRunFileBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good")
	if err := os.WriteFile(good, []byte("some log lines\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := []string{"run", "--time", "1ms", "--count", "1", "--sizes", "16", "--out", filepath.Join(dir, "r.json")}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing", []string{"--file", filepath.Join(dir, "nope")}, 1, "no such file"},
		{"directory", []string{"--file", dir}, 1, "is a directory"},
		{"empty", []string{"--file", empty}, 1, "is empty, nothing to encrypt"},
		{"second of two missing", []string{"--file", good, "--file", filepath.Join(dir, "nope")}, 1, "nope: not a file to measure: no such file"},
		{"cold without file", []string{"--cold"}, 2, "--cold and --fsync need --file"},
		{"fsync without file", []string{"--fsync"}, 2, "--cold and --fsync need --file"},
	}
	if os.Geteuid() != 0 {
		unreadable := filepath.Join(dir, "unreadable")
		if err := os.WriteFile(unreadable, []byte("x"), 0o000); err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct {
			name string
			args []string
			code int
			want string
		}{"unreadable", []string{"--file", unreadable}, 1, "permission denied"})
	} else {
		t.Run("unreadable", func(t *testing.T) {
			t.Skip("SKIP as root: permission bits do not stop root's reads (TestCPUInfoNotRegular reads an unreadable file as nobody)")
		})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), append(append([]string{}, base...), tt.args...), &out, &errb)
			var msg bytes.Buffer
			code := exitCode(err, &msg)
			if code != tt.code || !strings.Contains(msg.String(), tt.want) || strings.Count(msg.String(), "\n") != 1 {
				t.Errorf("code %d, error %q; want code %d and one line saying %q", code, msg.String(), tt.code, tt.want)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := e.Name(); n != "empty" && n != "good" && n != "unreadable" {
			t.Errorf("stray file %s", n)
		}
	}
}

func TestRunFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "app.log.gz")
	data := make([]byte, 2*filecrypt.ChunkSize+7)
	rand.Read(data)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res := filepath.Join(dir, "r.json")
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"run", "--time", "1ms", "--count", "2", "--sizes", "16",
		"--algos", "aes-256-cbc,aes-256-gcm,aes-256-xts", "--file", in, "--fsync", "--out", res}, &out, &errb)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "Whole files:") || !strings.Contains(out.String(), in) {
		t.Errorf("no file table on stdout:\n%s", out.String())
	}
	if !strings.Contains(errb.String(), "skipping aes-256-xts") {
		t.Errorf("no note about XTS on stderr:\n%s", errb.String())
	}
	r, err := result.Read(res)
	if err != nil {
		t.Fatal(err)
	}
	var goAlgos []string
	for _, m := range r.Files {
		if !m.Verified || !m.Fsync || m.Cold || len(m.SamplesSeconds) != 2 || m.Bytes != int64(len(data)) {
			t.Errorf("%s/%s: %+v", m.Algo, m.Engine, m)
		}
		if m.Engine == "go" {
			goAlgos = append(goAlgos, m.Algo)
		}
	}
	if strings.Join(goAlgos, ",") != "aes-256-cbc,aes-256-gcm" {
		t.Errorf("go file measurements of %v, want aes-256-cbc and aes-256-gcm", goAlgos)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := e.Name(); n != "app.log.gz" && n != "r.json" {
			t.Errorf("stray file %s", n)
		}
	}
}

// TestE2EFileInterruptLeavesNothing stops aesbench run --file with Ctrl-C
// while a ciphertext is being written (by Go or by openssl enc): it must
// exit 130 and leave nothing beside the input, nor a results file.
func TestE2EFileInterruptLeavesNothing(t *testing.T) {
	bin := aesbenchBin
	dir := t.TempDir()
	in := filepath.Join(dir, "big.bin")
	data := make([]byte, 48*filecrypt.ChunkSize)
	rand.Read(data)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run", "--algos", "3des-cbc", "--sizes", "8", "--time", "1ms", "--count", "20",
		"--file", in, "--out", filepath.Join(dir, "r.json"))
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait for a ciphertext to appear, then interrupt.
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(dir, ".big.bin.aesbench-*")); len(m) > 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("interrupted run: %v, stderr:\n%s", err, stderr.String())
	}
	assertNoStrayFiles(t, dir, "big.bin")
}
