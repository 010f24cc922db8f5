package goengine

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/unit"
)

// Config says how to measure.
type Config struct {
	Count      int           // samples per cell (at least 1); the minimum under Precision
	SampleTime time.Duration // target length of one sample
	// Progress, when set, is called after every sample with the samples
	// taken so far and in all (an estimate under Precision, which can
	// grow).
	Progress func(done, total int, c bench.Cell)
	// AEADMode is how AEADs are timed: "" or result.AEADModeSeal, or
	// result.AEADModePerMessage (see bench.NewOpAEADMode).
	AEADMode result.AEADMode

	// NoisyPct marks a cell noisy when its 95% rerun interval is wider
	// than ±NoisyPct percent of its median; 0: never.
	NoisyPct float64
	// Precision, a percentage, turns on adaptive sampling: after Count
	// rounds, rounds go on over only the cells whose rerun interval is still
	// wider than ±Precision percent and whose sampling time is under
	// MaxTime. 0: exactly Count samples per cell.
	Precision float64
	// MaxTime is the sampling budget of one cell under Precision: the
	// time spent in its samples, calibration excluded. A cell that used
	// it up takes no more samples, precise or not.
	MaxTime time.Duration

	// layouts renews each cell's Group before every sample; nil: Run's
	// own. A test sets it to see the renewals.
	layouts *Layouts
}

// Run checks every algorithm of cells against its known-answer vectors,
// then measures each cell Count times. Samples are taken round robin: one
// of every cell, then the next round, so a slow drift of the machine
// spreads over all cells. Under Precision the later rounds take only the
// cells not yet precise enough, still round robin. Each of the first Count
// rounds ends with a sample of the host's reference (result.HostRef) on one
// thread and on each thread count of cells, so the two are measured side
// by side; the references are returned in thread order, nil where there
// is no ADD chain. Run stops with ctx's error when ctx is done.
func Run(ctx context.Context, cells []bench.Cell, cfg Config) ([]result.Measurement, []result.HostRef, error) {
	if cfg.Count < 1 {
		return nil, nil, fmt.Errorf("count %d: need at least one sample", cfg.Count)
	}
	if cfg.SampleTime <= 0 {
		return nil, nil, fmt.Errorf("sample time %v: must be positive", cfg.SampleTime)
	}
	if cfg.Precision < 0 || (cfg.Precision > 0 && cfg.MaxTime <= 0) {
		return nil, nil, fmt.Errorf("precision %v%% with max time %v: need a positive precision and budget", cfg.Precision, cfg.MaxTime)
	}
	var algos []*bench.Algorithm
	var threads []int
	for _, c := range cells {
		algos = append(algos, c.Algo)
		threads = append(threads, max(c.Threads, 1))
	}
	if err := bench.VerifyAll(algos); err != nil {
		return nil, nil, err
	}
	refs := newHostRefs(threads)
	fresh := cfg.layouts
	if fresh == nil {
		fresh = new(Layouts)
	}
	groups := make([]*Group, len(cells))
	iters := make([]int, len(cells))
	spent := make([]time.Duration, len(cells))
	out := make([]result.Measurement, len(cells))
	for i, c := range cells {
		g, err := NewGroup(c.Algo, c.Dir, c.Size, threads[i], cfg.AEADMode)
		if err != nil {
			return nil, nil, err
		}
		groups[i] = g
		out[i] = result.Measurement{Engine: result.EngineGo, Algo: c.Algo.Name, Direction: c.Dir, Size: c.Size, Threads: threads[i]}
		if c.Algo.Mode == bench.AEAD {
			out[i].AEADMode = result.AEADModeSeal
			if cfg.AEADMode != "" {
				out[i].AEADMode = cfg.AEADMode
			}
		}
	}
	active := make([]int, len(cells))
	for i := range active {
		active[i] = i
	}
	done, total := 0, len(cells)*cfg.Count
	if cfg.Precision > 0 { // at most: each cell's budget in samples
		perCell := int((cfg.MaxTime + cfg.SampleTime - 1) / cfg.SampleTime)
		total = len(cells) * max(cfg.Count, perCell)
	}
	for round := 0; len(active) > 0; round++ {
		for _, i := range active {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			g := groups[i]
			if round == 0 {
				n, err := Calibrate(ctx, g.Ops[0], cfg.SampleTime)
				if err != nil {
					return nil, nil, err
				}
				iters[i] = n
				out[i].Iters = n
				for _, op := range g.Ops[1:] { // warm up the other workers
					if err := ctx.Err(); err != nil {
						return nil, nil, err
					}
					op.Run(min(n/10, chunkOf(n, cfg.SampleTime)))
				}
			}
			// Every sample a fresh layout (Layouts): where memory landed
			// is then part of the samples' spread, as it is of a rerun's.
			g, err := fresh.Renew(g)
			if err != nil {
				return nil, nil, err
			}
			groups[i] = g
			t0 := time.Now()
			if threads[i] == 1 {
				kbps, err := Sample(ctx, g.Ops[0], iters[i], cfg.SampleTime)
				if err != nil {
					return nil, nil, err
				}
				out[i].SamplesKBps = append(out[i].SamplesKBps, kbps)
			} else {
				agg, per, err := g.Sample(ctx, iters[i], cfg.SampleTime)
				if err != nil {
					return nil, nil, err
				}
				out[i].SamplesKBps = append(out[i].SamplesKBps, agg)
				out[i].SamplesPerThreadKBps = append(out[i].SamplesPerThreadKBps, per)
			}
			spent[i] += time.Since(t0)
			done++
			if cfg.Progress != nil {
				if cfg.Precision > 0 { // the last call says 100%
					total = max(total, done+1)
				}
				cfg.Progress(done, total, cells[i])
			}
		}
		if round < cfg.Count && refs != nil {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			if err := refs.sample(ctx, cfg.SampleTime); err != nil {
				return nil, nil, err
			}
		}
		if round+1 < cfg.Count {
			continue
		}
		active = imprecise(active, out, spent, cfg.Precision, cfg.MaxTime)
	}
	if cfg.Progress != nil && done != total && len(cells) > 0 {
		cfg.Progress(done, done, cells[len(cells)-1]) // finished
	}
	host := result.HostOf(out) // the cells were sampled in rounds, one of each a round
	for i := range out {
		out[i].SummarizeOn(cfg.NoisyPct, host)
	}
	return out, refs.results(), nil
}

// imprecise returns, in order, the cells of active that take another
// round: those whose rerun interval, against the host factor of all the
// cells so far (as the run will state it), is still wider than
// ±precision percent, whose sampling time spent is under maxTime, and
// for which another sample can still help: the host's drift alone, which
// more samples do not narrow (stats.Host.DriftPct), is within
// ±precision. None when precision is 0.
func imprecise(active []int, ms []result.Measurement, spent []time.Duration, precision float64, maxTime time.Duration) []int {
	var next []int
	if precision <= 0 {
		return nil
	}
	host := result.HostOf(ms) // the interval the run will state
	for _, i := range active {
		n := len(ms[i].SamplesKBps)
		if host.RerunInterval(ms[i].SamplesKBps, 0).Pct > precision && spent[i] < maxTime && host.DriftPct(n+1) < precision {
			next = append(next, i)
		}
	}
	return next
}

// chunkTime bounds the work a sample does between two looks at its
// context, so that a Ctrl-C is heeded within about this long whatever the
// sample time. A look is one ctx.Err call, tens of nanoseconds every 100
// ms: nothing a figure could show. The sample is still timed once, from
// its first message to its last.
const chunkTime = 100 * time.Millisecond

// chunkOf returns how many of n units of work that take about d together
// take about chunkTime: all n when d is no longer, and at least 1.
func chunkOf(n int, d time.Duration) int {
	if d <= chunkTime {
		return max(n, 1)
	}
	return max(1, int(float64(n)*float64(chunkTime)/float64(d)))
}

// inChunks runs run(k) for chunks k of at most chunk that add up to n,
// and stops between two with ctx's error when ctx is done.
func inChunks(ctx context.Context, run func(k int), n, chunk int) error {
	for n > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		k := min(n, chunk)
		run(k)
		n -= k
	}
	return nil
}

// Sample times n messages through op and returns the throughput in kB/s.
// d is how long n messages were calibrated to take (Calibrate): the
// messages run in chunks of about chunkTime, and Sample stops between two
// with ctx's error when ctx is done.
func Sample(ctx context.Context, op *bench.Op, n int, d time.Duration) (float64, error) {
	start := time.Now()
	if err := inChunks(ctx, op.Run, n, chunkOf(n, d)); err != nil {
		return 0, err
	}
	return unit.KBps(int64(n)*int64(op.Size), time.Since(start)), nil
}

// Calibrate finds how many messages take about d, warming op up on the
// way (see calibrate). It returns at least 1, or ctx's error when ctx is
// done.
func Calibrate(ctx context.Context, op *bench.Op, d time.Duration) (int, error) {
	runtime.GC() // so that no collection of setup garbage lands in a sample
	return calibrate(ctx, op.Run, 1, d)
}

// calibrateTrials is how many trials at the final count calibrate takes
// the best of. Scaling from one trial made a whole cell's samples far too
// short whenever that trial was pre-empted (a 100 ms chain that ran for
// 0.7 ms on a loaded 2-vCPU machine); interruptions only make a trial
// slower, so the fastest is the one to trust.
const calibrateTrials = 3

// calibrate finds the n for which run(n) takes about d, starting from a
// trial of from (see calibrateTimed). It returns at least 1, or ctx's
// error when ctx is done, which it looks at before every trial.
func calibrate(ctx context.Context, run func(n int), from int, d time.Duration) (int, error) {
	var err error
	n := calibrateTimed(func(n int) time.Duration {
		if err = ctx.Err(); err != nil {
			return -1
		}
		start := time.Now()
		run(n)
		return max(time.Since(start), 1)
	}, from, d)
	return n, err
}

// maxIters bounds a calibrated count: at most 2^53 (exact in a float64).
const maxIters = 1 << 53

// calibrateTimed is calibrate with trial(n) running n and returning the
// time it took, or a negative time to stop (calibrateTimed then returns
// 0). It doubles n until a trial takes a tenth of d, or chunkTime when
// that is shorter, so that no trial holds up a Ctrl-C for long; then it
// takes the best of calibrateTrials trials at that n and scales it to d.
// When the best is under half the trial time aimed at, the trial that
// stopped the doubling was interrupted, and the doubling goes on. It
// returns at least 1.
func calibrateTimed(trial func(n int) time.Duration, from int, d time.Duration) int {
	target := min(d/10, chunkTime)
	n := max(from, 1)
	for {
		el := trial(n)
		if el < 0 {
			return 0
		}
		if el < target && n < math.MaxInt32 {
			n *= 2
			continue
		}
		for range calibrateTrials - 1 {
			t := trial(n)
			if t < 0 {
				return 0
			}
			el = min(el, t)
		}
		if el >= target/2 || n >= math.MaxInt32 {
			return max(1, int(min(float64(n)*float64(d)/float64(el), maxIters)))
		}
		n *= 2
	}
}
