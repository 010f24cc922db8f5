package filecrypt

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
)

// TestRunRefusesAnInputThatChanges: a file that changes between its runs
// (a log still being written) fails with ErrChanged, not as a corrupt
// ciphertext, whether it grows or is only rewritten in place (same size,
// a new modification time), and leaves nothing behind.
func TestRunRefusesAnInputThatChanges(t *testing.T) {
	tests := []struct {
		name   string
		change func(path string) error
	}{
		{"grows", func(path string) error {
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = f.Write([]byte("one more line\n"))
			return err
		}},
		{"rewritten", func(path string) error {
			later := time.Now().Add(time.Hour)
			return os.Chtimes(path, later, later)
		}},
	}
	algos, err := bench.ParseAlgos("aes-128-ctr")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in, _ := writeRandom(t, dir, "in", 5000)
			var changeErr error
			progress := func(done, total int, what string) {
				if done == 1 { // before the second run
					changeErr = tt.change(in)
				}
			}
			ms, err := Run(context.Background(), []string{in}, algos, Config{Count: 3, Progress: progress})
			if changeErr != nil {
				t.Fatal(changeErr)
			}
			if !errors.Is(err, ErrChanged) || errors.Is(err, ErrCorrupt) {
				t.Fatalf("Run(a file that changes) = %+v, %v; want ErrChanged", ms, err)
			}
			assertOnly(t, dir, "in")
		})
	}
}
