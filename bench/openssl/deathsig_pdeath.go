//go:build linux || freebsd

package openssl

import "syscall"

// dieWithParent has the kernel kill openssl when aesbench ends without
// killing it (kill -9, a crash), where no context is cancelled: a hung
// or long openssl enc, or openssl speed, ran on without it. The signal
// comes when the thread that started openssl ends, not the process; Go
// ends a thread only when a goroutine locked to it (runtime.LockOSThread)
// returns, and none of those starts openssl. What openssl speed -multi
// forked is not openssl's child alone: it runs to the end of its
// -seconds and then dies writing to the pipe of the parent that is gone.
func dieWithParent(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
