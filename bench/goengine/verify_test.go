package goengine

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// wrongCipher returns a copy of aes-128-cbc that runs as CTR under the
// same name: a cipher that measures fine but is not what its name says.
// Only its known-answer test can tell.
func wrongCipher(t *testing.T) *bench.Algorithm {
	t.Helper()
	a, err := bench.Lookup("aes-128-cbc")
	if err != nil {
		t.Fatal(err)
	}
	bad := *a
	bad.Mode = bench.CTR
	bad.Block = 1
	if _, err := bench.NewOp(&bad, result.Encrypt, 64); err != nil {
		t.Fatalf("the wrong cipher cannot even be measured: %v", err)
	}
	if err := bench.Verify(&bad); err == nil {
		t.Fatal("the wrong cipher passes its known-answer test")
	}
	return &bad
}

// TestRunRefusesAnAlgorithmFailingItsKAT: Run checks every algorithm
// against its vectors before it measures anything.
func TestRunRefusesAnAlgorithmFailingItsKAT(t *testing.T) {
	good, _ := bench.Lookup("aes-256-ctr")
	cells, err := bench.Cells([]*bench.Algorithm{good, wrongCipher(t)}, []result.Direction{result.Encrypt}, []int{64}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var progress int
	ms, _, err := Run(context.Background(), cells, Config{Count: 1, SampleTime: time.Millisecond,
		Progress: func(int, int, bench.Cell) { progress++ }})
	if err == nil || !strings.Contains(err.Error(), "aes-128-cbc: known-answer test") {
		t.Fatalf("Run(wrong cipher) = %d measurements, %v; want a known-answer test error", len(ms), err)
	}
	if ms != nil || progress != 0 {
		t.Errorf("Run measured %d cells (%d samples) before refusing", len(ms), progress)
	}
}

// TestRunMeasuresXTS takes the XTS path of the runner, both directions,
// on one thread and two.
func TestRunMeasuresXTS(t *testing.T) {
	a, err := bench.Lookup("aes-256-xts")
	if err != nil {
		t.Fatal(err)
	}
	cells, err := bench.Cells([]*bench.Algorithm{a}, []result.Direction{result.Encrypt, result.Decrypt}, []int{16, 512, 4096}, []int{1, 2})
	if err != nil {
		t.Fatal(err)
	}
	ms, _, err := Run(context.Background(), cells, Config{Count: 2, SampleTime: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != len(cells) {
		t.Fatalf("%d measurements for %d cells", len(ms), len(cells))
	}
	for i, m := range ms {
		c := cells[i]
		if m.Algo != "aes-256-xts" || m.Direction != c.Dir || m.Size != c.Size || m.Threads != c.Threads || m.AEADMode != "" {
			t.Errorf("measurement %d = %+v, want cell %v", i, m, c)
		}
		if len(m.SamplesKBps) != 2 || !(m.KBps > 0) || m.Iters < 1 {
			t.Errorf("%v: samples %v, median %v, iters %d", c, m.SamplesKBps, m.KBps, m.Iters)
		}
	}
}

// TestRunMarksNoisyCells: with one sample the interval is unbounded, so
// every cell is noisy under a threshold and none without one.
func TestRunMarksNoisyCells(t *testing.T) {
	a, _ := bench.Lookup("aes-128-ctr")
	cells, _ := bench.Cells([]*bench.Algorithm{a}, []result.Direction{result.Encrypt}, []int{64}, nil)
	for _, pct := range []float64{0, 3} {
		ms, _, err := Run(context.Background(), cells, Config{Count: 1, SampleTime: time.Millisecond, NoisyPct: pct})
		if err != nil {
			t.Fatal(err)
		}
		if ms[0].Noisy != (pct > 0) || ms[0].CIPct != -1 {
			t.Errorf("noisy threshold %v%%: noisy %v, ci %v", pct, ms[0].Noisy, ms[0].CIPct)
		}
	}
}

// TestRunRejectsPrecisionWithoutBudget: adaptive sampling needs a
// positive precision and a sampling budget to stop at.
func TestRunRejectsPrecisionWithoutBudget(t *testing.T) {
	for _, cfg := range []Config{
		{Count: 1, SampleTime: time.Millisecond, Precision: 1},
		{Count: 1, SampleTime: time.Millisecond, Precision: -1, MaxTime: time.Second},
	} {
		if _, _, err := Run(context.Background(), nil, cfg); err == nil || !strings.Contains(err.Error(), "need a positive precision and budget") {
			t.Errorf("Run(%+v) = %v, want an error", cfg, err)
		}
	}
}
