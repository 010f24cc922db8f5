package result

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadRefusesWhatIsNotAResultsFile checks that Read refuses a device,
// a directory and a file over MaxFileSize without reading them, with an
// error that names the path; compare once read /dev/zero until it ran
// out of memory.
func TestReadRefusesWhatIsNotAResultsFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	err = f.Truncate(MaxFileSize + 1) // sparse: nothing is written
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want string
	}{
		{big, big + ": not an aesbench results file: larger than 64 MiB"},
		{dir, dir + ": not an aesbench results file: a directory, not a regular file"},
	}
	for _, dev := range []string{"/dev/zero", "/dev/null"} {
		if _, err := os.Stat(dev); err == nil {
			tests = append(tests, struct{ path, want string }{dev, dev + ": not an aesbench results file: a character device, not a regular file"})
		}
	}
	tests = append(tests, specialReads(t, dir)...)
	for _, tt := range tests {
		r, err := Read(tt.path)
		if err == nil || err.Error() != tt.want || !errors.Is(err, ErrNotResults) {
			t.Errorf("Read(%s) = %v, %v; want error %q", tt.path, r, err, tt.want)
		}
	}
}

// TestReadFollowsLinks checks that a link to a results file reads as the
// file.
func TestReadFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.json")
	target, err := filepath.Abs(filepath.Join("..", "..", "report", "testdata", "knight.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if r, err := Read(link); err != nil || r.Label != "knight" {
		t.Errorf("Read(%s) = %v, %v", link, r, err)
	}
	if _, err := Read(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("Read of a missing file: %v, want an error naming it", err)
	}
}
