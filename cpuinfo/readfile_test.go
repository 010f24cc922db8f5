package cpuinfo

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// readWithin runs read(path) and fails the test if it has not returned
// within a generous bound: a read that blocks (a FIFO's open) must fail
// the test, not hang it.
func readWithin(t *testing.T, read func(string) ([]byte, error), path string) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := read(path)
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("reading %s did not return: it blocks", path)
		return nil, nil
	}
}

// writeFile writes a file in a new temporary directory.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadFile(t *testing.T) {
	knight, err := os.ReadFile(filepath.Join("testdata", "knight.cpuinfo"))
	if err != nil {
		t.Fatal(err)
	}
	// knight.cpuinfo padded with blank lines to n bytes: were the file
	// truncated at the limit, it would still parse and pass the gate.
	padded := func(n int) []byte { return append(bytes.Clone(knight), bytes.Repeat([]byte("\n"), n-len(knight))...) }
	tests := []struct {
		name string
		path string
		want error  // nil: reads the file whole
		msg  string // substring of the error
	}{
		{"saved sample", filepath.Join("testdata", "knight.cpuinfo"), nil, ""},
		{"at the limit", writeFile(t, "limit", padded(MaxFileSize)), nil, ""},
		{"over the limit", writeFile(t, "over", padded(MaxFileSize+1)), ErrTooLarge, "over: larger than 32 MiB"},
		{"directory", t.TempDir(), ErrNotRegular, "not a regular file (a directory)"},
		{"missing", filepath.Join(t.TempDir(), "nope"), fs.ErrNotExist, "no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := readWithin(t, ReadFile, tt.path)
			if tt.want == nil {
				want, rerr := os.ReadFile(tt.path)
				if err != nil || rerr != nil || !bytes.Equal(data, want) {
					t.Fatalf("read %d bytes, err %v; want the file's %d bytes (%v)", len(data), err, len(want), rerr)
				}
				return
			}
			if !errors.Is(err, tt.want) || data != nil {
				t.Fatalf("err %v with %d bytes, want %v", err, len(data), tt.want)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "read cpuinfo "+tt.path+": ") || strings.Count(msg, tt.path) != 1 || !strings.Contains(msg, tt.msg) {
				t.Errorf("error %q: want it to start with %q, name the path once and say %q", msg, "read cpuinfo "+tt.path+": ", tt.msg)
			}
		})
	}
}

// TestFromFileOverLimit: a file over the limit is an error, not the
// verdict on its first MaxFileSize bytes.
func TestFromFileOverLimit(t *testing.T) {
	knight, err := os.ReadFile(filepath.Join("testdata", "knight.cpuinfo"))
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "big.cpuinfo", append(knight, bytes.Repeat([]byte("\n"), MaxFileSize+1-len(knight))...))
	if r, err := FromFile(path); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("FromFile = %v, %v; want ErrTooLarge", r, err)
	}
}

// TestReadProcCPUInfo: stat calls /proc/cpuinfo a regular file of size 0;
// it must still read whole.
func TestReadProcCPUInfo(t *testing.T) {
	const procCPUInfo = "/proc/cpuinfo"
	fi, err := os.Stat(procCPUInfo)
	if err != nil {
		t.Skipf("no %s on this system: %v", procCPUInfo, err)
	}
	data, err := readWithin(t, ReadFile, procCPUInfo)
	if err != nil || len(data) == 0 {
		t.Fatalf("ReadFile(%s): %d bytes, %v (stat: %s, size %d)", procCPUInfo, len(data), err, fi.Mode(), fi.Size())
	}
	if _, err := ParseProcCPUInfo(bytes.NewReader(data)); err != nil && !errors.Is(err, ErrNoFlags) {
		t.Errorf("parse %s: %v", procCPUInfo, err)
	}
	if _, err := FromFile(procCPUInfo); err != nil && !errors.Is(err, ErrNoFlags) {
		t.Errorf("FromFile(%s): %v", procCPUInfo, err)
	}
}
