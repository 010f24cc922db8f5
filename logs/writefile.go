package logs

import (
	"context"
	"io"

	"github.com/aesbench/aesbench/internal/atomicfile"
)

// WriteFile generates a log into the file path, atomically: it writes a
// temporary file in the same directory, syncs it and renames it to path.
// On any error, including ctx being canceled, the temporary file is
// removed and path is left as it was. The new file has mode 0644.
func WriteFile(ctx context.Context, path string, opt Options) (st Stats, err error) {
	if err := opt.check(); err != nil {
		return Stats{}, err
	}
	err = atomicfile.WriteFile(path, func(w io.Writer) error {
		st, err = Generate(ctx, w, opt)
		return err
	})
	return st, err
}
