package atomicfile

import (
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// oldSet makes dir hold a.png, b.png and report.md, each saying "old".
func oldSet(t *testing.T) (dir string) {
	dir = t.TempDir()
	for _, n := range []string{"a.png", "b.png", "report.md"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// contents returns each file of dir by name, and fails the test on a
// directory or other file that is not regular.
func contents(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			t.Errorf("%s left in %s", e.Name(), dir)
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func says(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

func TestWriteFilesReplacesTheSet(t *testing.T) {
	dir := oldSet(t)
	err := WriteFiles(dir, []File{{"a.png", says("new a")}, {"c.png", says("new c")}, {"report.md", says("new report")}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a.png": "new a", "b.png": "old", "c.png": "new c", "report.md": "new report"}
	if got := contents(t, dir); !maps.Equal(got, want) {
		t.Errorf("dir holds %q, want %q", got, want)
	}
	if fi, err := os.Stat(filepath.Join(dir, "c.png")); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("c.png: %v, %v; want mode 0644", fi.Mode(), err)
	}
}

// TestWriteFilesFailingMidwayLeavesTheOldSet is a report into a full
// disk: the second of three files fails as a full disk would, after the
// first was written in full. The old set must be left whole, with none
// of the new files beside it (it was a mix of old and new charts).
func TestWriteFilesFailingMidwayLeavesTheOldSet(t *testing.T) {
	dir := oldSet(t)
	full := func(w io.Writer) error {
		io.WriteString(w, "half")
		return &os.PathError{Op: "write", Path: "/tmp/whatever", Err: syscall.ENOSPC}
	}
	ran := 0
	count := func(write func(io.Writer) error) func(io.Writer) error {
		return func(w io.Writer) error { ran++; return write(w) }
	}
	err := WriteFiles(dir, []File{{"a.png", count(says("new a"))}, {"c.png", count(full)}, {"report.md", count(says("new report"))}})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want ENOSPC", err)
	}
	if want := "write " + filepath.Join(dir, "c.png") + ": no space left on device"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
	if ran != 2 {
		t.Errorf("%d files written, want 2: none after the failure", ran)
	}
	want := map[string]string{"a.png": "old", "b.png": "old", "report.md": "old"}
	if got := contents(t, dir); !maps.Equal(got, want) {
		t.Errorf("dir holds %q, want the old set %q", got, want)
	}
}

// TestWriteFilesRefusesWhatIsNotARegularFile checks that the set is
// refused, before anything is written, when one of its names is a link or
// other file that is not regular.
func TestWriteFilesRefusesWhatIsNotARegularFile(t *testing.T) {
	for _, sf := range specialFiles(t) {
		t.Run(sf.name, func(t *testing.T) {
			dir := filepath.Dir(sf.path)
			before := listing(t, dir)
			ran := false
			err := WriteFiles(dir, []File{{"new.png", func(w io.Writer) error { ran = true; return nil }}, {filepath.Base(sf.path), says("new")}})
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), sf.path) {
				t.Fatalf("err = %v, want one naming %s and wrapping ErrNotRegular", err, sf.path)
			}
			if ran {
				t.Error("a file was written")
			}
			if after := listing(t, dir); !slices.Equal(after, before) {
				t.Errorf("dir held %q, now %q", before, after)
			}
		})
	}
	if err := WriteFiles(t.TempDir(), []File{{"../x", says("x")}}); err == nil {
		t.Error("a name with a directory was taken")
	}
}

// listing lists dir's names with their modes.
func listing(t *testing.T, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name()+" "+e.Type().String())
	}
	return out
}
