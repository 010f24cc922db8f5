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

// TestReadSaysWhatIsWrong: a missing file, a truncated one and one of
// the wrong shape each get an error a user can act on, without Go's
// wording ("stat", "Go value of type result.Results").
func TestReadSaysWhatIsWrong(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	missing := filepath.Join(dir, "missing.json")
	truncated := write("truncated.json", `{"schema": "aesbench/results@1", "measurements": [`)
	array := write("array.json", `[1, 2]`)
	size := write("size.json", `{"measurements": [{"size": "256"}]}`)
	empty := write("empty.json", " \n")
	other := write("other.json", `{"name": "x"}`)
	v9 := write("v9.json", `{"schema": "aesbench/v9"}`)
	for _, tt := range []struct {
		path, want string
		notExist   bool
	}{
		{missing, missing + ": no such file or directory", true},
		{truncated, truncated + ": not an aesbench results file: not valid JSON, truncated or corrupt (unexpected end of JSON input at byte 50)", false},
		{array, array + ": not an aesbench results file: the file holds a JSON array, where a results file is an object", false},
		{empty, empty + ": not an aesbench results file: the file is empty", false},
		{other, other + `: not an aesbench results file: it has no "schema" field, which every results file has ("aesbench/v1")`, false},
		{v9, v9 + `: not an aesbench results file: schema "aesbench/v9", of another version of aesbench; this one reads "aesbench/v1"`, false},
		{size, size + ": not an aesbench results file: field measurements.size holds a JSON string, which no results file has there", false},
	} {
		_, err := Read(tt.path)
		if err == nil || err.Error() != tt.want || errors.Is(err, os.ErrNotExist) != tt.notExist {
			t.Errorf("Read(%s): %v\nwant %s", filepath.Base(tt.path), err, tt.want)
		}
	}
}
