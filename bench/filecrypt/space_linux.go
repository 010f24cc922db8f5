package filecrypt

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// statFree is the space an unprivileged user may still use in dir.
func statFree(dir string) (uint64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return st.Bavail * uint64(st.Bsize), nil
}

// evict drops path's cached pages, so the next read comes from the disk.
// It needs no privilege; on filesystems that live in memory (tmpfs) it
// has no effect.
func evict(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED); err != nil {
		return fmt.Errorf("evict %s from the page cache: %w", path, err)
	}
	return nil
}
