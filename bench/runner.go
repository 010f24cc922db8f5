package bench

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"time"
)

// Cell is one entry of the table to measure.
type Cell struct {
	Algo *Algorithm
	Dir  Direction
	Size int
}

func (c Cell) String() string { return fmt.Sprintf("%s %s %d bytes", c.Algo.Name, c.Dir, c.Size) }

// Cells lists every combination of algorithm, direction and size, algorithm
// first. A size an algorithm cannot take is an error, never rounded.
func Cells(algos []*Algorithm, dirs []Direction, sizes []int) ([]Cell, error) {
	var cells []Cell
	for _, a := range algos {
		for _, d := range dirs {
			for _, s := range sizes {
				if err := a.CheckSize(s); err != nil {
					return nil, err
				}
				cells = append(cells, Cell{a, d, s})
			}
		}
	}
	return cells, nil
}

// Config says how to measure.
type Config struct {
	Count      int           // samples per cell (at least 1)
	SampleTime time.Duration // target length of one sample
	// Progress, when set, is called after every sample with the samples
	// taken so far and in all.
	Progress func(done, total int, c Cell)
	// AEADMode is how AEADs are timed: "" or AEADModeSeal, or
	// AEADModePerMessage (see NewOpAEADMode).
	AEADMode string
}

// Run checks every algorithm of cells against its known-answer vectors,
// then measures each cell Count times. Samples are taken round robin: one
// of every cell, then the next round, so a slow drift of the machine
// spreads over all cells. It stops with ctx's error when ctx is done.
func Run(ctx context.Context, cells []Cell, cfg Config) ([]Measurement, error) {
	if cfg.Count < 1 {
		return nil, fmt.Errorf("count %d: need at least one sample", cfg.Count)
	}
	if cfg.SampleTime <= 0 {
		return nil, fmt.Errorf("sample time %v: must be positive", cfg.SampleTime)
	}
	var algos []*Algorithm
	for _, c := range cells {
		algos = append(algos, c.Algo)
	}
	if err := VerifyAll(algos); err != nil {
		return nil, err
	}
	ops := make([]*Op, len(cells))
	iters := make([]int, len(cells))
	out := make([]Measurement, len(cells))
	for i, c := range cells {
		op, err := NewOpAEADMode(c.Algo, c.Dir, c.Size, cfg.AEADMode)
		if err != nil {
			return nil, err
		}
		ops[i] = op
		out[i] = Measurement{Engine: "go", Algo: c.Algo.Name, Direction: c.Dir, Size: c.Size, Threads: 1}
		if c.Algo.Mode == AEAD {
			out[i].AEADMode = AEADModeSeal
			if cfg.AEADMode != "" {
				out[i].AEADMode = cfg.AEADMode
			}
		}
	}
	total := len(cells) * cfg.Count
	for round := range cfg.Count {
		for i, op := range ops {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if round == 0 {
				iters[i] = Calibrate(op, cfg.SampleTime)
			}
			out[i].SamplesKBps = append(out[i].SamplesKBps, Sample(op, iters[i]))
			if cfg.Progress != nil {
				cfg.Progress(round*len(ops)+i+1, total, cells[i])
			}
		}
	}
	for i := range out {
		out[i].summarize()
	}
	return out, nil
}

// Sample times n messages through op and returns the throughput in kB/s.
func Sample(op *Op, n int) float64 {
	start := time.Now()
	op.Run(n)
	return KBps(int64(n)*int64(op.Size), time.Since(start))
}

// KBps converts bytes in a duration to kB/s (1000s of bytes per second).
func KBps(bytes int64, d time.Duration) float64 {
	return float64(bytes) / d.Seconds() / 1000
}

// Calibrate finds how many messages take about d, warming op up on the
// way: it doubles a trial count until a trial takes a tenth of d, then
// scales. It returns at least 1.
func Calibrate(op *Op, d time.Duration) int {
	runtime.GC() // so that no collection of setup garbage lands in a sample
	n := 1
	for {
		start := time.Now()
		op.Run(n)
		el := time.Since(start)
		if el >= d/10 || n >= math.MaxInt32 {
			return max(1, int(float64(n)*float64(d)/float64(max(el, 1))))
		}
		n *= 2
	}
}
