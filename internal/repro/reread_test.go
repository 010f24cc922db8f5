package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReread reads runs as -keep writes them, and names what is missing.
func TestReread(t *testing.T) {
	data, err := os.ReadFile("../../report/testdata/knight.json")
	if err != nil {
		t.Fatal(err)
	}
	write := func(dir string, names ...string) {
		for _, n := range names {
			if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name  string
		files []string
		err   string // "" for none
	}{
		{"runs", []string{"run1.json", "run2.json", "run3.json"}, ""},
		{"runs and an A/A", []string{"run1.json", "run2.json", "aa1-a.json", "aa1-b.json"}, ""},
		{"one run", []string{"run1.json"}, "need run1.json and run2.json"},
		{"a gap ends the runs", []string{"run1.json", "run3.json"}, "need run1.json and run2.json"},
		{"an A/A side alone", []string{"run1.json", "run2.json", "aa1-a.json"}, "1 A/A a-sides but 0 b-sides"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(dir, tt.files...)
			err := reread(dir)
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("reread: %v, want an error with %q", err, tt.err)
			}
		})
	}
	dir := t.TempDir()
	write(dir, "run1.json")
	if err := os.WriteFile(filepath.Join(dir, "run2.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := reread(dir); err == nil || !strings.Contains(err.Error(), "run2.json") {
		t.Errorf("reread of a corrupt run2.json: %v, want an error naming it", err)
	}
}
