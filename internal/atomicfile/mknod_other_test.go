//go:build unix && !freebsd

package atomicfile

import "golang.org/x/sys/unix"

// mknodChar makes a character device node.
func mknodChar(path string, major, minor uint32) error {
	return unix.Mknod(path, unix.S_IFCHR|0o666, int(unix.Mkdev(major, minor)))
}
