package result

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/aesbench/aesbench/internal/atomicfile"
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

// ErrNotResults is wrapped by Read for a file that is not an
// aesbench results file.
var ErrNotResults = errors.New("not an aesbench results file")

// Read reads and checks a results file written by WriteFile.
func Read(path string) (*Results, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read results: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes results JSON; name says where it came from in errors.
func Parse(name string, data []byte) (*Results, error) {
	var r Results
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrNotResults, err)
	}
	if r.Schema != Schema {
		return nil, fmt.Errorf("%s: %w: schema %q, want %q", name, ErrNotResults, r.Schema, Schema)
	}
	for i, m := range r.Measurements {
		if m.Algo == "" || m.Size <= 0 || m.Engine == "" || len(m.SamplesKBps) == 0 {
			return nil, fmt.Errorf("%s: %w: measurement %d is incomplete", name, ErrNotResults, i)
		}
	}
	return &r, nil
}
