package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// File is one file of a set that WriteFiles writes: its name in the
// directory, and what writes its bytes.
type File struct {
	Name  string // a plain file name, without a directory
	Write func(io.Writer) error
}

// WriteFiles writes files into dir as one set, so that a failure leaves
// none of them half new: each is written into a temporary directory in
// dir and synced, and only when all are written are they renamed into
// place, in order (put the file that refers to the others last), and dir
// synced. On an error before the renames, which is any error of writing
// (a full disk, a write func's error, ctx canceled in one), dir holds
// what it held and the temporary directory is removed. A rename within
// one directory does not run out of space; should one fail all the same,
// the files renamed before it are new and the rest old.
//
// A name whose file exists and is not a regular file is refused before
// anything is written, as WriteFile does. Errors name the file in dir,
// never the temporary one.
func WriteFiles(dir string, files []File) (err error) {
	for _, f := range files {
		if f.Name == "" || filepath.Base(f.Name) != f.Name || f.Name == "." || f.Name == ".." {
			return fmt.Errorf("write %s: %q is not a plain file name", dir, f.Name)
		}
		if err := CheckTarget(filepath.Join(dir, f.Name)); err != nil {
			return err
		}
	}
	if len(files) == 0 {
		return nil
	}
	tmp, err := os.MkdirTemp(dir, ".aesbench-*.tmp")
	if err != nil {
		return fmt.Errorf("create %s: %w", filepath.Join(dir, files[0].Name), bare(err))
	}
	defer os.RemoveAll(tmp) // empty once all are renamed
	for _, f := range files {
		if err := writeNew(filepath.Join(tmp, f.Name), f.Write); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(dir, f.Name), bare(err))
		}
	}
	syncDir(tmp)
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if err := CheckTarget(path); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(tmp, f.Name), path); err != nil {
			return fmt.Errorf("write %s: %w", path, bare(err))
		}
	}
	syncDir(dir)
	return nil
}

// writeNew creates path, which must not exist, with the bytes write
// produces, mode 0644, and syncs it.
func writeNew(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	err = write(f)
	if err == nil {
		err = f.Chmod(0o644) // whatever the umask
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
