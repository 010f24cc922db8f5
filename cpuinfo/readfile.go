package cpuinfo

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/aesbench/aesbench/internal/regular"
)

// MaxFileSize bounds a cpuinfo file. An x86 processor takes 1.2 KiB of
// /proc/cpuinfo in a small VM and about 2.3 KiB on a big host (1 MB for
// 448 CPUs); 3 KiB leaves room for longer flags and "vmx flags" lines. The
// largest EC2 instances have 1920 vCPUs (under 6 MiB), and a Linux x86
// kernel supports at most 8192 CPUs (NR_CPUS with CONFIG_MAXSMP: 24 MiB);
// 4 MiB would reject real hosts, 32 MiB holds them all. arm64 takes under
// 0.5 KiB a CPU. Anything larger is not a cpuinfo file.
const MaxFileSize = 32 << 20

// ErrNotRegular is wrapped for a path that is not a regular file: a FIFO
// or a terminal can block forever, a device such as /dev/urandom never
// ends.
var ErrNotRegular = regular.ErrNotRegular

// ErrTooLarge is wrapped for a file longer than MaxFileSize.
var ErrTooLarge = fmt.Errorf("larger than %d MiB: not a cpuinfo file", MaxFileSize>>20)

// ReadFile reads a cpuinfo file: a saved dump or /proc/cpuinfo itself
// (regular.ReadFile). It refuses what is not a regular file, without
// blocking on a FIFO, and a file over MaxFileSize; a longer file is an
// error, not a truncation. /proc/cpuinfo, which stat calls a regular file
// of size 0, reads whole. Errors name the path.
func ReadFile(path string) ([]byte, error) {
	data, err := regular.ReadFile(path, MaxFileSize)
	if errors.Is(err, regular.ErrTooLarge) {
		err = ErrTooLarge
	}
	if err != nil {
		return nil, readError(path, err)
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
