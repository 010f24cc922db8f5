//go:build !linux

package main

import (
	"io"
	"os"
)

// isTerminal reports whether w is a character device, as a terminal is,
// for a live progress line.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
