package unit

import (
	"slices"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  string
	}{
		{"0", 0, ""}, {"16", 16, ""}, {" 64 ", 64, ""}, {"16k", 16384, ""}, {"16K", 16384, ""},
		{"8KiB", 8192, ""}, {"500KB", 500000, ""}, {"80MB", 80e6, ""}, {"80mb", 80e6, ""},
		{"1GiB", 1 << 30, ""}, {"2g", 2 << 30, ""}, {"10b", 10, ""}, {"0.5KiB", 512, ""},
		{"", 0, "empty"}, {"-1", 0, "negative"}, {"-1MB", 0, "negative"}, {"ten", 0, "not a number"},
		{"1.3b", 0, "not a whole number"}, {"NaN", 0, "not a number"}, {"9999999999TB", 0, "too large"},
		{"16 KiB", 16384, ""}, {"KiB", 0, "not a number"},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseSize(%q) = %d, %v; want error %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"16", "16k", "1.5GiB", "80MB", "-3", "1e3kb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSize(s)
		if err == nil && n < 0 {
			t.Fatalf("ParseSize(%q) = %d", s, n)
		}
	})
}

// TestSplitList: items trimmed; a list of nothing gives none (the
// caller names what was wanted); an empty item among others is an error.
func TestSplitList(t *testing.T) {
	for _, tt := range []struct {
		list string
		want []string
		err  bool
	}{
		{"16, 1k ,64", []string{"16", "1k", "64"}, false},
		{"aes", []string{"aes"}, false},
		{"", nil, false},
		{" , ", nil, false},
		{"16,,64", nil, true},
		{"go,", nil, true},
		{",openssl", nil, true},
	} {
		got, err := SplitList(tt.list)
		if (err != nil) != tt.err || !slices.Equal(got, tt.want) {
			t.Errorf("SplitList(%q) = %q, %v; want %q, error %v", tt.list, got, err, tt.want, tt.err)
		}
	}
}
