//go:build unix

package result

import (
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// specialReads makes a named pipe with no writer: opening it for reading
// would wait for one, and reading it would take what a writer sends.
func specialReads(t *testing.T, dir string) []struct{ path, want string } {
	fifo := filepath.Join(dir, "fifo")
	if err := unix.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	return []struct{ path, want string }{{fifo, fifo + ": not an aesbench results file: a named pipe, not a regular file"}}
}
