package atomicfile

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileAtomicLeavesNothingOnError(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/out.json"
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files left, want only the old one", len(entries))
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("path holds %q, want the old contents", b)
	}
}

// TestWriteFileReplacesRegularFileAtomically checks that an existing file
// is replaced by a new one, not rewritten in place: a reader that opened
// the old file still reads all of it, and nothing else is left beside.
func TestWriteFileReplacesRegularFileAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	reader, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if err := WriteFile(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "new")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("path holds %q, want the new contents", b)
	}
	if b, _ := io.ReadAll(reader); string(b) != "old" {
		t.Errorf("a reader of the old file read %q, want all of the old contents", b)
	}
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o644 {
		t.Errorf("path is %v, %v; want a regular file with mode 0644", fi.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left, want only the new one", len(entries))
	}
}

// TestWriteFileRefusesWhatIsNotARegularFile checks that a symbolic link,
// a named pipe, a socket, a device or a directory at path is refused
// before anything is written and left as it was: renaming a file over it
// would replace /dev/stdout's link or /dev/full's node.
func TestWriteFileRefusesWhatIsNotARegularFile(t *testing.T) {
	for _, tt := range specialFiles(t) {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Dir(tt.path)
			before, err := os.Lstat(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			ran := false
			err = WriteFile(tt.path, func(w io.Writer) error {
				ran = true
				_, err := io.WriteString(w, "new")
				return err
			})
			if err == nil || !errors.Is(err, ErrNotRegular) {
				t.Fatalf("err = %v, want one wrapping ErrNotRegular", err)
			}
			if want := "create " + tt.path + ": " + tt.want; err.Error() != want {
				t.Errorf("err = %q, want %q", err, want)
			}
			if ran {
				t.Error("write ran for a path that is refused")
			}
			after, err := os.Lstat(tt.path)
			if err != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
				t.Errorf("%s was replaced: now %v, %v; was %v", tt.path, after.Mode(), err, before.Mode())
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") {
					t.Errorf("left %s behind", e.Name())
				}
			}
		})
	}
}

type specialFile struct {
	name, path string
	want       string // the error after "create PATH: "
}

// specialFiles makes one file of each kind that is not a regular file in
// a temporary directory (those the system cannot make are left out).
func specialFiles(t *testing.T) []specialFile {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out []specialFile
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(target, link); err == nil {
		out = append(out, specialFile{"symlink to a file", link, "not a regular file (a symbolic link)"})
	}
	devLink := filepath.Join(dir, "stdout")
	if err := os.Symlink(os.DevNull, devLink); err == nil {
		out = append(out, specialFile{"symlink to a device", devLink, "not a regular file (a symbolic link)"})
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	out = append(out, specialFile{"directory", sub, "is a directory"})
	sock := filepath.Join(dir, "sock")
	if l, err := net.Listen("unix", sock); err == nil {
		t.Cleanup(func() { l.Close() })
		out = append(out, specialFile{"socket", sock, "not a regular file (a socket)"})
	}
	return append(out, specialFilesOS(t, dir)...)
}
