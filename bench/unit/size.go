package unit

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// sizeUnits maps the suffixes ParseSize accepts to their factors: SI
// prefixes are powers of 1000 (as in kB/s), IEC prefixes powers of 1024.
var sizeUnits = []struct {
	suffix string
	factor int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"tib", 1 << 40},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"tb", 1e12},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, // as openssl and dd write 16k
	{"b", 1},
}

// ParseSize reads a byte count such as "256", "16k", "16KiB", "80MB" or
// "1GiB". SI suffixes (kB, MB, GB) are powers of 1000; IEC suffixes (KiB,
// MiB, GiB) and the bare letters k, m, g are powers of 1024. Fractions are
// allowed with a suffix ("1.5GiB") as long as the result is whole bytes.
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return 0, fmt.Errorf("size %q: empty", s)
	}
	factor := int64(1)
	for _, u := range sizeUnits {
		if num, ok := strings.CutSuffix(t, u.suffix); ok {
			t, factor = strings.TrimSpace(num), u.factor
			break
		}
	}
	if n, err := strconv.ParseInt(t, 10, 64); err == nil {
		if n < 0 {
			return 0, fmt.Errorf("size %q: negative", s)
		}
		if n > math.MaxInt64/factor {
			return 0, fmt.Errorf("size %q: too large", s)
		}
		return n * factor, nil
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("size %q: not a number of bytes (try 256, 16k or 1MiB)", s)
	}
	if f < 0 {
		return 0, fmt.Errorf("size %q: negative", s)
	}
	v := f * float64(factor)
	if v >= math.MaxInt64 {
		return 0, fmt.Errorf("size %q: too large", s)
	}
	if v != math.Trunc(v) {
		return 0, fmt.Errorf("size %q: not a whole number of bytes", s)
	}
	return int64(v), nil
}

// FormatSize writes n the way openssl speed labels its columns: bytes
// below 1 KiB, then whole KiB or MiB where exact ("16 bytes", "8 KiB").
func FormatSize(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + " KiB"
	}
	return strconv.Itoa(n) + " bytes"
}

// FormatBytes writes a byte count with an SI prefix, as kB/s counts and
// as ParseSize reads it back: "80.0 MB", "512 B".
func FormatBytes(n int64) string {
	switch {
	case n >= 1e9:
		return strconv.FormatFloat(float64(n)/1e9, 'f', 1, 64) + " GB"
	case n >= 1e6:
		return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
	case n >= 1e3:
		return strconv.FormatFloat(float64(n)/1e3, 'f', 1, 64) + " kB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// FormatRatio writes how many times faster one figure is than another,
// "3.05x"; "n/a" when there is no ratio (x <= 0).
func FormatRatio(x float64) string {
	if x <= 0 {
		return "n/a"
	}
	return strconv.FormatFloat(x, 'f', 2, 64) + "x"
}
