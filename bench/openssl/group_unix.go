//go:build unix

package openssl

import (
	"os/exec"
	"syscall"
)

// ownGroup starts cmd as the leader of a process group of its own and
// makes its cancellation kill the whole group (see Command), and has it
// killed when aesbench ends without a cancellation (dieWithParent).
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	dieWithParent(cmd.SysProcAttr)
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
