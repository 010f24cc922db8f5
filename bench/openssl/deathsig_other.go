//go:build unix && !linux && !freebsd

package openssl

import "syscall"

// dieWithParent: only Linux and FreeBSD can have openssl killed when
// aesbench ends without killing it.
func dieWithParent(*syscall.SysProcAttr) {}
