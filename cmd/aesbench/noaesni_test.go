package main

import (
	"bufio"
	"encoding/json"
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

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/cpuinfo"
)

// TestE2ERunNoAESNIWinsOverTheUsersGODEBUG runs --no-aesni under a
// GODEBUG that turns the AES features back on: the mask goes after the
// user's settings, which the runtime reads in order, so the mask wins and
// the user's other settings stay.
func TestE2ERunNoAESNIWinsOverTheUsersGODEBUG(t *testing.T) {
	user := "cpu.aes=on,cpu.pclmulqdq=on,cpu.pmull=on,madvdontneed=1"
	out, errOut, code := runBin(t, []string{"GODEBUG=" + user}, "run", "--no-aesni", "--algos", "aes-128-ctr", "--sizes", "64", "--count", "1", "--time", "2ms", "--json", "--out", "masked.json")
	if code != 0 {
		t.Fatalf("run --no-aesni under GODEBUG=%s: code %d\n%s\n%s", user, code, out, errOut)
	}
	var res result.Results
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	if want := user + "," + cpuinfo.MaskAESNI(runtime.GOARCH); res.GODEBUG != want {
		t.Errorf("child's GODEBUG %q, want %q", res.GODEBUG, want)
	}
	if !res.AESNIMasked || res.Probe == nil || res.Probe.Go.HardwareAES || res.Probe.Go.HardwareGCM {
		t.Errorf("masked run: aesni_masked %v, probe %+v", res.AESNIMasked, res.Probe)
	}
}

// TestE2ERunNoAESNIPassesOnTheChildsStatus stops only the masked child
// of run --no-aesni, as a supervisor that signals it might: the parent
// exits with the child's status (130, interrupted), not a plain failure.
func TestE2ERunNoAESNIPassesOnTheChildsStatus(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("finds the child through /proc")
	}
	dir := t.TempDir()
	cmd := exec.Command(aesbenchBin, "run", "--no-aesni", "--time", "1s", "--count", "20", "--out", "r.json")
	cmd.Dir = dir
	cmd.Env = withoutEnv(os.Environ(), "GODEBUG", maskedChildEnv)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	// The child's first progress line says it is measuring, its signal
	// handling long set up.
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var said []string
	for line := range lines {
		said = append(said, line)
		if strings.Contains(line, "%") {
			break
		}
	}
	pid := cmd.Process.Pid
	var child int
	// Any of the parent's threads may have started it.
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", pid))
	for _, task := range tasks {
		b, _ := os.ReadFile(task)
		if f := strings.Fields(string(b)); len(f) > 0 {
			child, _ = strconv.Atoi(f[0])
		}
	}
	if child == 0 {
		t.Fatalf("run --no-aesni: no child measuring; stderr:\n%s", strings.Join(said, "\n"))
	}
	p, err := os.FindProcess(child)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for line := range lines {
		said = append(said, line)
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 || !strings.Contains(strings.Join(said, "\n"), "interrupted") {
		t.Errorf("child stopped: parent %v, stderr:\n%s", err, strings.Join(said, "\n"))
	}
	assertNoStrayFiles(t, dir)
}
