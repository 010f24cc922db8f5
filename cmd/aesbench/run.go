package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/filecrypt"
	"github.com/aesbench/aesbench/bench/measure"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
	"github.com/aesbench/aesbench/cpuinfo"
	"github.com/aesbench/aesbench/cpuinfo/probe"
	"github.com/aesbench/aesbench/internal/textwrap"
	"github.com/aesbench/aesbench/report"
)

func init() {
	register(command{name: "run", short: "measure the ciphers, print a table in kB/s, write results JSON", run: cmdRun})
}

// runOptions are the parsed flags of aesbench run.
type runOptions struct {
	cells   []bench.Cell
	count   int
	sample  time.Duration
	label   string
	out     string
	noAESNI bool
	json    bool
	imds    string

	engines  []result.Engine
	openssl  string          // --openssl: the binary; "" for the one on PATH
	aeadMode result.AEADMode // --aead-mode of the go engine
	cpuTime  bool            // --openssl-cputime

	noisyPct  float64       // --noisy
	precision float64       // --precision, 0: off
	maxTime   time.Duration // --max-time, per cell
	threads   []int         // --threads, ascending
	format    string        // --format: table, json or gobench

	files []string // --file: whole-file workloads (runfile.go)
	cold  bool
	fsync bool

	interleave string // --interleave: "" (off), "noaesni" (A/B) or "same" (A/A)
	duet       bool   // --duet: the two sides at once, on two CPUs
	pin        []int  // --cpu: the CPUs to confine the run to; nil: the OS's choice
}

func parseRunFlags(args []string, stdout, stderr io.Writer) (*runOptions, bool, error) {
	fs := newFlags("run", "run [flags]", stderr)
	algos := fs.String("algos", strings.Join(bench.DefaultAlgos, ","), "algorithms to measure, comma-separated, or all:\n"+joinWrap(bench.AlgorithmNames()))
	sizes := fs.String("sizes", joinInts(bench.DefaultSizes), "message sizes in bytes, comma-separated, 1 byte to 64 MiB: 16k and 16KiB are 16384 bytes, 16kB 16000")
	decrypt := fs.Bool("decrypt", false, "measure decryption (Open, for AEADs) as well as encryption")
	count := fs.Int("count", 0, fmt.Sprintf("samples per cell (the minimum under --precision); the table shows their median\n(default %d for the go engine, %d runs for openssl and --file). Below %d the 95%%\nrerun interval is unbounded", measure.DefaultCount, measure.DefaultRuns, stats.MinSamplesForRerun))
	sample := fs.Duration("time", measure.DefaultSample, "length of one sample, from 1ms to 10m")
	label := fs.String("label", "", "name of this host in results and comparisons (default the hostname, with -noaesni under --no-aesni)")
	out := fs.String("out", "", "results file (default results/<label>.json)")
	markWrites(fs, "out", "a file", "a file", "--format json prints the results on stdout")
	noAESNI := fs.Bool("no-aesni", false, "emulate a host without AES-NI: rerun with Go's hardware AES turned off by GODEBUG\n(and openssl's by OPENSSL_ia32cap, checked in its CPUINFO line)")
	asJSON := fs.Bool("json", false, "print the results JSON on stdout instead of the table (same as --format json)")
	imds := imdsFlag(fs)
	engines := fs.String("engine", "go", "engines, comma-separated: go (Go's crypto in this process), openssl (openssl speed -mr -evp)")
	opensslPath := fs.String("openssl", "", "the openssl binary of --engine openssl (default the one on PATH)")
	cpuTime := fs.Bool("openssl-cputime", false, "let openssl speed divide by the CPU time it got (its default) instead of wall-clock time (-elapsed, as the go engine)")
	aeadMode := fs.String("aead-mode", string(result.AEADModeSeal), "how the go engine times AEADs: seal (one Seal per message, key set up once) or\nper-message (new cipher.AEAD from the key + Seal per message, as openssl speed 3.0.16+ does; allocates)")
	noisy := fs.String("noisy", strconv.FormatFloat(stats.DefaultNoisyPct, 'g', -1, 64)+"%", "flag cells whose 95% rerun interval is wider than ±this percent of the median; 0 never")
	precision := fs.String("precision", "", "adaptive sampling: after --count rounds, keep sampling (round robin) the cells whose\n95% rerun interval is wider than ±this percent, e.g. 2%, until --max-time")
	maxTime := fs.Duration("max-time", measure.DefaultMaxTime, "under --precision, the sampling time budget of each cell (so at most cells x this in all,\nplus calibration)")
	threads := fs.String("threads", "1", "workers per cell, each on its own OS thread with its own cipher, or all (one per CPU);\nthe table shows the aggregate (as openssl speed -multi) and the per-thread mean (as bssl speed -threads).\nSeveral counts, e.g. 1,all, measure each cell at each, side by side, with the scaling over one thread\nand the host's own scaling (a dependent ADD chain on as many threads) beside it")
	format := fs.String("format", "table", "what to print on stdout: table, json (the results file) or gobench (Go benchmark format, one line per sample, for benchstat)")
	files := fs.StringArray("file", nil, "also time reading this file, encrypting it and writing the ciphertext beside it (repeatable)")
	cold := fs.Bool("cold", false, "with --file: evict the input from the page cache before each run, to time disk reads")
	fsync := fs.Bool("fsync", false, "with --file: count the ciphertext's fsync in the time")
	interleave := fs.String("interleave", "", "measure two sides in the same rounds, in two worker processes, their turns in a random order:\nnoaesni (this host as is and with AES-NI masked: the knight/padawan experiment on one host) or\nsame (both as is: an A/A, to see what noise alone looks like); writes <label>.json and\n<label>-noaesni.json (or <label>-again.json), whose samples compare pairs round by round\n(--count rounds, 6 or more for a difference to be found; --engine openssl: openssl speed in rounds too)")
	duet := fs.Bool("duet", false, "with --interleave: run the two sides at once, each pinned to a CPU of its own, instead of in turns")
	cpus := fs.String("cpu", "", "confine the run to these CPUs, comma-separated, as taskset -c does (Linux): a run of one\nthread then stays on one CPU, and runs compared across time usually move less; give every run the same\n(default: where the OS puts it)")
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return nil, help, err
	}
	if fs.NArg() > 0 {
		return nil, false, usagef("run: unexpected argument %q", fs.Arg(0))
	}
	o := &runOptions{count: *count, sample: *sample, label: *label, out: *out, noAESNI: *noAESNI, json: *asJSON,
		openssl: *opensslPath, cpuTime: *cpuTime, imds: *imds, maxTime: *maxTime, format: *format,
		interleave: *interleave, duet: *duet}
	if err := parseStatsFlags(o, fs.Changed("format"), *noisy, *precision, *threads); err != nil {
		return nil, false, err
	}
	var err error
	if o.engines, err = result.ParseEngines(*engines); err != nil {
		return nil, false, usagef("run: --engine: %w", err)
	}
	if o.aeadMode, err = result.ParseAEADMode(*aeadMode); err != nil {
		return nil, false, usagef("run: --aead-mode: %w", err)
	}
	if err := checkInterleave(o); err != nil {
		return nil, false, err
	}
	if o.pin, err = parseCPUs(*cpus, o); err != nil {
		return nil, false, err
	}
	if err := checkLabel("run", o.label); err != nil {
		return nil, false, err
	}
	if err := checkFileFlags(o, *files, *cold, *fsync); err != nil {
		return nil, false, err
	}
	as, err := bench.ParseAlgos(*algos)
	if err != nil {
		return nil, false, usagef("run: --algos: %w", err)
	}
	ss, err := bench.ParseSizes(*sizes)
	if err != nil {
		return nil, false, usagef("run: --sizes: %w", err)
	}
	dirs := []result.Direction{result.Encrypt}
	if *decrypt {
		dirs = append(dirs, result.Decrypt)
	}
	if o.cells, err = bench.Cells(as, dirs, ss, o.threads); err != nil {
		return nil, false, usagef("run: --sizes: %w", err)
	}
	if fs.Changed("count") && o.count < 1 {
		return nil, false, usagef("run: --count %d: need at least one sample", o.count)
	}
	if o.sample < measure.MinSample || o.sample > measure.MaxSample {
		return nil, false, usagef("run: --time %v: want %v to %v (shorter samples time the clock, longer ones add no precision)", o.sample, measure.MinSample, measure.MaxSample)
	}
	return o, false, nil
}

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, help, err := parseRunFlags(args, stdout, stderr)
	if help || err != nil {
		return err
	}
	host := probe.Host()
	if o.noAESNI && !maskedChild() {
		return rerunMasked(ctx, host.Arch, args, stdout, stderr)
	}
	addEC2(ctx, host, o.imds, stderr)
	if o.label == "" {
		o.label = defaultLabel(o.noAESNI)
	}
	if o.interleave != "" {
		return runInterleaved(ctx, o, host, stdout, stderr)
	}
	outFlag := "--out"
	if o.out == "" {
		var err error
		if o.out, err = defaultOut("run", o.label); err != nil {
			return err
		}
		outFlag = "--label"
	}
	if err := checkOutNotInput("run", o.out, "--file", o.files); err != nil {
		return err
	}
	if err := result.CheckWritable(o.out); err != nil {
		return fmt.Errorf("run: %s: %w", outFlag, err)
	}

	banner(stderr, host.Summary())
	p := newProgress(stderr)
	res, err := measure.Host(ctx, measure.Options{
		Label: o.label, Cells: o.cells, Probe: host, Masked: o.noAESNI,
		Count: o.count, Sample: o.sample, Engines: o.engines, AEADMode: o.aeadMode,
		NoisyPct: o.noisyPct, Precision: o.precision, MaxTime: o.maxTime,
		OpenSSL: o.openssl, CPUTime: o.cpuTime, Files: o.files, Cold: o.cold, Fsync: o.fsync,
		Pin: o.pin, Progress: p,
	})
	p.Clear()
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	return saveAndPrint(res, o.out, o.format, stdout, stderr)
}

// parseCPUs reads --cpu: CPU numbers this process may run on, no more
// threads a cell than CPUs, and not with --interleave, which places its
// samples itself. nil for "".
func parseCPUs(s string, o *runOptions) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	if o.interleave != "" {
		return nil, usagef("run: --cpu: --interleave places its samples on CPUs itself")
	}
	var cpus []int
	for f := range strings.SplitSeq(s, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || c < 0 {
			return nil, usagef("run: --cpu %q: want CPU numbers, comma-separated, e.g. 1 or 0,2", s)
		}
		if !slices.Contains(cpus, c) {
			cpus = append(cpus, c)
		}
	}
	if err := measure.CheckPin(cpus); err != nil {
		return nil, usagef("run: --cpu: %w", err)
	}
	if n := slices.Max(o.threads); n > len(cpus) {
		return nil, usagef("run: --cpu %s: --threads %d needs as many CPUs", s, n)
	}
	return cpus, nil
}

// checkInterleave checks --interleave and --duet against the other flags.
func checkInterleave(o *runOptions) error {
	switch {
	case o.interleave == "" && o.duet:
		return usagef("run: --duet goes with --interleave")
	case o.interleave == "":
		return nil
	case o.interleave != "noaesni" && o.interleave != "same":
		return usagef("run: --interleave %q: want noaesni or same", o.interleave)
	case o.noAESNI:
		return usagef("run: --interleave measures the masked side itself; leave out --no-aesni")
	case o.precision > 0:
		return usagef("run: --interleave takes --count rounds; it cannot go with --precision")
	}
	return nil
}

// runInterleaved measures this host on two sides in the same rounds
// (measure.Interleave), writes both results files and prints both tables.
func runInterleaved(ctx context.Context, o *runOptions, host *cpuinfo.Report, stdout, stderr io.Writer) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("run: --interleave: %w", err)
	}
	suffix := "-again"
	if o.interleave == "noaesni" {
		suffix = "-noaesni"
	}
	a := measure.Side{Label: o.label, Env: os.Environ()}
	b := measure.Side{Label: o.label + suffix, Env: os.Environ()}
	if o.interleave == "noaesni" {
		b = measure.Side{Label: b.Label, Env: maskedEnv(host.Arch), Masked: true}
	}
	outA, outFlag := o.out, "--out"
	if outA == "" {
		if outA, err = defaultOut("run", a.Label); err != nil {
			return err
		}
		outFlag = "--label"
	}
	outB := strings.TrimSuffix(outA, ".json") + suffix + ".json" // beside it, named as its label is
	for _, out := range []string{outA, outB} {
		if err := checkOutNotInput("run", out, "--file", o.files); err != nil {
			return err
		}
		if err := result.CheckWritable(out); err != nil {
			return fmt.Errorf("run: %s: %w", outFlag, err)
		}
	}
	banner(stderr, host.Summary())
	mode := "in turns, in a random order each round"
	if o.duet {
		mode = "at once, on two CPUs"
	}
	fmt.Fprintf(stderr, "aesbench: measuring %s and %s %s\n", a.Label, b.Label, mode)
	if o.count > 0 && o.count < stats.MinPairedRounds {
		say(stderr, "aesbench: warning: ", fmt.Sprintf("--count %d: compare pairs the rounds with a sign test, which needs %d or more to find any difference", o.count, stats.MinPairedRounds))
	}
	p := newProgress(stderr)
	ra, rb, err := measure.Interleave(ctx, measure.Options{
		Cells: o.cells, Probe: host, Count: o.count, Sample: o.sample, Engines: o.engines, AEADMode: o.aeadMode, NoisyPct: o.noisyPct,
		OpenSSL: o.openssl, CPUTime: o.cpuTime, Files: o.files, Cold: o.cold, Fsync: o.fsync, Progress: p,
	}, measure.ABOptions{Command: []string{self, "worker"}, A: a, B: b, Duet: o.duet})
	p.Clear()
	if err != nil {
		return fmt.Errorf("run: --interleave: %w", err)
	}
	side := func(r *result.Results) {
		if o.format != "table" {
			return // JSON and the benchmark format carry their labels
		}
		state := "as is"
		if r.AESNIMasked {
			state = "AES-NI masked"
		}
		fmt.Fprintf(stdout, "%s (%s):\n", r.Label, state)
	}
	side(ra)
	errA := saveAndPrint(ra, outA, o.format, stdout, stderr)
	fmt.Fprintln(stdout)
	side(rb)
	errB := saveAndPrint(rb, outB, o.format, stdout, stderr)
	if err := errors.Join(errA, errB); err != nil {
		return err
	}
	say(stderr, "aesbench: ", fmt.Sprintf("compare them, pairing the rounds: aesbench compare %s %s", outA, outB))
	return nil
}

// saveAndPrint writes the results file out and prints res on stdout in
// format, then says where it wrote them and the run's warnings on
// stderr, after the figures, so that on a terminal they follow the table
// they are about (as compare's). When the file cannot be written after
// all, the figures are printed all the same, and the error says they
// were not saved.
func saveAndPrint(res *result.Results, out, format string, stdout, stderr io.Writer) error {
	werr := os.MkdirAll(filepath.Dir(out), 0o755) // result.CheckWritable made none
	if werr == nil {
		werr = res.WriteFile(out)
	}
	perr := printResults(res, format, stdout)
	if werr == nil {
		fmt.Fprintf(stderr, "aesbench: wrote %s\n", out)
	}
	for _, w := range res.Warnings {
		say(stderr, "aesbench: warning: ", w)
	}
	if werr != nil {
		return fmt.Errorf("run: results not saved, only printed: %w", werr)
	}
	return perr
}

// printResults prints res on stdout in format: table, json or gobench.
func printResults(res *result.Results, format string, stdout io.Writer) error {
	if format == "gobench" {
		return report.WriteGoBench(stdout, res)
	}
	if format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	// On a terminal narrower than openssl's table, its sizes go in blocks.
	if err := report.WriteSpeedTableWithin(stdout, res, termWidth(stdout)); err != nil || len(res.Files) == 0 {
		return err
	}
	fmt.Fprintln(stdout)
	return report.WriteFileTable(stdout, res)
}

func defaultLabel(masked bool) string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		h = "localhost"
	}
	if masked {
		h += "-noaesni"
	}
	return h
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// safeName turns a label into a file name: characters other than
// letters, digits, '.', '_' and '-' become '_', and leading dots go, so
// that "../../x" names no hidden file ("_.._x").
func safeName(label string) string {
	name := strings.TrimLeft(unsafeChars.ReplaceAllString(label, "_"), ".")
	if name == "" {
		return "_"
	}
	return name
}

// sameFile says whether paths a and b name one file: once both exist,
// whether they are the same file (os.SameFile, through links and other
// spellings); otherwise whether their absolute paths are equal.
func sameFile(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}

// checkOutNotInput refuses, as a usage error of command cmd, a results
// file out that is one of the inputs (given as flag, "" for arguments):
// writing the results would replace the input.
func checkOutNotInput(cmd, out, flag string, inputs []string) error {
	for _, in := range inputs {
		if sameFile(out, in) {
			what := "input " + in
			if flag != "" {
				what = flag + " " + in
			}
			return usagef("%s: --out %s is the %s: the results would replace it", cmd, out, what)
		}
	}
	return nil
}

// joinInts writes ns comma-separated, as a flag default.
func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}

// parseStatsFlags checks and fills the statistics, threading and output
// flags of aesbench run: --noisy, --precision, --max-time, --threads and
// --format (with --json as a synonym for --format json).
func parseStatsFlags(o *runOptions, formatSet bool, noisy, precision, threads string) error {
	var err error
	if o.noisyPct, err = parsePercent(noisy); err != nil {
		return usagef("run: --noisy: %w", err)
	}
	if precision != "" {
		if o.precision, err = parsePercent(precision); err != nil {
			return usagef("run: --precision: %w", err)
		}
		if o.precision == 0 {
			return usagef("run: --precision %s: must be positive", precision)
		}
		if o.maxTime <= 0 {
			return usagef("run: --max-time %v: must be positive", o.maxTime)
		}
	}
	if o.threads, err = parseThreads(threads, runtime.NumCPU()); err != nil {
		return usagef("run: --threads: %w", err)
	}
	switch o.format {
	case "table", "json", "gobench":
	default:
		return usagef("run: --format %q: want table, json or gobench", o.format)
	}
	if o.json {
		if formatSet && o.format != "json" {
			return usagef("run: --json conflicts with --format %s", o.format)
		}
		o.format = "json"
	}
	return nil
}

// parseThreads reads --threads: thread counts from 1 to 1024 or all (one
// per CPU), comma-separated, returned in ascending order without repeats,
// none above cpus, the CPUs this process may use: more threads than CPUs
// take turns on them, and time the scheduler rather than the cipher.
func parseThreads(s string, cpus int) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		n, err := strconv.Atoi(f)
		if f == "all" {
			n, err = cpus, nil
		}
		if err != nil || n < 1 || n > 1024 {
			return nil, fmt.Errorf("%q: want numbers from 1 to 1024 or all, comma-separated, e.g. 1,all", f)
		}
		if n > cpus {
			return nil, fmt.Errorf("%d: more than the %d CPUs here (more threads take turns on them, timing the scheduler, not the cipher; try all)", n, cpus)
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out, nil
}

// parsePercent reads a percentage such as "2%", "2" or "0.5%".
func parsePercent(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "%"), 64)
	if err != nil || !(v >= 0 && v <= 1000) { // NaN too
		return 0, fmt.Errorf("%q: want a percentage from 0 to 1000, e.g. 2%%", s)
	}
	return v, nil
}

// checkFileFlags records run's --file, --cold and --fsync, and checks
// each file before anything is measured: a path that does not exist, is
// a directory or is empty fails there (exit 1, as a missing results file
// does for compare), not after the run.
func checkFileFlags(o *runOptions, files []string, cold, fsync bool) error {
	if len(files) == 0 && (cold || fsync) {
		return usagef("run: --cold and --fsync need --file")
	}
	for _, f := range files {
		if _, err := filecrypt.Check(f); err != nil {
			return fmt.Errorf("run: --file %w", err)
		}
	}
	o.files, o.cold, o.fsync = files, cold, fsync
	return nil
}

// banner prints a line of information on stderr (say).
func banner(stderr io.Writer, msg string) { say(stderr, "aesbench: ", msg) }

// say prints prefix and msg as a line on stderr, wrapped to the width of
// a terminal under the prefix (a log keeps it on one line).
func say(stderr io.Writer, prefix, msg string) {
	if cols := termWidth(stderr); cols > 0 {
		msg = textwrap.Hanging(msg, len(prefix), cols)
	}
	fmt.Fprintf(stderr, "%s%s\n", prefix, msg)
}
