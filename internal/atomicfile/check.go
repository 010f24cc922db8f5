package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
)

// CheckWritable fails when WriteFile could not write path, so that a
// caller can find out before a long job whose output goes there, not
// after it: when path holds what WriteFile will not replace (CheckTarget,
// ErrNotRegular), when a file stands where a directory on the way to it
// would have to be made, or when the temporary file WriteFile would make
// beside it cannot be made (a name too long for the temporary file's
// prefix and suffix, though not for itself; a directory without write
// permission). Directories that do not exist yet pass: the caller makes
// them when it writes (os.MkdirAll), and CheckWritable makes nothing, so
// that a job stopped before its end leaves no empty directory behind. It
// finds the nearest directory that exists on the way to path, and makes
// and removes there a temporary file named as WriteFile names its own.
//
// Its errors begin "cannot write PATH: ", except CheckTarget's.
func CheckWritable(path string) error {
	if err := CheckTarget(path); errors.Is(err, ErrNotRegular) {
		return err // else the walk below says what stands in the way
	}
	if err := dirName(path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := dotDotAfterMissing(path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	for dir = filepath.Clean(dir); ; {
		fi, err := os.Stat(dir)
		if err == nil && fi.IsDir() {
			break
		}
		if err == nil { // a file where a directory would have to be
			return fmt.Errorf("cannot write %s: mkdir %s: %w", path, dir, syscall.ENOTDIR)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return fmt.Errorf("cannot write %s: %w", path, bare(err))
		}
		dir = parent
	}
	f, err := os.CreateTemp(dir, tempPattern(base))
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, bare(err))
	}
	f.Close()
	return os.Remove(f.Name())
}

// tempPattern is the os.CreateTemp pattern of the temporary file that
// WriteFile writes a file named base through: hidden, beside it, and
// named after it, so that one left by a crash says whose it was.
func tempPattern(base string) string { return "." + base + ".*.tmp" }

// errDirName is dirName's error.
var errDirName = errors.New("a directory's name, not a file's")

// dirName fails for a path that can only name a directory, one that ends
// in a separator, "." or "..": a file cannot be made there, though the
// directory may not exist yet (--out newdir/).
func dirName(path string) error {
	base := filepath.Base(path)
	if path == "" || os.IsPathSeparator(path[len(path)-1]) || base == "." || base == ".." {
		return errDirName
	}
	return nil
}

// dotDotAfterMissing fails when a ".." of path follows a directory that
// does not exist, or leads elsewhere than the path reads: the system
// resolves "missing/../r.json" through missing, and fails, and
// "link/../r.json" from where link points, while the walk up from the
// cleaned path, and the os.MkdirAll of filepath.Dir that makes a new
// directory as the results are saved, read them by their text. Windows
// reads a ".." by its text too, and passes.
func dotDotAfterMissing(path string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	parts := strings.Split(path, "/")
	for i, p := range parts {
		if p != ".." || i == 0 {
			continue
		}
		before := strings.Join(parts[:i], "/")
		if before == "" {
			before = "/"
		}
		if fi, err := os.Stat(before); err != nil {
			return bare(err)
		} else if !fi.IsDir() {
			return fmt.Errorf("%s: %w", before, syscall.ENOTDIR)
		}
		through := before + "/.."
		real, err1 := filepath.EvalSymlinks(through)
		read, err2 := filepath.EvalSymlinks(filepath.Clean(through))
		if err1 != nil || err2 != nil || real != read {
			return fmt.Errorf("%s: %w", through, errLinkDotDot)
		}
	}
	return nil
}

// errLinkDotDot is dotDotAfterMissing's error for a ".." after a link.
var errLinkDotDot = errors.New("a .. after a symbolic link, which leads elsewhere than the path reads")
