package atomicfile

import "golang.org/x/sys/unix"

// mknodChar makes a character device node (FreeBSD's mknod takes the
// device number as a uint64).
func mknodChar(path string, major, minor uint32) error {
	return unix.Mknod(path, unix.S_IFCHR|0o666, unix.Mkdev(major, minor))
}
