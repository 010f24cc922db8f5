// Package testfs gives tests a directory nothing can be written into,
// even as root, where permission bits stop nobody: aesbench's tests run as
// root on a fresh cloud machine and in CI.
package testfs

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

// ReadOnlyDir returns a new empty directory that cannot be written into
// (ReadOnly).
func ReadOnlyDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	ReadOnly(t, dir)
	return dir
}

// ReadOnly makes dir one that cannot be written into until the test
// ends: as root, a read-only bind mount of it (Linux); otherwise mode
// 0555. It skips the test, visibly, where neither is possible.
func ReadOnly(t testing.TB, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Skipf("SKIP: cannot make %s read-only: %v", dir, err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return
	}
	if err := readOnlyMount(dir); err != nil {
		t.Skipf("SKIP: as root, a read-only directory needs a read-only bind mount, and mount failed: %v", err)
	}
	t.Cleanup(func() { unmount(dir) })
}

// Unwritable is the message of writing into a ReadOnly directory here:
// "read-only file system" as root, "permission denied" otherwise.
func Unwritable() string {
	if os.Geteuid() == 0 {
		return syscall.EROFS.Error()
	}
	return fs.ErrPermission.Error()
}

// IsUnwritable reports whether err is what writing into a ReadOnlyDir
// gives: permission denied, or a read-only file system.
func IsUnwritable(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}
