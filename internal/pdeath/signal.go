//go:build linux || freebsd

package pdeath

import "syscall"

// Set has the kernel send sig to the process started with a when the
// thread that started it ends (see the package doc).
func Set(a *syscall.SysProcAttr, sig syscall.Signal) { a.Pdeathsig = sig }
