//go:build unix

package openssl

import (
	"os/exec"
	"syscall"

	"github.com/aesbench/aesbench/internal/pdeath"
)

// ownGroup starts cmd as the leader of a process group of its own and
// makes its cancellation kill the whole group (see Command), and has it
// killed when aesbench ends without a cancellation (pdeath). What
// openssl speed -multi forked is openssl's child, not aesbench's: it
// runs to the end of its -seconds and then dies writing to the pipe of
// the parent that is gone.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	pdeath.Set(cmd.SysProcAttr, syscall.SIGKILL)
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
