package logs

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile generates a log into the file path, atomically: it writes a
// temporary file in the same directory, syncs it and renames it to path.
// On any error, including ctx being canceled, the temporary file is
// removed and path is left as it was. The new file has mode 0644.
func WriteFile(ctx context.Context, path string, opt Options) (st Stats, err error) {
	if err := opt.check(); err != nil {
		return Stats{}, err
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return Stats{}, fmt.Errorf("create %s: is a directory", path)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return Stats{}, fmt.Errorf("create %s: %w", path, bare(err))
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()

	st, err = Generate(ctx, f, opt)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = f.Close()
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return st, fmt.Errorf("write %s: %w", path, bare(err))
	}
	syncDir(dir)
	return st, nil
}

// bare strips the path from a file system error: it would name the
// temporary file, which only confuses.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// syncDir makes a rename in dir durable where the system allows syncing
// a directory; elsewhere it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
