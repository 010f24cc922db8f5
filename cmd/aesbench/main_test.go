package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// aesbenchBin is the aesbench binary that TestMain builds once for the
// end-to-end tests.
var aesbenchBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "aesbench-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	aesbenchBin = filepath.Join(dir, "aesbench")
	if out, err := exec.Command("go", "build", "-o", aesbenchBin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build aesbench: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBin runs the built binary with args and extra environment settings
// (NAME=value) in a fresh directory and returns its stdout, stderr and exit
// status.
func runBin(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runBinIn(t, t.TempDir(), env, args...)
}

// runBinIn is runBin in the directory dir. GODEBUG and the metadata
// endpoint of the test's own environment are dropped, so that only env
// sets them.
func runBinIn(t *testing.T, dir string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(aesbenchBin, args...)
	cmd.Env = append(withoutEnv(os.Environ(), "GODEBUG", "AWS_EC2_METADATA_SERVICE_ENDPOINT", maskedChildEnv), env...)
	cmd.Dir = dir
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
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
