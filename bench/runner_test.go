package bench

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCellsRejectsSizesTheModeCannotTake(t *testing.T) {
	tests := []struct {
		algo string
		size int
		want string // "" for no error
	}{
		{"aes-256-cbc", 256, ""},
		{"aes-256-cbc", 100, "not a multiple of its 16-byte block (try 96 or 112)"},
		{"aes-256-cbc", 8, "not a multiple of its 16-byte block (try 16)"},
		{"3des-cbc", 8, ""},
		{"3des-cbc", 12, "not a multiple of its 8-byte block"},
		{"aes-256-xts", 8, "not a multiple of its 16-byte block"},
		{"aes-256-gcm", 1, ""},
		{"chacha20-poly1305", 100, ""},
		{"aes-128-ctr", 0, "must be from 1 byte to 64 MiB"},
		{"aes-128-ctr", MaxSize + 1, "must be from 1 byte to 64 MiB"},
	}
	for _, tt := range tests {
		a, err := Lookup(tt.algo)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Cells([]*Algorithm{a}, []Direction{Encrypt}, []int{tt.size})
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s size %d: %v", tt.algo, tt.size, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s size %d: err = %v, want %q", tt.algo, tt.size, err, tt.want)
		}
	}
}

func TestRunMeasuresEveryCell(t *testing.T) {
	algos, err := ParseAlgos("aes-128-gcm,3des-cbc")
	if err != nil {
		t.Fatal(err)
	}
	cells, err := Cells(algos, []Direction{Encrypt, Decrypt}, []int{16, 1024})
	if err != nil {
		t.Fatal(err)
	}
	var calls int
	ms, err := Run(context.Background(), cells, Config{Count: 3, SampleTime: time.Millisecond,
		Progress: func(done, total int, c Cell) {
			calls++
			if done != calls || total != 3*len(cells) {
				t.Errorf("progress(%d, %d) at call %d", done, total, calls)
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != len(cells) || calls != 3*len(cells) {
		t.Fatalf("got %d measurements, %d progress calls, want %d and %d", len(ms), calls, len(cells), 3*len(cells))
	}
	for i, m := range ms {
		c := cells[i]
		if m.Algo != c.Algo.Name || m.Direction != c.Dir || m.Size != c.Size || m.Engine != "go" || m.Threads != 1 {
			t.Errorf("measurement %d = %+v, want cell %v", i, m, c)
		}
		if len(m.SamplesKBps) != 3 || !(m.MinKBps > 0 && m.MinKBps <= m.KBps && m.KBps <= m.MaxKBps) {
			t.Errorf("%v: samples %v, median %v, min %v, max %v", c, m.SamplesKBps, m.KBps, m.MinKBps, m.MaxKBps)
		}
		if (c.Algo.Mode == AEAD) != (m.AEADMode == AEADModeSeal) {
			t.Errorf("%v: aead_mode %q", c, m.AEADMode)
		}
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	a, _ := Lookup("aes-256-cbc")
	cells, _ := Cells([]*Algorithm{a}, []Direction{Encrypt}, []int{16})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, cells, Config{Count: 1, SampleTime: time.Millisecond}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run(cancelled) = %v, want context.Canceled", err)
	}
}

func TestRunRejectsBadConfig(t *testing.T) {
	for _, cfg := range []Config{{Count: 0, SampleTime: time.Millisecond}, {Count: 1}} {
		if _, err := Run(context.Background(), nil, cfg); err == nil {
			t.Errorf("Run(%+v) succeeded", cfg)
		}
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{nil, 0}, {[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5},
	}
	for _, tt := range tests {
		if got := Median(tt.in); got != tt.want {
			t.Errorf("Median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
