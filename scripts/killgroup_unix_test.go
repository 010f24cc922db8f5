//go:build unix

package scripts_test

import (
	"os/exec"
	"syscall"
)

// killGroup starts cmd in a process group of its own and makes its cancel
// kill the whole group: a script's subshells (check's $(...), launch.sh's
// slots) must not outlive a script killed at its deadline, blocked on a
// FIFO or reading a device.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
