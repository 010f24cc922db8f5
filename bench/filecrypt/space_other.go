//go:build !linux

package filecrypt

import "errors"

// statFree: outside Linux the free space is not checked before a file run
// (a full disk then fails the write instead).
func statFree(string) (uint64, error) { return ^uint64(0), nil }

// evict: only Linux can drop a file's cached pages without privilege.
func evict(path string) (float64, error) {
	return 0, errors.New("evict " + path + " from the page cache: --cold needs Linux")
}
