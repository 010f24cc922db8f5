package openssl

import (
	"strings"
	"testing"
)

// TestParseSpeedStopsAtTheEndOfTheTable puts lines after the cipher table
// that have as many numbers as it has columns: a table of public-key
// figures, and text. None of them is a row.
func TestParseSpeedStopsAtTheEndOfTheTable(t *testing.T) {
	tests := []struct {
		name, in string
		rows     []string // names of the rows
		first    float64  // the first row's first figure
	}{
		{"two columns, then rsa and ghash", `type 16 bytes 64 bytes
aes-256 cbc  1000.00k  2000.00k
rsa 2048 300.0 400.0
ghash 5.0 6.0
`, []string{"aes-256 cbc"}, 1000},
		{"two columns, text, then ghash", `type 16 bytes 64 bytes
aes-256 cbc  1000.00k  2000.00k
The 'numbers' are in 1000s of bytes per second processed.
ghash 5.0 6.0
`, []string{"aes-256 cbc"}, 1000},
		{"sign/verify table", `type 16 bytes 64 bytes
des ede3  300.00k  400.00k
                  sign    verify    sign/s verify/s
rsa 2048 300.0 400.0
ghash 5.0 6.0
`, []string{"des ede3"}, 300},
		{"one column (-bytes)", `type 16384 bytes
aes-256-gcm 1825867.44k
rsa 2048 300.0 400.0
ghash 5.0
`, []string{"aes-256-gcm"}, 1825867.44},
		{"ghash inside the table is a row", `type 16 bytes 64 bytes
aes-256 cbc  1000.00k  2000.00k
ghash 5.0 6.0
`, []string{"aes-256 cbc", "ghash"}, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			so, err := ParseSpeed(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, r := range so.Rows {
				names = append(names, r.Name)
			}
			if strings.Join(names, "|") != strings.Join(tt.rows, "|") {
				t.Errorf("rows %q, want %q", names, tt.rows)
			}
			if r := so.Rows[0]; r.KBps[0] != tt.first {
				t.Errorf("first row %+v", r)
			}
		})
	}
}
