// Package atomicfile writes files so that a reader never sees half of
// one: the bytes go to a temporary file beside the target, which is
// synced and renamed into place. Every command that writes a file the
// user names (results, reports, log corpora) goes through it.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile creates path with the bytes write produces, through a
// temporary file in the same directory that is synced and renamed into
// place, and then syncs the directory. On any error the temporary file is
// removed and path is untouched. Errors name path, never the temporary
// file: "create PATH: ..." when no file can be made there, "write PATH:
// ..." after that.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("create %s: is a directory", path)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, bare(err))
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	err = write(f)
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
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, bare(err))
	}
	syncDir(dir)
	return nil
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
