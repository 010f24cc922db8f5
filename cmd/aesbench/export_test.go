package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

func TestExportGolden(t *testing.T) {
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"export-knight.txt", []string{knightJSON}},
		{"export-knight.txt", []string{"--format", "gobench", knightJSON}},
		{"export-two.txt", []string{knightJSON, padawanJSON}},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, err := runArgs(append([]string{"export"}, tt.args...)...)
			if err != nil || errOut != "" {
				t.Fatalf("error %v, stderr %q", err, errOut)
			}
			golden(t, tt.golden, []byte(out))
		})
	}
}

// TestExportSameLabel: two runs of one host, both labelled after it (the
// default), are exported under two labels, as compare shows them, so
// that benchstat keeps them apart (it pooled their samples), with a
// warning that says so.
func TestExportSameLabel(t *testing.T) {
	out, errOut, err := runArgs("export", knightJSON, knightJSON)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\nlabel: knight\n") || !strings.Contains(out, "\nlabel: knight-2\n") {
		t.Errorf("export of two knight runs: want labels knight and knight-2:\n%.600s", out)
	}
	if want := `aesbench: warning: two results are labelled "knight"; the later one is exported as "knight-2"`; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

func TestExportErrors(t *testing.T) {
	notResults := filepath.Join(t.TempDir(), "x.json")
	none := filepath.Join(t.TempDir(), "none.json")
	if err := os.WriteFile(notResults, []byte(`{"schema":"something/else"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args  []string
		usage bool
		is    error
		want  string
	}{
		{nil, true, nil, "export: no results files given (try: aesbench export results/a.json > a.txt)"},
		{[]string{"--format", "csv", knightJSON}, true, nil, `export: --format "csv": want gobench`},
		{[]string{"--sizes", "16", knightJSON}, true, nil, "export: unknown flag: --sizes"},
		{[]string{knightJSON, notResults}, false, result.ErrNotResults, "export: " + notResults + ": not an aesbench results file"},
		{[]string{none}, false, os.ErrNotExist, "export: " + none + ": no such file or directory"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, _, err := runArgs(append([]string{"export"}, tt.args...)...)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error %v, want one starting %q", err, tt.want)
			}
			var ue *usageError
			if errors.As(err, &ue) != tt.usage {
				t.Errorf("usage error %v, want %v", errors.As(err, &ue), tt.usage)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("%v does not wrap %v", err, tt.is)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
		})
	}
}
