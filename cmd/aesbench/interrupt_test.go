//go:build unix

package main

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench/filecrypt"
)

// TestE2EInterruptMidSample interrupts a run a second into a 20 s sample:
// it must end with status 130 within a few seconds, not when the sample is
// done, and leave no files, with Go's hardware AES or without (the
// re-executed child of --no-aesni), not even the directory of its
// results (--out into a new one, or the default results/), made only to
// save them.
func TestE2EInterruptMidSample(t *testing.T) {
	for _, tt := range []struct {
		masked bool
		out    []string
	}{{false, []string{"--out", "r.json"}}, {true, []string{"--out", "new/deeper/r.json"}}, {false, []string{"--label", "h"}}} {
		masked := tt.masked
		dir := t.TempDir()
		args := append([]string{"run", "--algos", "aes-256-cbc", "--sizes", "16", "--count", "1", "--time", "20s"}, tt.out...)
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

// slowToStopOpenSSL writes an openssl whose speed starts a process that
// holds its output open (as the processes of openssl speed -multi do),
// touches started and hangs: once killed, aesbench still waits a moment
// for that output. The processes it starts are killed when the test ends.
// The process holding the output runs in a session of its own (setsid),
// beyond the process group that aesbench kills; it is the one that
// touches started, once it is there (touched before its setsid, a kill
// could still reach it, and the run end at the first interrupt).
func slowToStopOpenSSL(t *testing.T) (path, started string) {
	t.Helper()
	if _, err := exec.LookPath("setsid"); err != nil {
		t.Skip("no setsid")
	}
	return fakeOpenSSL(t, false, "setsid ")
}

// fakeOpenSSLThatHangs is an openssl whose speed, and version when
// inVersion, starts a process in the background, touches started and
// hangs.
func fakeOpenSSLThatHangs(t *testing.T, inVersion bool) (path, started string) {
	t.Helper()
	return fakeOpenSSL(t, inVersion, "")
}

// fakeOpenSSL is fakeOpenSSLThatHangs whose background process is
// started by the command prefix launcher ("" for none).
func fakeOpenSSL(t *testing.T, inVersion bool, launcher string) (path, started string) {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	path, started = filepath.Join(dir, "openssl"), filepath.Join(dir, "started")
	pids := filepath.Join(dir, "pids")
	hang := "version"
	if inVersion {
		hang = "hang-in-version"
	}
	script := `#!/bin/sh
case "$1" in
` + hang + `) echo "OpenSSL 3.0.19 27 Jan 2026 (Library: OpenSSL 3.0.19 27 Jan 2026)"; echo "CPUINFO: OPENSSL_ia32cap=0x0:0x0"; exit 0 ;;
esac
echo $$ >> ` + pids + `
` + launcher + `sh -c 'echo $$ >> ` + pids + `; touch ` + started + `; exec sleep 30' &
sleep 30
`
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

// TestE2ESecondInterruptEndsAtOnce interrupts a run twice while it winds
// down from the first interrupt (waiting for an openssl's output): the
// second must end it at once, by the signal, not be ignored.
func TestE2ESecondInterruptEndsAtOnce(t *testing.T) {
	fake, started := slowToStopOpenSSL(t)
	dir := t.TempDir()
	cmd, stderr, done := startBin(t, dir, "run", "--engine", "openssl", "--openssl", fake, "--algos", "aes-256-cbc",
		"--sizes", "16", "--count", "1", "--time", "1s", "--out", "r.json")
	waitStarted(t, started, stderr)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatalf("second interrupt: %v (ended after the first already; stderr:\n%s)", err, stderr)
	}
	select {
	case err := <-done:
		var ee *exec.ExitError
		ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if !errors.As(err, &ee) || !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
			t.Errorf("twice interrupted run: %v, want it killed by the second SIGINT; stderr:\n%s", err, stderr)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("still running 5 s after the second interrupt, stderr:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "r.json")); err == nil {
		t.Error("an interrupted run wrote results")
	}
}

// TestE2EGroupInterruptMaskedFile sends one Ctrl-C as a terminal does, to
// the whole process group, while the masked child of --no-aesni writes a
// ciphertext: the child must wind down as after any first Ctrl-C (the
// parent must not make it a second one) and leave nothing beside the
// input.
func TestE2EGroupInterruptMaskedFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "big.bin")
	data := make([]byte, 48*filecrypt.ChunkSize)
	rand.Read(data)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(aesbenchBin, "run", "--no-aesni", "--algos", "3des-cbc", "--sizes", "8", "--time", "1ms", "--count", "20",
		"--file", in, "--out", filepath.Join(dir, "r.json"))
	cmd.Env = withoutEnv(os.Environ(), "GODEBUG", "AWS_EC2_METADATA_SERVICE_ENDPOINT", maskedChildEnv)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its own group, as a terminal's job
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		m, _ := filepath.Glob(filepath.Join(dir, ".big.bin.aesbench-*"))
		if len(m) > 0 {
			if fi, err := os.Stat(m[0]); err == nil && fi.Size() > 0 {
				break
			}
		}
	}
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("interrupted run: %v, stderr:\n%s", err, stderr.String())
	}
	assertNoStrayFiles(t, dir, "big.bin")
}

// TestE2EInterruptOpenSSL interrupts a run while its openssl works: while
// openssl version -a hangs, by a SIGINT to aesbench alone (it ended with
// status 1, "signal: killed"), and while openssl speed runs, by one Ctrl-C
// as a terminal sends it, to the whole process group (the openssl dies of
// it, often before aesbench's context is cancelled). Either way aesbench
// must end as interrupted (130), not as failed (1), and no process that
// openssl started may outlive it.
func TestE2EInterruptOpenSSL(t *testing.T) {
	for _, inVersion := range []bool{true, false} {
		fake, started := fakeOpenSSLThatHangs(t, inVersion)
		dir := t.TempDir()
		cmd := exec.Command(aesbenchBin, "run", "--engine", "openssl", "--openssl", fake, "--algos", "aes-256-cbc",
			"--sizes", "16", "--count", "1", "--time", "1s", "--out", "r.json")
		cmd.Env = withoutEnv(os.Environ(), "GODEBUG", "AWS_EC2_METADATA_SERVICE_ENDPOINT", maskedChildEnv)
		cmd.Dir = dir
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its own group, as a terminal's job
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		waitStarted(t, started, &stderr)
		to := -cmd.Process.Pid // the group
		if inVersion {
			to = cmd.Process.Pid
		}
		if err := syscall.Kill(to, syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 130 || !strings.Contains(stderr.String(), "aesbench: interrupted") {
			t.Errorf("interrupted in version %v: %v, stderr:\n%s", inVersion, err, stderr.String())
		}
		// What openssl started dies with it (openssl speed -multi's
		// processes), whether the Ctrl-C reached the group or aesbench
		// alone: a background process of sh ignores SIGINT.
		b, _ := os.ReadFile(filepath.Join(filepath.Dir(fake), "pids"))
		for _, f := range strings.Fields(string(b)) {
			pid, _ := strconv.Atoi(f)
			for deadline := time.Now().Add(5 * time.Second); pid > 0 && syscall.Kill(pid, 0) != syscall.ESRCH; time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Errorf("interrupted in version %v: process %d that openssl started outlived aesbench", inVersion, pid)
					break
				}
			}
		}
		assertNoStrayFiles(t, dir)
	}
}

// TestE2EKillLeavesNoOpenSSL kills a run with kill -9 while its openssl
// speed hangs: no context is cancelled and no group killed, yet the
// openssl must die with aesbench (where the kernel can see to it), not
// run on. Before, it ran to its end (here 30 s).
func TestE2EKillLeavesNoOpenSSL(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		t.Skip("the kernel kills a child with its parent on Linux and FreeBSD only")
	}
	fake, started := fakeOpenSSLThatHangs(t, false)
	cmd, stderr, done := startBin(t, t.TempDir(), "run", "--engine", "openssl", "--openssl", fake, "--algos", "aes-256-cbc",
		"--sizes", "16", "--count", "1", "--time", "1s", "--out", "r.json")
	waitStarted(t, started, stderr)
	// The fake's pids: its own (openssl's) first, then its background
	// process's, which is openssl's child and not ours to judge.
	b, err := os.ReadFile(filepath.Join(filepath.Dir(fake), "pids"))
	if err != nil {
		t.Fatal(err)
	}
	openssl, err := strconv.Atoi(strings.Fields(string(b))[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-done
	for deadline := time.Now().Add(5 * time.Second); alive(openssl); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("openssl (pid %d) outlived aesbench's kill -9 by 5 s", openssl)
		}
	}
}

// TestE2EKillLeavesNoWorker: a kill -9 of a run --interleave ends its
// worker processes too, mid-sample (the kernel's parent-death signal, a
// terminate, which a worker heeds as Ctrl-C), where they once ran out
// their samples of --time, here a minute, and any openssl with them.
func TestE2EKillLeavesNoWorker(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		t.Skip("the kernel signals a child at its parent's end on Linux and FreeBSD only")
	}
	if _, err := exec.LookPath("pgrep"); err != nil {
		t.Skip("no pgrep to find the workers")
	}
	cmd, stderr, done := startBin(t, t.TempDir(), "run", "--interleave", "same", "--algos", "aes-128-ctr",
		"--sizes", "16", "--count", "4", "--time", "1m", "--out", "r.json")
	var workers []int
	for deadline := time.Now().Add(20 * time.Second); len(workers) < 2; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no two workers after 20 s (%v), stderr:\n%s", workers, stderr)
		}
		out, _ := exec.Command("pgrep", "-P", strconv.Itoa(cmd.Process.Pid)).Output()
		workers = workers[:0]
		for _, f := range strings.Fields(string(out)) {
			if pid, err := strconv.Atoi(f); err == nil {
				workers = append(workers, pid)
			}
		}
	}
	time.Sleep(time.Second) // into their first samples
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-done
	for _, w := range workers {
		for deadline := time.Now().Add(5 * time.Second); alive(w); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				syscall.Kill(w, syscall.SIGKILL)
				t.Fatalf("worker (pid %d) outlived aesbench's kill -9 by 5 s", w)
			}
		}
	}
}

// alive reports whether process pid runs: it exists and is not a zombie
// that no one has reaped yet, as /proc tells or, without it (FreeBSD
// seldom mounts one, and its has no stat file), ps.
func alive(pid int) bool {
	if syscall.Kill(pid, 0) == syscall.ESRCH {
		return false
	}
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		return aliveByPS(pid)
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return !os.IsNotExist(err) // gone since the signal
	}
	// pid (comm) state ...: comm may hold spaces and parentheses.
	if i := bytes.LastIndexByte(b, ')'); i >= 0 && i+2 < len(b) {
		return b[i+2] != 'Z'
	}
	return true
}

// aliveByPS is alive's answer from ps: alive when ps cannot tell.
func aliveByPS(pid int) bool {
	out, err := exec.Command("ps", "-o", "state=", "-p", strconv.Itoa(pid)).Output()
	state := strings.TrimSpace(string(out))
	var ee *exec.ExitError
	if errors.As(err, &ee) && state == "" {
		return false // no such process
	}
	return !strings.HasPrefix(state, "Z")
}

// TestAlive: alive, which the kill tests rest on, tells a running
// process from a zombie and from one gone, by /proc and by ps (once it
// took any process for dead where there is no /proc/PID/stat, and the
// kill -9 test could not fail on FreeBSD).
func TestAlive(t *testing.T) {
	if _, err := exec.LookPath("ps"); err != nil {
		t.Skip("no ps")
	}
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Skip(err)
	}
	pid := cmd.Process.Pid
	defer cmd.Process.Kill()
	check := func(what string, want bool) {
		t.Helper()
		if got := alive(pid); got != want {
			t.Errorf("%s: alive = %v, want %v", what, got, want)
		}
		if got := aliveByPS(pid); got != want {
			t.Errorf("%s: aliveByPS = %v, want %v", what, got, want)
		}
	}
	check("running", true)
	cmd.Process.Kill()
	// A zombie until it is waited for.
	for deadline := time.Now().Add(5 * time.Second); aliveByPS(pid) && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	check("killed, not yet reaped", false)
	cmd.Wait()
	check("reaped", false)
}

// waitStarted waits up to 20 s for a fake openssl to touch started, and
// fails the test, with aesbench's stderr, if it never does.
func waitStarted(t *testing.T, started string, stderr *bytes.Buffer) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(started); err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("openssl never started, stderr:\n%s", stderr)
		}
	}
}
