package measure

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/goengine"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/cpuinfo"
	"github.com/aesbench/aesbench/cpuinfo/probe"
)

// Options say what Host measures and how: the flags of aesbench run.
// The zero value of a field is its default.
type Options struct {
	Label  string          // the host's name in results and comparisons; required
	Cells  []bench.Cell    // what to measure (bench.Cells); required
	Probe  *cpuinfo.Report // this host as probed; nil: probe.Host()
	Masked bool            // the process runs with Go's hardware AES masked by GODEBUG (aesbench run --no-aesni); openssl is masked too

	Count int // samples per cell of the go engine, the minimum under Precision; 0: DefaultCount
	// Runs is the number of openssl speed runs and of whole-file runs
	// per cell; 0: Count when it is set, else DefaultRuns.
	Runs    int
	Sample  time.Duration // length of one sample; 0: DefaultSample
	Engines []result.Engine
	// Engines to run, in order; nil: the go engine alone.

	AEADMode  result.AEADMode // how the go engine times AEADs; "": result.AEADModeSeal
	NoisyPct  float64         // cells whose interval is wider than ±this % are noisy; 0: never (aesbench run: stats.DefaultNoisyPct)
	Precision float64         // adaptive sampling until intervals are within ±this %; 0: off
	MaxTime   time.Duration   // under Precision, the sampling budget of one cell; 0: DefaultMaxTime

	OpenSSL string // the openssl binary; "": the one on PATH
	CPUTime bool   // let openssl speed divide by its CPU time instead of wall time

	// Pin confines the measuring process, and the openssl it starts, to
	// these CPUs for the run, as taskset would: a run of one thread then
	// stays on one CPU, where otherwise the OS moves it between CPUs that
	// a shared host may slow unlike each other. nil: where the OS puts
	// it. Linux only.
	Pin []int

	Files []string // whole files to time (filecrypt.Run); none: no file workload
	Cold  bool     // evict each file from the page cache before each run
	Fsync bool     // count the ciphertext's fsync

	Progress Progress // nil: none
}

// CheckPin says whether this process may be confined to cpus
// (Options.Pin): on Linux, each one of the CPUs it may run on now.
func CheckPin(cpus []int) error { return checkPin(cpus, goengine.AllowedCPUs()) }

func checkPin(cpus, allowed []int) error {
	if allowed == nil {
		return errors.New("pinning to a cpu needs Linux")
	}
	for _, c := range cpus {
		if !slices.Contains(allowed, c) {
			return fmt.Errorf("cpu %d is not one this process may run on (%s)", c, strings.Trim(fmt.Sprint(allowed), "[]"))
		}
	}
	return nil
}

// pin confines this process to cpus and returns what puts it back where
// it was allowed before.
func pin(cpus []int) (unpin func(), err error) {
	allowed := goengine.AllowedCPUs()
	if err := checkPin(cpus, allowed); err != nil {
		return nil, err
	}
	if err := goengine.PinProcess(cpus...); err != nil {
		return nil, err
	}
	return func() { _ = goengine.PinProcess(allowed...) }, nil
}

// The defaults of Options.
const (
	DefaultSample  = 50 * time.Millisecond
	DefaultMaxTime = time.Second
	// DefaultCount samples of the go engine make the rerun interval's
	// batches (stats.RerunBatches) four samples each; at DefaultSample
	// that is 0.8 s a cell, as 6 samples of 0.1 s took before.
	DefaultCount = 16
	// DefaultRuns openssl speed runs and whole-file runs, each a second
	// or so, fill the rerun interval's batches (stats.RerunBatches) with
	// two or three runs each, so that compare can ask whether a rerun
	// could make a difference (stats.CompareRuns).
	DefaultRuns = 11
)

// MinSample and MaxSample bound Options.Sample.
//
// Below a millisecond a sample is a handful of messages or one, and its
// figure is mostly the clock: calibration aims its trials at a tenth of
// the sample, and reading the clock costs 20-50 ns with the TSC but 1 µs
// or more with the hpet or acpi_pm clock sources VMs fall back on, so a
// 100 µs trial is the least whose error stays under 1%; a timer tick or
// a pre-emption (1-10 ms) already swamps anything shorter.
//
// Above ten minutes a sample buys nothing: precision comes from the
// number of samples, not their length, and the default suite (18 cells,
// 6 samples each) would take 18 hours. A longer --time is almost surely a
// slip (100h for 100ms), and a run that long should be many runs.
const (
	MinSample = time.Millisecond
	MaxSample = 10 * time.Minute
)

// CheckSample fails when d is outside MinSample to MaxSample.
func CheckSample(d time.Duration) error {
	switch {
	case d < MinSample:
		return fmt.Errorf("sample time %v: below %v, a sample times the clock more than the cipher", d, MinSample)
	case d > MaxSample:
		return fmt.Errorf("sample time %v: above %v, longer samples add no precision (take more of them)", d, MaxSample)
	}
	return nil
}

// withDefaults returns o with its zero fields set to their defaults.
func (o Options) withDefaults() Options {
	if o.Runs == 0 {
		o.Runs = cmp.Or(o.Count, DefaultRuns)
	}
	if o.Count == 0 {
		o.Count = DefaultCount
	}
	if o.Sample == 0 {
		o.Sample = DefaultSample
	}
	if o.MaxTime == 0 {
		o.MaxTime = DefaultMaxTime
	}
	if len(o.Engines) == 0 {
		o.Engines = []result.Engine{result.EngineGo}
	}
	if o.Progress == nil {
		o.Progress = quiet{}
	}
	return o
}

// check fails on options that cannot be measured, before anything is.
func (o Options) check() error {
	switch {
	case o.Label == "":
		return errors.New("no label")
	case len(o.Cells) == 0:
		return errors.New("nothing to measure")
	case o.Count < 1 || o.Runs < 1:
		return fmt.Errorf("count %d, runs %d: need at least one sample", o.Count, o.Runs)
	case CheckSample(o.Sample) != nil:
		return CheckSample(o.Sample)
	case o.NoisyPct < 0 || o.Precision < 0 || o.MaxTime < 0:
		return fmt.Errorf("noisy %v%%, precision %v%%, max time %v: none can be negative", o.NoisyPct, o.Precision, o.MaxTime)
	}
	return nil
}

// Host measures this host as o says and returns the results, with their
// warnings; it writes nothing. It stops with ctx's error when ctx is done.
func Host(ctx context.Context, o Options) (*result.Results, error) {
	o = o.withDefaults()
	if err := o.check(); err != nil {
		return nil, err
	}
	host := o.Probe
	if host == nil {
		host = probe.Host()
	}
	if o.Masked && host.Go.HardwareAES {
		return nil, fmt.Errorf("--no-aesni: GODEBUG=%s did not turn off Go's hardware AES", host.GODEBUG)
	}
	res := newResults(o, o.Label, host, o.Masked)
	// Everything that can fail is checked before anything is measured,
	// so that no failure throws away minutes of figures.
	if len(o.Pin) > 0 {
		unpin, err := pin(o.Pin)
		if err != nil {
			return nil, err
		}
		defer unpin()
		res.PinnedCPUs = slices.Clone(o.Pin)
	}
	var osl *opensslSetup
	if slices.Contains(o.Engines, result.EngineOpenSSL) {
		var err error
		if osl, err = prepareOpenSSL(ctx, o); err != nil {
			return nil, err
		}
	}
	fosl, err := prepareFiles(ctx, o)
	if err != nil {
		return nil, err
	}
	hz0, clockOK := goengine.EstimateClock()
	if slices.Contains(o.Engines, result.EngineGo) {
		var err error
		res.Measurements, res.HostRef, err = goengine.Run(ctx, o.Cells, goengine.Config{
			Count: o.Count, SampleTime: o.Sample, AEADMode: o.AEADMode,
			NoisyPct: o.NoisyPct, Precision: o.Precision, MaxTime: o.MaxTime,
			Progress: func(done, total int, c bench.Cell) {
				o.Progress.Update(done, total, fmt.Sprintf("(%d/%d) %s", done, total, c))
			},
		})
		if err != nil {
			return nil, err
		}
	}
	if osl != nil {
		if err := runOpenSSL(ctx, o, osl, res); err != nil {
			return nil, err
		}
	}
	if err := runFiles(ctx, o, fosl, res); err != nil {
		return nil, err
	}
	addClock(res, hz0, clockOK)
	res.Summarize() // each cell's rerun interval against the run's host factor
	res.Warnings = append(res.Warnings, warnings(res)...)
	return res, nil
}

// newResults is the head of a results file for label, measured on host
// as o says: what every run records before its figures.
func newResults(o Options, label string, host *cpuinfo.Report, masked bool) *result.Results {
	res := &result.Results{
		Schema:        result.Schema,
		Label:         label,
		Time:          time.Now().UTC().Truncate(time.Second),
		Probe:         host,
		GoVersion:     runtime.Version(),
		GODEBUG:       host.GODEBUG,
		AESNIMasked:   masked,
		SampleSeconds: o.Sample.Seconds(),
		Count:         o.Count,
		NoisyPct:      o.NoisyPct,
		PrecisionPct:  o.Precision,
	}
	if o.Precision > 0 {
		res.MaxSeconds = o.MaxTime.Seconds()
	}
	return res
}
