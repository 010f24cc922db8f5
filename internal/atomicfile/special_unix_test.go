//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// specialFilesOS makes a named pipe, and as root a device node like
// /dev/null's (a test never writes near the real one).
func specialFilesOS(t *testing.T, dir string) []specialFile {
	var out []specialFile
	fifo := filepath.Join(dir, "fifo")
	if err := unix.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	out = append(out, specialFile{"named pipe", fifo, "not a regular file (a named pipe)"})
	null := filepath.Join(dir, "null")
	if err := mknodChar(null, 1, 3); err == nil {
		out = append(out, specialFile{"device", null, "not a regular file (a character device)"})
	} else if os.Geteuid() == 0 {
		t.Logf("no device node: %v", err)
	}
	return out
}
