//go:build unix

package cpuinfo

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadFileNotRegular: a FIFO (whose open waits for a writer), a
// character device (endless) and a socket are refused at once, naming the
// path. (internal/regular tests the open-then-fstat half alone, for a path
// that becomes a FIFO after the stat.)
func TestReadFileNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	tests := []struct {
		name string
		read func(string) ([]byte, error)
		path string
		kind string
	}{
		{"fifo", ReadFile, fifo, "named pipe"},
		{"dev zero", ReadFile, "/dev/zero", "character device"},
		{"dev urandom", ReadFile, "/dev/urandom", "character device"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skipf("%v", err)
			}
			data, err := readWithin(t, tt.read, tt.path)
			if !errors.Is(err, ErrNotRegular) || data != nil {
				t.Fatalf("err %v with %d bytes, want ErrNotRegular", err, len(data))
			}
			if want := "read cpuinfo " + tt.path + ": not a regular file (a " + tt.kind + ")"; err.Error() != want {
				t.Errorf("error %q, want %q", err, want)
			}
			if _, err := FromFile(tt.path); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), tt.path) {
				t.Errorf("FromFile: %v, want ErrNotRegular naming the path", err)
			}
		})
	}
}
