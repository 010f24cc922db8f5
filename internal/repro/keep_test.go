package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestKeepMakesItsDirectory: -keep into a directory that is not there
// yet makes it before measuring, and keeps every run, instead of
// failing after the first run's measurement.
func TestKeepMakesItsDirectory(t *testing.T) {
	keep := filepath.Join(t.TempDir(), "not", "yet")
	if err := repro(context.Background(), 2, 0, "aes-128-ctr", "16", 4, time.Millisecond, "", keep, -1); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"run1.json", "run2.json"} {
		if _, err := os.Stat(filepath.Join(keep, name)); err != nil {
			t.Error(err)
		}
	}
}
