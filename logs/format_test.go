package logs

import (
	"strings"
	"testing"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr string
	}{
		{"combined", Combined, ""},
		{"json", JSON, ""},
		{"JSON", JSON, ""},
		{"Combined", Combined, ""},
		{"", 0, `unknown log format "" (valid: combined, json)`},
		{"xml", 0, `unknown log format "xml" (valid: combined, json)`},
		{" json", 0, `unknown log format " json" (valid: combined, json)`},
		{"common", 0, `unknown log format "common" (valid: combined, json)`},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseFormat(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseFormat(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestFormatString(t *testing.T) {
	for f, want := range map[Format]string{Combined: "combined", JSON: "json", 2: "Format(2)", -1: "Format(-1)"} {
		if got := f.String(); got != want {
			t.Errorf("Format(%d).String() = %q, want %q", int(f), got, want)
		}
	}
}

// FuzzParseFormat checks that ParseFormat either accepts a name that
// String gives back (up to case) or says what is valid.
func FuzzParseFormat(f *testing.F) {
	for _, s := range []string{"combined", "json", "JSON", "", "xml", "combined\x00", "ǰson"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseFormat(s)
		if err != nil {
			if !strings.Contains(err.Error(), "valid: combined, json") {
				t.Fatalf("ParseFormat(%q) error %q does not list the formats", s, err)
			}
			return
		}
		if !strings.EqualFold(got.String(), s) {
			t.Fatalf("ParseFormat(%q) = %v", s, got)
		}
		if again, err := ParseFormat(got.String()); err != nil || again != got {
			t.Fatalf("ParseFormat(%q) = %v, %v; want %v", got.String(), again, err, got)
		}
	})
}
