//go:build !unix

package atomicfile

import "testing"

func specialFilesOS(t *testing.T, dir string) []specialFile { return nil }
