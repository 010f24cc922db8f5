package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckWritable: CheckWritable fails where WriteFile would, with the
// reason, and passes where it would succeed, making nothing either way.
func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(file, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A link to a directory elsewhere, with a directory x in it.
	elsewhere := t.TempDir()
	if err := os.Mkdir(filepath.Join(elsewhere, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(dir, "dirlink")); err != nil {
		t.Fatal(err)
	}
	// A name the system takes, whose temporary file beside it is too
	// long: a check that made its own kind of temporary name would pass.
	long := strings.Repeat("x", 245) + ".json"
	if f, err := os.Create(filepath.Join(dir, long)); err != nil {
		t.Fatalf("a 250-byte name: %v", err)
	} else {
		f.Close()
		os.Remove(f.Name())
	}
	tests := []struct {
		path string
		want string // a part of the error; "" for none
	}{
		{"new.json", ""},
		{"file", ""}, // a regular file is replaced
		{"missing/deeper/r.json", ""},
		{"sub", "create " + dir + "/sub: is a directory"},
		{"link", "not a regular file (a symbolic link)"},
		{"file/r.json", "cannot write " + dir + "/file/r.json: mkdir " + dir + "/file: not a directory"},
		{"file/a/r.json", "/file/a/r.json: mkdir " + dir + "/file: not a directory"},
		{long, "cannot write " + dir + "/" + long + ": file name too long"},
		// Names only a directory can have, the directory not there yet:
		// run --out newdir/ once measured, then could not save.
		{"newdir/", "cannot write " + dir + "/newdir/: a directory's name, not a file's"},
		{"newdir/.", "a directory's name, not a file's"},
		{"newdir/..", "a directory's name, not a file's"},
		// A ".." the system resolves through a directory that is not
		// there: the cleaned path's walk would pass it.
		{"missing/../r.json", "cannot write " + dir + "/missing/../r.json: no such file or directory"},
		{"file/../r.json", "/file: not a directory"},
		{"sub/../r.json", ""},
		{"dirlink/../r.json", "/dirlink/..: a .. after a symbolic link"},
		{"dirlink/x/../r.json", ""}, // the .. stays within where the link leads
	}
	for _, tt := range tests {
		path := dir + "/" + tt.path // not Join, which would drop a trailing slash
		err := CheckWritable(path)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckWritable(%s) = %v, want nil", tt.path, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("CheckWritable(%s) = %v, want %q", tt.path, err, tt.want)
		}
		if n := len(leftovers(t, dir)); n != 0 {
			t.Errorf("CheckWritable(%s) left %d files", tt.path, n)
		}
		// WriteFile agrees, where the directories exist.
		// (The system writes through the link's "..", where the check
		// refuses what the path's text and the walk read otherwise.)
		if strings.Contains(tt.path, "missing") || strings.HasPrefix(tt.path, "dirlink/..") {
			continue
		}
		werr := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "y"); return err })
		if (werr == nil) != (err == nil) {
			t.Errorf("%s: CheckWritable says %v, WriteFile %v", tt.path, err, werr)
		}
		if errors.Is(err, ErrNotRegular) != errors.Is(werr, ErrNotRegular) {
			t.Errorf("%s: ErrNotRegular from CheckWritable %v, from WriteFile %v", tt.path, err, werr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("CheckWritable made the missing directory: %v", err)
	}
}

// leftovers lists the temporary files under dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".tmp") {
			out = append(out, p)
		}
		return nil
	})
	return out
}
