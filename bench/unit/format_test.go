package unit

import "testing"

func TestFormatSize(t *testing.T) {
	for n, want := range map[int]string{
		16: "16 bytes", 1000: "1000 bytes", 1023: "1023 bytes", 1024: "1 KiB", 1536: "1536 bytes",
		16384: "16 KiB", 1 << 20: "1 MiB", 3 << 20: "3 MiB", 1<<20 + 1024: "1025 KiB", 1<<20 + 1: "1048577 bytes",
	} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 B", 999: "999 B", 1000: "1.0 kB", 1024: "1.0 kB", 999_949: "999.9 kB",
		1e6: "1.0 MB", 80e6: "80.0 MB", 1e9: "1.0 GB", 1_500_000_000: "1.5 GB",
	} {
		if got := FormatBytes(n); got != want {
			t.Errorf("FormatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFormatRatio(t *testing.T) {
	for x, want := range map[float64]string{0: "n/a", -1: "n/a", 1: "1.00x", 3.049: "3.05x", 23.75: "23.75x"} {
		if got := FormatRatio(x); got != want {
			t.Errorf("FormatRatio(%v) = %q, want %q", x, got, want)
		}
	}
}
