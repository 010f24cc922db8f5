package measure

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// cells returns the cells of algo at size, encrypting on one thread.
func cells(t *testing.T, algo string, size int) []bench.Cell {
	t.Helper()
	a, err := bench.Lookup(algo)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := bench.Cells([]*bench.Algorithm{a}, []result.Direction{result.Encrypt}, []int{size}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// TestHostRefusesSampleTimesOutOfBounds: a sample of 1 ns is one message
// timed by the clock, one of 1000 hours a slip; neither is measured.
func TestHostRefusesSampleTimesOutOfBounds(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{time.Nanosecond, "sample time 1ns: below 1ms"},
		{999 * time.Microsecond, "below 1ms"},
		{-time.Second, "below 1ms"},
		{1000 * time.Hour, "sample time 1000h0m0s: above 10m0s"},
	} {
		p := &recorder{}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // should it measure after all
		_, err := Host(ctx, Options{Label: "x", Cells: cells(t, "aes-128-ctr", 16), Count: 1, Sample: tt.d, Progress: p})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("sample %v: %v, want %q", tt.d, err, tt.want)
		}
		if p.updates > 0 {
			t.Errorf("sample %v: %d samples taken before the refusal", tt.d, p.updates)
		}
		cancel()
	}
}

// recorder is a Progress that counts updates and keeps notes.
type recorder struct {
	updates int
	notes   []string
}

func (r *recorder) Update(int, int, string) { r.updates++ }
func (r *recorder) Note(msg string)         { r.notes = append(r.notes, msg) }
