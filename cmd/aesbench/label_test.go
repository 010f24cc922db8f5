package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"knight": "knight", "m5.large": "m5.large", "../../x": "_.._x", ".hidden": "hidden", "...": "_", "a b/c": "a_b_c",
	} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRunLabels: a label names a file in results/ that is never hidden,
// never another label's, and never holds a control character.
func TestRunLabels(t *testing.T) {
	dir := t.TempDir()
	quick := []string{"run", "--algos", "aes-128-ctr", "--sizes", "16", "--count", "1", "--time", "1ms"}
	if _, stderr, code := runBinIn(t, dir, nil, append(quick, "--label", "../../x")...); code != 0 {
		t.Fatalf("--label ../../x: exit %d: %s", code, stderr)
	}
	r, err := result.Read(filepath.Join(dir, "results", "_.._x.json"))
	if err != nil || r.Label != "../../x" {
		t.Fatalf("results/_.._x.json: %v, %v", r, err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "results", "_.._x.json"))
	_, stderr, code := runBinIn(t, dir, nil, append(quick, "--label", ".._.._x")...)
	if code != 2 || !strings.Contains(stderr, `holds the results of "../../x"`) {
		t.Errorf("a second label of the same file name: exit %d, %s", code, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "results", "_.._x.json")); string(after) != string(before) {
		t.Error("the other label's results were replaced")
	}
	for _, cmd := range [][]string{append(quick, "--label", "a\nb"), {"import", "--label", "a\tb", "x.txt"}} {
		if _, stderr, code := runBinIn(t, dir, nil, cmd...); code != 2 || !strings.Contains(stderr, "without control characters") {
			t.Errorf("%q: exit %d, %s", cmd, code, stderr)
		}
	}
}
