package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
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
	build := []string{"build", "-o", aesbenchBin}
	coverDir := filepath.Join(dir, "cover")
	if mode := testing.CoverMode(); mode != "" {
		// Under -cover the end-to-end runs count too: the binary is
		// built with coverage and every run writes its counters to
		// GOCOVERDIR (unset, the binary would warn on stderr).
		build = append(build, "-cover", "-covermode="+mode)
		if err := errors.Join(os.Mkdir(coverDir, 0o755), os.Setenv("GOCOVERDIR", coverDir)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.RemoveAll(dir)
			os.Exit(1)
		}
	}
	if out, err := exec.Command("go", append(build, ".")...).CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build aesbench: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	if testing.CoverMode() != "" {
		if err := mergeCover(coverDir, filepath.Join(dir, "e2e.cover")); err != nil {
			fmt.Fprintf(os.Stderr, "merge the coverage of the end-to-end runs: %v\n", err)
			code = max(code, 1)
		}
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// mergeCover appends the counters the binary's runs wrote to coverDir to
// the test's -coverprofile, for the packages the profile covers (those
// of -coverpkg), so that go test's report counts them. text is a scratch
// file. Without -coverprofile it does nothing.
func mergeCover(coverDir, text string) error {
	profile := flag.Lookup("test.coverprofile").Value.String()
	if profile == "" {
		return nil
	}
	if out := flag.Lookup("test.outputdir").Value.String(); out != "" && !filepath.IsAbs(profile) {
		profile = filepath.Join(out, profile)
	}
	own, err := os.ReadFile(profile)
	if err != nil {
		return err
	}
	pkgs := map[string]bool{}
	for _, line := range strings.Split(string(own), "\n")[1:] {
		if file, _, ok := strings.Cut(line, ":"); ok {
			pkgs[path.Dir(file)] = true
		}
	}
	if len(pkgs) == 0 {
		return nil
	}
	if out, err := exec.Command("go", "tool", "covdata", "textfmt", "-i="+coverDir, "-o="+text, "-pkg="+strings.Join(slices.Sorted(maps.Keys(pkgs)), ",")).CombinedOutput(); err != nil {
		return fmt.Errorf("go tool covdata: %v\n%s", err, out)
	}
	theirs, err := os.ReadFile(text)
	if err != nil {
		return err
	}
	_, blocks, _ := strings.Cut(string(theirs), "\n") // after the mode line
	f, err := os.OpenFile(profile, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(blocks)
	return errors.Join(err, f.Close())
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
