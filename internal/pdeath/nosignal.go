//go:build !linux && !freebsd

package pdeath

import "syscall"

// Set does nothing here: the system has no parent-death signal.
func Set(*syscall.SysProcAttr, syscall.Signal) {}
