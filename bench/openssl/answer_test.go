package openssl

import (
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench"
)

// TestCheckAnswer: an openssl speed answer is taken only when it is the
// one asked for (as -mr prints them; the -multi ones as openssl 3.0.19
// printed them here).
func TestCheckAnswer(t *testing.T) {
	const multi2 = "Forked child 0\nForked child 1\nGot: +H:16 from 0\nGot: +F:25:AES-128-CBC:1066641088.00 from 0\n" +
		"Got: +H:16 from 1\nGot: +F:25:AES-128-CBC:908212512.00 from 1\n+F:25:AES-128-CBC:1974853600.00\n"
	tests := []struct {
		name, out string
		threads   int
		err       string // a substring; "" for none
	}{
		{"one row", "+H:16:64\n+F:25:AES-128-CBC:1000000.00:2000000.00\n", 1, ""},
		{"multi", multi2, 2, ""},
		{"another algorithm", "+H:16\n+F:25:AES-256-CBC:1000000.00\n", 1, `answered for "AES-256-CBC", not aes-128-cbc`},
		{"two rows", "+H:16\n+F:25:AES-128-CBC:1000000.00\n+F:26:AES-256-CBC:1000000.00\n", 1, "answered 2 rows of figures, want one, of aes-128-cbc"},
		{"a zero", "+H:16:64\n+F:25:AES-128-CBC:1000000.00:0.00\n", 1, "answered 0 kB/s at 64 bytes: not a speed"},
		{"fewer forked", "Forked child 0\nGot: +H:16 from 0\nGot: +F:25:AES-128-CBC:1066641088.00 from 0\n+F:25:AES-128-CBC:1066641088.00\n", 2, "forked 1 process, want 2"},
		{"forked, not asked", multi2, 1, "forked 2 processes, want 1"},
		// openssl 3.0.19 here, its second child killed with kill -9 a
		// second in: its status was 0.
		{"a child killed", "Forked child 0\nForked child 1\nGot: +H:16 from 0\nGot: +F:25:AES-128-CBC:1055359443.48 from 0\n+F:25:AES-128-CBC:1055359443.48\n",
			2, "1 of its 2 processes sent figures"},
		{"one child twice", "Forked child 0\nForked child 1\nGot: +H:16 from 0\nGot: +F:25:AES-128-CBC:1055359443.48 from 0\nGot: +F:25:AES-128-CBC:1055359443.48 from 0\n+F:25:AES-128-CBC:2110718886.96\n",
			2, "1 of its 2 processes sent figures"},
	}
	want, err := bench.Lookup("aes-128-cbc")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			so, err := ParseSpeed(strings.NewReader(tt.out))
			if err != nil {
				t.Fatalf("ParseSpeed: %v", err)
			}
			err = checkAnswer(so, want, tt.threads)
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("checkAnswer = %v, want nil", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("checkAnswer = %v, want %q", err, tt.err)
			}
		})
	}
}
