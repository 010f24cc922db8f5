package logs

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/internal/testfs"
)

// dirNames lists dir, to check that nothing was left behind.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "access.log.gz")
	opt := Options{Size: 50_000, Seed: 3}
	st, err := WriteFile(context.Background(), path, opt)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := generate(t, opt)
	if string(got) != string(want) {
		t.Errorf("WriteFile wrote other bytes than Generate")
	}
	gunzip(t, got, st)
	if names := dirNames(t, dir); !slices.Equal(names, []string{"access.log.gz"}) {
		t.Errorf("directory holds %q, want only access.log.gz", names)
	}
	if fi, err := os.Stat(path); err == nil && runtime.GOOS != "windows" && fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}

	// Again over the existing file, smaller.
	opt.Size = 2000
	if st, err = WriteFile(context.Background(), path, opt); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != st.Compressed {
		t.Errorf("after rewriting: %v, %v; want %d bytes", fi, err, st.Compressed)
	}
}

func TestWriteFileCanceled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "access.log.gz")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	sawTemp := false
	_, err := WriteFile(ctx, path, Options{Size: 20 << 20, Progress: func(done, total int64) {
		sawTemp = len(dirNames(t, dir)) == 2
		cancel() // as Ctrl-C does
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("WriteFile canceled: %v, want context.Canceled", err)
	}
	if !sawTemp {
		t.Errorf("no temporary file while writing")
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"access.log.gz"}) {
		t.Errorf("directory holds %q after cancel, want only the old file", names)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("old file replaced by %d bytes", len(b))
	}
}

// errUnwritable stands for testfs.IsUnwritable's errors in a table.
var errUnwritable = errors.New("unwritable")

func TestWriteFileFails(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	readOnly := filepath.Join(dir, "ro")
	if err := os.Mkdir(readOnly, 0o755); err != nil {
		t.Fatal(err)
	}
	testfs.ReadOnly(t, readOnly)
	tests := []struct {
		name, path string
		is         error // what the error wraps, if anything in particular
		skip       bool
	}{
		{"missing directory", filepath.Join(dir, "missing", "x.log.gz"), fs.ErrNotExist, false},
		{"parent is a file", filepath.Join(file, "x.log.gz"), nil, false},
		{"path is a directory", readOnly, nil, false},
		// Windows has no read-only directories.
		{"unwritable directory", filepath.Join(readOnly, "x.log.gz"), errUnwritable, runtime.GOOS == "windows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip {
				t.Skip("cannot make a directory unwritable here")
			}
			_, err := WriteFile(context.Background(), tt.path, Options{Size: 5000})
			if err == nil {
				t.Fatalf("WriteFile(%s) succeeded", tt.path)
			}
			if tt.is == errUnwritable && !testfs.IsUnwritable(err) || tt.is != nil && tt.is != errUnwritable && !errors.Is(err, tt.is) {
				t.Errorf("error %v, want one wrapping %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.path) || strings.Contains(err.Error(), ".tmp") {
				t.Errorf("error %q should name %s and not the temporary file", err, tt.path)
			}
			if names := dirNames(t, dir); !slices.Equal(names, []string{"file", "ro"}) {
				t.Errorf("left %q behind", names)
			}
			if names := dirNames(t, readOnly); len(names) != 0 {
				t.Errorf("left %q behind", names)
			}
		})
	}
}

func TestWriteFileBadOptions(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteFile(context.Background(), filepath.Join(dir, "x.log.gz"), Options{Size: 10}); err == nil {
		t.Errorf("WriteFile with Size 10 succeeded")
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("left %q behind", names)
	}
}
