package goengine

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
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
		{"aes-128-ctr", bench.MaxSize + 1, "must be from 1 byte to 64 MiB"},
	}
	for _, tt := range tests {
		a, err := bench.Lookup(tt.algo)
		if err != nil {
			t.Fatal(err)
		}
		_, err = bench.Cells([]*bench.Algorithm{a}, []result.Direction{result.Encrypt}, []int{tt.size}, nil)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s size %d: %v", tt.algo, tt.size, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s size %d: err = %v, want %q", tt.algo, tt.size, err, tt.want)
		}
	}
}

func TestRunMeasuresEveryCell(t *testing.T) {
	algos, err := bench.ParseAlgos("aes-128-gcm,3des-cbc")
	if err != nil {
		t.Fatal(err)
	}
	cells, err := bench.Cells(algos, []result.Direction{result.Encrypt, result.Decrypt}, []int{16, 1024}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var calls int
	var layouts Layouts
	ms, _, err := Run(context.Background(), cells, Config{Count: 3, SampleTime: time.Millisecond, layouts: &layouts,
		Progress: func(done, total int, c bench.Cell) {
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
	// Every sample had a fresh layout: the old groups are kept, one per
	// sample (a few KiB in all, under KeepBytes).
	if len(layouts.kept) != 3*len(cells) {
		t.Errorf("%d layouts renewed, want one per sample, %d", len(layouts.kept), 3*len(cells))
	}
	for i, m := range ms {
		c := cells[i]
		if m.Algo != c.Algo.Name || m.Direction != c.Dir || m.Size != c.Size || m.Engine != "go" || m.Threads != 1 {
			t.Errorf("measurement %d = %+v, want cell %v", i, m, c)
		}
		if len(m.SamplesKBps) != 3 || !(m.MinKBps > 0 && m.MinKBps <= m.KBps && m.KBps <= m.MaxKBps) {
			t.Errorf("%v: samples %v, median %v, min %v, max %v", c, m.SamplesKBps, m.KBps, m.MinKBps, m.MaxKBps)
		}
		if (c.Algo.Mode == bench.AEAD) != (m.AEADMode == result.AEADModeSeal) {
			t.Errorf("%v: aead_mode %q", c, m.AEADMode)
		}
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	a, _ := bench.Lookup("aes-256-cbc")
	cells, _ := bench.Cells([]*bench.Algorithm{a}, []result.Direction{result.Encrypt}, []int{16}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Run(ctx, cells, Config{Count: 1, SampleTime: time.Millisecond}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run(cancelled) = %v, want context.Canceled", err)
	}
}

// TestSamplesStopSoonWhenCancelled cancels samples of 1000 hours, of a
// cell on one thread and on two, and of the host reference, a moment
// after they start: each must stop with context.Canceled within about a
// chunk, not when it is done. The limit is generous, for a loaded
// machine; without chunks it would be 1000 hours.
func TestSamplesStopSoonWhenCancelled(t *testing.T) {
	const long = 1000 * time.Hour
	a, _ := bench.Lookup("aes-256-cbc")
	stopsSoon := func(name string, f func(ctx context.Context) error) {
		t.Helper()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- f(ctx) }()
		time.Sleep(300 * time.Millisecond)
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("%s: %v, want context.Canceled", name, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: still running 30 s after it was cancelled", name)
		}
	}
	for _, threads := range []int{1, 2} {
		cells, _ := bench.Cells([]*bench.Algorithm{a}, []result.Direction{result.Encrypt}, []int{16}, []int{threads})
		stopsSoon(fmt.Sprintf("Run on %d threads", threads), func(ctx context.Context) error {
			_, _, err := Run(ctx, cells, Config{Count: 1, SampleTime: long})
			return err
		})
		g, err := NewGroup(a, result.Encrypt, 16, threads, "")
		if err != nil {
			t.Fatal(err)
		}
		n, _ := Calibrate(context.Background(), g.Ops[0], 100*time.Millisecond)
		n *= int(long / (100 * time.Millisecond)) // as calibrated for long
		stopsSoon(fmt.Sprintf("sample on %d threads", threads), func(ctx context.Context) error {
			if threads == 1 {
				_, err := Sample(ctx, g.Ops[0], n, long)
				return err
			}
			_, _, err := g.Sample(ctx, n, long)
			return err
		})
	}
	if refs := newHostRefs([]int{1, 2}); refs != nil {
		n, err := chainItersFor(context.Background(), 100*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		refs.iters = n * uint64(long/(100*time.Millisecond)) // as calibrated for long
		stopsSoon("host reference", func(ctx context.Context) error { return refs.sample(ctx, long) })
	}
}

func TestCalibrateStopsWhenCancelled(t *testing.T) {
	a, _ := bench.Lookup("aes-128-ctr")
	op, err := bench.NewOp(a, result.Encrypt, 16)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if n, err := Calibrate(ctx, op, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("Calibrate(cancelled) = %d, %v; want context.Canceled", n, err)
	}
}

func TestRunRejectsBadConfig(t *testing.T) {
	for _, cfg := range []Config{{Count: 0, SampleTime: time.Millisecond}, {Count: 1}} {
		if _, _, err := Run(context.Background(), nil, cfg); err == nil {
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
		if got := stats.Median(tt.in); got != tt.want {
			t.Errorf("stats.Median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestImpreciseKeepsOnlyCellsNeedingSamples(t *testing.T) {
	tight := []float64{100, 100.5, 99.5, 100, 100.2, 99.8, 100.1, 99.9, 100} // ±0.5%
	wide := []float64{100, 110, 90, 105, 95, 100, 120, 80, 100}              // ±20%
	few := []float64{100, 100, 100}                                          // unbounded
	ms := []result.Measurement{{SamplesKBps: tight}, {SamplesKBps: wide}, {SamplesKBps: few}, {SamplesKBps: wide}}

	tests := []struct {
		name      string
		active    []int
		spent     []time.Duration
		precision float64
		want      []int
	}{
		{"off", []int{0, 1, 2, 3}, make([]time.Duration, 4), 0, nil},
		{"precise cells stop", []int{0, 1, 2, 3}, make([]time.Duration, 4), 2, []int{1, 2, 3}},
		{"loose precision", []int{0, 1, 2, 3}, make([]time.Duration, 4), 30, []int{2}},
		{"budget spent", []int{0, 1, 2, 3}, []time.Duration{0, time.Second, 0, 999 * time.Millisecond}, 2, []int{2, 3}},
		{"only active cells", []int{0, 1}, make([]time.Duration, 4), 2, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := imprecise(tt.active, ms, tt.spent, tt.precision, time.Second)
			if !slices.Equal(got, tt.want) {
				t.Errorf("imprecise = %v, want %v", got, tt.want)
			}
		})
	}

	// Four cells that all move with a host climbing 10% a round: its
	// drift alone is wider than ±2%, so no cell takes another round,
	// however wide its interval; at ±1000%, the drift leaves room.
	climb := make([]result.Measurement, 4)
	for c := range climb {
		for r := range 9 {
			climb[c].SamplesKBps = append(climb[c].SamplesKBps, float64(100*(c+1))*math.Pow(1.1, float64(r))*(1+0.01*float64((r*7+c)%5)))
		}
	}
	all := []int{0, 1, 2, 3}
	if got := imprecise(all, climb, make([]time.Duration, 4), 2, time.Second); got != nil {
		t.Errorf("a drifting host: cells %v take another round, though the drift alone is wider than ±2%%", got)
	}
	if h := result.HostOf(climb); !(h.DriftPct(10) > 2) || !(h.RerunInterval(climb[0].SamplesKBps, 0).Pct > 2) {
		t.Errorf("drift ±%.1f%%: the test's host does not drift", h.DriftPct(10))
	}
}

func TestRunAdaptiveSampling(t *testing.T) {
	algos, err := bench.ParseAlgos("aes-128-ctr,3des-cbc")
	if err != nil {
		t.Fatal(err)
	}
	cells, err := bench.Cells(algos, []result.Direction{result.Encrypt}, []int{64}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		precision float64
		more      bool // more than Count samples per cell
	}{
		{"loose: count samples", 1000, false},
		// No real timings agree to a millionth of a percent: every cell
		// samples on until its budget is spent.
		{"tight: until budget", 1e-6, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var last, lastTotal int
			count := max(stats.MinSamplesForRerun, stats.MinSamplesForCI)
			ms, _, err := Run(context.Background(), cells, Config{Count: count, SampleTime: time.Millisecond,
				Precision: tt.precision, MaxTime: 200 * time.Millisecond, NoisyPct: 3,
				Progress: func(done, total int, c bench.Cell) {
					if done < last || done > total {
						t.Errorf("progress(%d, %d) after %d", done, total, last)
					}
					last, lastTotal = done, total
				}})
			if err != nil {
				t.Fatal(err)
			}
			if last != lastTotal {
				t.Errorf("last progress (%d, %d): not finished", last, lastTotal)
			}
			for _, m := range ms {
				if n := len(m.SamplesKBps); (n > count) != tt.more || n < count {
					t.Errorf("%s: %d samples, want more than %d: %v", m.Algo, n, count, tt.more)
				}
				if m.CIPct < 0 || m.CILowKBps > m.KBps || m.KBps > m.CIHighKBps {
					t.Errorf("%s: median %v, interval [%v, %v] ±%v%%", m.Algo, m.KBps, m.CILowKBps, m.CIHighKBps, m.CIPct)
				}
			}
		})
	}
}

func TestRunThreads(t *testing.T) {
	a, _ := bench.Lookup("aes-128-gcm")
	cells, _ := bench.Cells([]*bench.Algorithm{a}, []result.Direction{result.Encrypt, result.Decrypt}, []int{1024}, []int{1, 2})
	if len(cells) != 4 {
		t.Fatalf("%d cells, want 4: %v", len(cells), cells)
	}
	ms, refs, err := Run(context.Background(), cells, Config{Count: 2, SampleTime: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if m.Threads != max(cells[i].Threads, 1) || m.Algo != cells[i].Algo.Name || m.Direction != cells[i].Dir {
			t.Errorf("measurement %d is %s %s on %d threads, want cell %v", i, m.Algo, m.Direction, m.Threads, cells[i])
		}
		if m.Threads == 1 && (m.PerThreadKBps != 0 || m.SamplesPerThreadKBps != nil) {
			t.Errorf("%s %s on one thread has per-thread figures %v", m.Algo, m.Direction, m.SamplesPerThreadKBps)
		}
		if m.Threads == 2 && (len(m.SamplesPerThreadKBps) != 2 || !(m.PerThreadKBps > 0) || m.Iters < 1) {
			t.Errorf("%s %s: threads %d, per-thread samples %v, median %v, iters %d", m.Algo, m.Direction, m.Threads, m.SamplesPerThreadKBps, m.PerThreadKBps, m.Iters)
		}
	}
	if !clockSupported {
		if refs != nil {
			t.Errorf("host reference %v on an architecture without the ADD chain", refs)
		}
		return
	}
	// One sample of each thread count per round, as both rounds sampled a
	// two-thread cell.
	if len(refs) != 2 || refs[0].Threads != 1 || refs[1].Threads != 2 {
		t.Fatalf("host reference %+v, want threads 1 and 2", refs)
	}
	for _, r := range refs {
		// ADDs per ns per thread is the core clock in GHz: between 0.1
		// and 10 on any real core, however busy the host.
		if len(r.SamplesGHz) != 2 || r.GHz/float64(r.Threads) < 0.1 || r.GHz/float64(r.Threads) > 10 {
			t.Errorf("host reference on %d threads: samples %v, median %v GHz", r.Threads, r.SamplesGHz, r.GHz)
		}
	}
}

func TestRunOneThreadTakesAOneThreadHostReference(t *testing.T) {
	a, _ := bench.Lookup("aes-128-ctr")
	cells, _ := bench.Cells([]*bench.Algorithm{a}, []result.Direction{result.Encrypt}, []int{64}, []int{1})
	_, refs, err := Run(context.Background(), cells, Config{Count: 3, SampleTime: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if !clockSupported {
		if refs != nil {
			t.Errorf("host reference %v without the ADD chain", refs)
		}
		return
	}
	if len(refs) != 1 || refs[0].Threads != 1 || len(refs[0].SamplesGHz) != 3 {
		t.Errorf("host reference %+v, want 3 samples on one thread", refs)
	}
}

func TestRunTakesHostReferenceOnlyInTheFirstCountRounds(t *testing.T) {
	if !clockSupported {
		t.Skip("no ADD chain on this architecture")
	}
	a, _ := bench.Lookup("aes-128-ctr")
	cells, _ := bench.Cells([]*bench.Algorithm{a}, []result.Direction{result.Encrypt}, []int{64}, []int{1})
	// A precision no cell can reach keeps sampling until the budget is
	// spent: many more rounds than Count. The budget is wall time, so it
	// is generous: on a loaded machine a 1 ms sample can take 10.
	ms, refs, err := Run(context.Background(), cells, Config{Count: 2, SampleTime: time.Millisecond, Precision: 1e-9, MaxTime: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms[0].SamplesKBps) <= 2 || len(refs) != 1 || len(refs[0].SamplesGHz) != 2 {
		t.Errorf("%d samples, host reference %+v; want more than 2 samples and 2 of the reference", len(ms[0].SamplesKBps), refs)
	}
}

func TestNewGroupGivesEachWorkerItsOwnOp(t *testing.T) {
	a, _ := bench.Lookup("aes-256-cbc")
	for _, n := range []int{1, 2, 4} {
		g, err := NewGroup(a, result.Encrypt, 64, n, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Ops) != n {
			t.Fatalf("threads %d: %d ops", n, len(g.Ops))
		}
		for i := 1; i < n; i++ {
			if g.Ops[i] == g.Ops[0] {
				t.Errorf("threads %d: worker %d shares worker 0's op", n, i)
			}
		}
		agg, per, err := g.Sample(context.Background(), 10, time.Millisecond)
		if err != nil || !(agg > 0 && per > 0) {
			t.Errorf("threads %d: aggregate %v, per thread %v, %v", n, agg, per, err)
		}
	}
	if _, err := NewGroup(a, result.Encrypt, 64, 0, ""); err == nil {
		t.Error("NewGroup(threads 0) succeeded")
	}
}

// TestCalibrateIgnoresAPreemptedTrial feeds calibration a machine on which
// n messages take n µs, except the trial of 1024 messages, pre-empted for
// 30 ms: the calibrated count must still be that of d, not the 3% that
// scaling from the one slow trial gives.
func TestCalibrateIgnoresAPreemptedTrial(t *testing.T) {
	const d = 100 * time.Millisecond
	for _, stalled := range []int{1, 1024, 8192} {
		calls := map[int]int{}
		n := calibrateTimed(func(n int) time.Duration {
			calls[n]++
			el := time.Duration(n) * time.Microsecond
			if n == stalled && calls[n] == 1 {
				el += 30 * time.Millisecond
			}
			return el
		}, 1, d)
		if want := int(d / time.Microsecond); n < want*9/10 || n > want*11/10 {
			t.Errorf("first trial of %d messages stalled: calibrated %d messages, want about %d (trials %v)", stalled, n, want, calls)
		}
	}
}
