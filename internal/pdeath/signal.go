//go:build linux || freebsd

package pdeath

import "syscall"

// Set has the kernel send sig to the process started with a when its
// parent ends: on Linux, the thread that started it (see the package
// doc).
func Set(a *syscall.SysProcAttr, sig syscall.Signal) { a.Pdeathsig = sig }
