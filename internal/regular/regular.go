// Package regular reads files that come from elsewhere (results files from
// other hosts, saved /proc/cpuinfo dumps) safely: only a regular file is
// read, never a device that does not end (/dev/zero) or a named pipe that
// blocks, and never more than a limit, so that a wrong path fails at once
// instead of hanging or filling memory.
package regular

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped for a path that is not a regular file (or a
// link to one).
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped for a file of more bytes than the limit.
var ErrTooLarge = errors.New("too large")

// ReadFile reads path when it is a regular file of at most limit bytes.
// It stats the path first, so that a device is not even opened (opening
// some has effects), opens it without waiting for a named pipe's writer,
// and checks the opened file again, for a path that changed in between.
// The limit is on the bytes read, not on the size stat gives, so that
// /proc files (size 0 to stat) read whole and a file that grows is still
// refused. Errors are *fs.PathError naming path, wrapping ErrNotRegular
// ("not a regular file (a named pipe)") or ErrTooLarge.
func ReadFile(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(path, fi.Mode())
	}
	return readOpen(path, limit)
}

// readOpen is ReadFile's second half: open path without waiting, check
// that what was opened is a regular file, and read at most limit bytes.
func readOpen(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(path, fi.Mode())
	}
	tooLarge := &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Limit: limit}}
	if fi.Size() > limit {
		return nil, tooLarge
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge
	}
	return data, nil
}

func notRegular(path string, m fs.FileMode) error {
	return &fs.PathError{Op: "read", Path: path, Err: &NotRegularError{Kind: Kind(m)}}
}

// NotRegularError says what a path that is not a regular file is.
type NotRegularError struct {
	Kind string // Kind of its mode: "a named pipe", "a device", ...
}

func (e *NotRegularError) Error() string        { return fmt.Sprintf("%v (%s)", ErrNotRegular, e.Kind) }
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// TooLargeError says that a file is longer than the limit.
type TooLargeError struct {
	Limit int64 // bytes
}

func (e *TooLargeError) Error() string        { return fmt.Sprintf("%v: over %d bytes", ErrTooLarge, e.Limit) }
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

// Kind names the type of a file that is not a regular one, for errors:
// "a symbolic link", "a character device", "a named pipe", "a socket".
func Kind(m fs.FileMode) string {
	switch t := m.Type(); {
	case t&fs.ModeSymlink != 0:
		return "a symbolic link"
	case t&fs.ModeCharDevice != 0:
		return "a character device"
	case t&fs.ModeDevice != 0:
		return "a block device"
	case t&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeDir != 0:
		return "a directory"
	case t == 0:
		return "a regular file"
	}
	return "a special file"
}
