//go:build unix

package regular

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRefusesWhatIsNotRegular: a named pipe (whose open waits for a
// writer), an endless device and a directory are refused at once, by the
// stat and, for a path that changed after it, by the opened file's own
// stat; a file over the limit is refused, not cut; one at the limit and
// /proc/cpuinfo (size 0 to stat) read whole.
func TestRefusesWhatIsNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	at := filepath.Join(dir, "at")
	os.WriteFile(at, []byte("12345"), 0o644)
	tests := []struct {
		name string
		read func(string, int64) ([]byte, error)
		path string
		is   error
		want string
	}{
		{"fifo", ReadFile, fifo, ErrNotRegular, "not a regular file (a named pipe)"},
		{"fifo after the stat", readOpen, fifo, ErrNotRegular, "not a regular file (a named pipe)"},
		{"device", ReadFile, "/dev/zero", ErrNotRegular, "not a regular file (a character device)"},
		{"device after the stat", readOpen, "/dev/urandom", ErrNotRegular, "not a regular file (a character device)"},
		{"directory", ReadFile, dir, ErrNotRegular, "not a regular file (a directory)"},
		{"over the limit", func(p string, _ int64) ([]byte, error) { return ReadFile(p, 4) }, at, ErrTooLarge, "too large: over 4 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				data, err := tt.read(tt.path, 1<<20)
				if data != nil {
					err = errors.New("read data")
				}
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
					t.Errorf("err %v, want %v with %q naming the path", err, tt.is, tt.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("still reading after 5 s")
			}
		})
	}
	if data, err := ReadFile(at, 5); err != nil || string(data) != "12345" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
	if data, err := ReadFile("/proc/cpuinfo", 64<<20); err == nil && len(data) == 0 {
		t.Error("/proc/cpuinfo read empty")
	}
}
