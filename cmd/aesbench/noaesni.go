package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/aesbench/aesbench/cpuinfo"
)

// maskedChildEnv marks the process that rerunMasked started, so that it
// measures instead of starting another.
const maskedChildEnv = "AESBENCH_MASKED_CHILD"

func maskedChild() bool { return os.Getenv(maskedChildEnv) == "1" }

// rerunMasked runs this command again in a child process whose GODEBUG
// turns off Go's hardware AES: the runtime reads GODEBUG's cpu options
// only at process start, so a running process cannot mask itself. The
// child's output is this command's output; its exit status is returned.
func rerunMasked(ctx context.Context, arch string, args []string, stdout, stderr io.Writer) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("run: --no-aesni: %w", err)
	}
	cmd := exec.CommandContext(ctx, self, append([]string{"run"}, args...)...)
	cmd.Env = append(maskedEnv(arch), maskedChildEnv+"=1")
	cmd.Stdout, cmd.Stderr = stdout, stderr
	// When we are interrupted, the child is told by the end of its stdin,
	// not by a signal: a Ctrl-C at a terminal reaches it already, and a
	// second signal would end it at once, before it cleans up. The end
	// comes too when we die, by a second Ctrl-C or any other way.
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("run: --no-aesni: %w", err)
	}
	cmd.Cancel = stdin.Close
	cmd.WaitDelay = 10 * time.Second
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ee) && ee.ExitCode() > 0:
		return exitStatus{code: ee.ExitCode(), quiet: true} // the child said why, "interrupted" too
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return fmt.Errorf("run: --no-aesni: %w", err)
}

// maskedEnv is this process's environment with Go's hardware AES turned
// off for arch: the user's GODEBUG is kept, with the mask after it, so
// that the mask wins (later settings win). maskedChildEnv is dropped.
func maskedEnv(arch string) []string {
	godebug := cpuinfo.MaskAESNI(arch)
	if prev := os.Getenv("GODEBUG"); prev != "" {
		godebug = prev + "," + godebug
	}
	return append(withoutEnv(os.Environ(), "GODEBUG", maskedChildEnv), "GODEBUG="+godebug)
}

// withoutEnv drops the named variables from env.
func withoutEnv(env []string, names ...string) []string {
	var out []string
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		drop := false
		for _, n := range names {
			drop = drop || k == n
		}
		if !drop {
			out = append(out, kv)
		}
	}
	return out
}
