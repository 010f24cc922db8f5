package cpuinfo

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// MaxFileSize bounds a cpuinfo file. An x86 processor takes 1.2 KiB of
// /proc/cpuinfo in a small VM and about 2.3 KiB on a big host (1 MB for
// 448 CPUs); 3 KiB leaves room for longer flags and "vmx flags" lines. The
// largest EC2 instances have 1920 vCPUs (under 6 MiB), and a Linux x86
// kernel supports at most 8192 CPUs (NR_CPUS with CONFIG_MAXSMP: 24 MiB);
// 4 MiB would reject real hosts, 32 MiB holds them all. arm64 takes under
// 0.5 KiB a CPU. Anything larger is not a cpuinfo file.
const MaxFileSize = 32 << 20

// ErrNotRegular is returned for a path that is not a regular file: a FIFO
// or a terminal can block forever, a device such as /dev/urandom never
// ends.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned for a file longer than MaxFileSize.
var ErrTooLarge = fmt.Errorf("larger than %d MiB: not a cpuinfo file", MaxFileSize>>20)

// ReadFile reads a cpuinfo file: a saved dump or /proc/cpuinfo itself. It
// refuses what is not a regular file, without blocking on a FIFO, and a
// file over MaxFileSize; a longer file is an error, not a truncation.
// /proc/cpuinfo, which stat calls a regular file of size 0, reads whole:
// the limit is on the bytes read, not on the size stat gives. Errors name
// the path.
func ReadFile(path string) ([]byte, error) {
	// Stat first, so that a device is not even opened (opening some has
	// effects); readOpen checks the opened file again, for a path that
	// changed in between.
	fi, err := os.Stat(path)
	if err != nil {
		return nil, readError(path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(path, fi.Mode())
	}
	return readOpen(path)
}

// readOpen opens path without waiting (O_NONBLOCK: a FIFO's open does not
// wait for a writer) and reads it if the opened file is regular.
func readOpen(path string) ([]byte, error) {
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, readError(path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(path, fi.Mode())
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, readError(path, err)
	}
	if len(data) > MaxFileSize {
		return nil, readError(path, ErrTooLarge)
	}
	return data, nil
}

// readError is err as "read cpuinfo PATH: ...", naming the path once.
func readError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		err = pe.Err
	}
	return &fs.PathError{Op: "read cpuinfo", Path: path, Err: err}
}

func notRegular(path string, m fs.FileMode) error {
	return readError(path, fmt.Errorf("%w (a %s)", ErrNotRegular, kind(m)))
}

// kind names the type of a file that is not regular.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "irregular file"
}
