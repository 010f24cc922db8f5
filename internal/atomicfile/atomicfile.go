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

	"github.com/aesbench/aesbench/internal/regular"
)

// WriteFile creates path with the bytes write produces, through a
// temporary file in the same directory that is synced and renamed into
// place, and then syncs the directory. On any error the temporary file is
// removed and path is untouched. Errors name path, never the temporary
// file: "create PATH: ..." when no file can be made there, "write PATH:
// ..." after that.
//
// Only a regular file is replaced: when path is a symbolic link, a
// device, a named pipe, a socket or a directory, WriteFile fails with
// ErrNotRegular before write runs, since the rename would put a file in
// its place (a link to /dev/stdout, /dev/full itself) instead of writing
// through it.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	if err := CheckTarget(path); err != nil {
		return err
	}
	if err := dirName(path); err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, tempPattern(base))
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
		// Again, for a link or pipe made there while write ran.
		if err = CheckTarget(path); err != nil {
			return err
		}
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, bare(err))
	}
	syncDir(dir)
	return nil
}

// ErrNotRegular is wrapped by WriteFile and CheckTarget when the path
// to write exists and is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// CheckTarget returns nil when path may be replaced by a new file: it does
// not exist, or it is a regular file (not a symbolic link to one). Else
// it says what is there: "create PATH: is a directory", or "create PATH:
// not a regular file (a symbolic link)", wrapping ErrNotRegular.
func CheckTarget(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("create %s: %w", path, bare(err))
	case fi.Mode().IsRegular():
		return nil
	}
	return fmt.Errorf("create %s: %w", path, notRegular{fi.Mode()})
}

// notRegular is ErrNotRegular with what the file is instead.
type notRegular struct{ mode fs.FileMode }

func (e notRegular) Error() string {
	if e.mode.IsDir() {
		return "is a directory"
	}
	return fmt.Sprintf("%v (%s)", ErrNotRegular, regular.Kind(e.mode))
}

func (e notRegular) Is(target error) bool { return target == ErrNotRegular }

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
