package filecrypt

import (
	"fmt"
	"os"
	"unsafe"

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

// evict drops path's cached pages, so that the next read comes from the
// disk, and returns the share of its pages still cached afterwards. It
// needs no privilege. Its dirty pages are written back first: the page
// cache drops only clean ones, and a file just written (aesbench logs)
// kept half of them. A filesystem that lives in memory (tmpfs) keeps them
// all.
func evict(path string) (float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fd := int(f.Fd())
	if err := unix.Fdatasync(fd); err != nil {
		return 0, fmt.Errorf("evict %s from the page cache: write back: %w", path, err)
	}
	if err := unix.Fadvise(fd, 0, 0, unix.FADV_DONTNEED); err != nil {
		return 0, fmt.Errorf("evict %s from the page cache: %w", path, err)
	}
	cached, err := cachedShare(f)
	if err != nil {
		return 0, fmt.Errorf("evict %s from the page cache: %w", path, err)
	}
	return cached, nil
}

// cachedShare is the share of f's pages in the page cache, by mincore(2)
// over a mapping of f, which reads none of them in.
func cachedShare(f *os.File) (float64, error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if fi.Size() == 0 {
		return 0, nil
	}
	m, err := unix.Mmap(int(f.Fd()), 0, int(fi.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return 0, fmt.Errorf("mmap: %w", err)
	}
	defer unix.Munmap(m)
	page := os.Getpagesize()
	vec := make([]byte, (len(m)+page-1)/page)
	// x/sys/unix has no Mincore wrapper on Linux.
	if _, _, e := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&m[0])), uintptr(len(m)), uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
		return 0, fmt.Errorf("mincore: %w", e)
	}
	n := 0
	for _, v := range vec {
		n += int(v & 1)
	}
	return float64(n) / float64(len(vec)), nil
}
