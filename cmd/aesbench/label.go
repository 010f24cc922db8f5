package main

import (
	"path/filepath"
	"strings"
	"unicode"

	"github.com/aesbench/aesbench/bench/result"
)

// checkLabel refuses a --label that would break tables and file names: a
// label is a name, so it holds no control characters (a newline).
func checkLabel(cmd, label string) error {
	if strings.IndexFunc(label, unicode.IsControl) >= 0 {
		return usagef("%s: --label %q: a label is a name, without control characters", cmd, label)
	}
	return nil
}

// defaultOut is the results file of label when --out is not given,
// results/<safeName(label)>.json. Two labels can make one file name
// ("a/b" and "a_b"), so it refuses a file that holds another label's
// results rather than replace them.
func defaultOut(cmd, label string) (string, error) {
	path := filepath.Join("results", safeName(label)+".json")
	if r, err := result.Read(path); err == nil && r.Label != label {
		return "", usagef("%s: --label %q: its file %s holds the results of %q; give another --label or --out", cmd, label, path, r.Label)
	}
	return path, nil
}
