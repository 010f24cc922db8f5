package result

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/aesbench/aesbench/internal/atomicfile"
	"github.com/aesbench/aesbench/internal/regular"
)

// WriteFile writes the results as indented JSON to path atomically: into a
// temporary file beside it, then renamed, so that path never holds half a
// file and an interrupted write leaves nothing behind.
func (r *Results) WriteFile(path string) error {
	return atomicfile.WriteFile(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	})
}

// CheckWritable fails when WriteFile could not write path: a caller
// checks it before a long measurement whose results go there. What is
// at path and may not be replaced (a directory, a link, a named pipe or
// a device) is an ErrNotRegular; the other errors, "cannot write PATH:
// ...", are of reaching path or of making a file beside it (a file
// where a directory would be made, a name too long for WriteFile's
// temporary file). Directories that do not exist yet pass, and nothing
// is made (see atomicfile.CheckWritable).
func CheckWritable(path string) error { return atomicfile.CheckWritable(path) }

// ErrNotRegular is wrapped by CheckWritable and WriteFile when path holds
// what they will not replace.
var ErrNotRegular = atomicfile.ErrNotRegular

// ErrNotResults is wrapped by Read for a file that is not an
// aesbench results file.
var ErrNotResults = errors.New("not an aesbench results file")

// MaxFileSize is the largest results file Read takes. A results file is
// small: the reference run in results/reference (24 cells of 6 samples)
// is 21 kB, and the whole suite on both engines in both directions at
// four thread counts (1152 cells) with 100 samples each, per-thread
// samples too, is 6.4 MB. 64 MiB is ten times that, and small enough to
// read at once; what is larger is not a results file.
const MaxFileSize = 64 << 20

// Read reads and checks a results file written by WriteFile. It reads
// only a regular file (a link to one too), of at most MaxFileSize bytes:
// a device such as /dev/zero or a named pipe is refused without reading
// and without waiting for a writer.
func Read(path string) (*Results, error) {
	data, err := regular.ReadFile(path, MaxFileSize)
	var nr *regular.NotRegularError
	switch {
	case errors.As(err, &nr):
		return nil, fmt.Errorf("%s: %w: %s, not a regular file", path, ErrNotResults, nr.Kind)
	case errors.Is(err, regular.ErrTooLarge):
		return nil, fmt.Errorf("%s: %w: larger than %d MiB", path, ErrNotResults, MaxFileSize>>20)
	case err != nil:
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			err = pe.Err // "no such file or directory", without Go's "stat"
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse decodes results JSON; name says where it came from in errors. It
// refuses what no run could have written (ErrImplausible): a figure that
// is not finite or beyond a physical bound, a median outside its samples'
// range, a size or count out of range, a name holding control
// characters. The error names the field by its JSON path.
func Parse(name string, data []byte) (*Results, error) {
	var r Results
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: %w: the file is empty", name, ErrNotResults)
	}
	if err := json.Unmarshal(data, &r); err != nil {
		if se := (*json.SyntaxError)(nil); errors.As(err, &se) {
			return nil, fmt.Errorf("%s: %w: not valid JSON, truncated or corrupt (%v at byte %d)", name, ErrNotResults, err, se.Offset)
		}
		if te := (*json.UnmarshalTypeError)(nil); errors.As(err, &te) {
			if te.Field == "" {
				return nil, fmt.Errorf("%s: %w: the file holds a JSON %s, where a results file is an object", name, ErrNotResults, te.Value)
			}
			return nil, fmt.Errorf("%s: %w: field %s holds a JSON %s, which no results file has there", name, ErrNotResults, te.Field, te.Value)
		}
		return nil, fmt.Errorf("%s: %w: %v", name, ErrNotResults, err)
	}
	switch {
	case r.Schema == "":
		return nil, fmt.Errorf("%s: %w: it has no \"schema\" field, which every results file has (%q)", name, ErrNotResults, Schema)
	case strings.HasPrefix(r.Schema, "aesbench/") && r.Schema != Schema:
		return nil, fmt.Errorf("%s: %w: schema %q, of another version of aesbench; this one reads %q", name, ErrNotResults, r.Schema, Schema)
	case r.Schema != Schema:
		return nil, fmt.Errorf("%s: %w: schema %q, want %q", name, ErrNotResults, r.Schema, Schema)
	}
	for i, m := range r.Measurements {
		if m.Algo == "" || m.Size <= 0 || m.Engine == "" || len(m.SamplesKBps) == 0 {
			return nil, fmt.Errorf("%s: %w: measurement %d is incomplete", name, ErrNotResults, i)
		}
	}
	if err := r.check(); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrImplausible, err)
	}
	return &r, nil
}
