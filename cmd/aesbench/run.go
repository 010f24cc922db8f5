package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/cpuinfo"
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

	engines  []string // "go", "openssl"
	openssl  string   // --openssl: the binary; "" for the one on PATH
	aeadMode string   // --aead-mode of the go engine
	cpuTime  bool     // --openssl-cputime

	noisyPct  float64       // --noisy
	precision float64       // --precision, 0: off
	maxTime   time.Duration // --max-time, per cell
	threads   []int         // --threads, ascending
	format    string        // --format: table, json or gobench

	files []string // --file: whole-file workloads (runfile.go)
	cold  bool
	fsync bool
}

func parseRunFlags(args []string, stdout, stderr io.Writer) (*runOptions, bool, error) {
	fs := newFlags("run", "run [flags]", stderr)
	algos := fs.String("algos", "aes-256-cbc,aes-256-gcm,3des-cbc", "algorithms to measure, comma-separated, or all:\n"+joinWrap(bench.AlgorithmNames()))
	sizes := fs.String("sizes", "16,64,256,1024,8192,16384", "message sizes in bytes, comma-separated (1 byte to 64 MiB; 16k, 1MiB accepted)")
	decrypt := fs.Bool("decrypt", false, "measure decryption (Open, for AEADs) as well as encryption")
	count := fs.Int("count", bench.MinSamplesForCI, "samples per cell (the minimum under --precision); the table shows their median.\nBelow 6 the 95% confidence interval is unbounded; at 6 or 7 it is the samples' range")
	sample := fs.Duration("time", 100*time.Millisecond, "length of one sample")
	label := fs.String("label", "", "name of this host in results and comparisons (default the hostname, with -noaesni under --no-aesni)")
	out := fs.String("out", "", "results file (default results/<label>.json)")
	noAESNI := fs.Bool("no-aesni", false, "emulate a host without AES-NI: rerun with Go's hardware AES turned off by GODEBUG\n(and openssl's by OPENSSL_ia32cap, checked in its CPUINFO line)")
	asJSON := fs.Bool("json", false, "print the results JSON on stdout instead of the table (same as --format json)")
	imds := imdsFlag(fs)
	engines := fs.String("engine", "go", "engines, comma-separated: go (Go's crypto in this process), openssl (openssl speed -mr -evp)")
	opensslPath := fs.String("openssl", "", "the openssl binary of --engine openssl (default the one on PATH)")
	cpuTime := fs.Bool("openssl-cputime", false, "let openssl speed divide by the CPU time it got (its default) instead of wall-clock time (-elapsed, as the go engine)")
	aeadMode := fs.String("aead-mode", bench.AEADModeSeal, "how the go engine times AEADs: seal (one Seal per message, key set up once) or\nper-message (new cipher.AEAD from the key + Seal per message, as openssl speed 3.0.16+ does; allocates)")
	noisy := fs.String("noisy", "3%", "flag cells whose 95% confidence interval is wider than ±this percent of the median; 0 never")
	precision := fs.String("precision", "", "adaptive sampling: after --count rounds, keep sampling (round robin) the cells whose\n95% confidence interval is wider than ±this percent, e.g. 2%, until --max-time")
	maxTime := fs.Duration("max-time", time.Second, "under --precision, the sampling time budget of each cell (so at most cells x this in all,\nplus calibration)")
	threads := fs.String("threads", "1", "workers per cell, each on its own OS thread with its own cipher, or all (one per CPU);\nthe table shows the aggregate (as openssl speed -multi) and the per-thread mean (as bssl speed -threads).\nSeveral counts, e.g. 1,all, measure each cell at each, side by side, with the scaling over one thread\nand the host's own scaling (a dependent ADD chain on as many threads) beside it")
	format := fs.String("format", "table", "what to print on stdout: table, json (the results file) or gobench (Go benchmark format, one line per sample, for benchstat)")
	files := fs.StringArray("file", nil, "also time reading this file, encrypting it and writing the ciphertext beside it (repeatable)")
	cold := fs.Bool("cold", false, "with --file: evict the input from the page cache before each run, to time disk reads")
	fsync := fs.Bool("fsync", false, "with --file: count the ciphertext's fsync in the time")
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return nil, help, err
	}
	if fs.NArg() > 0 {
		return nil, false, usagef("run: unexpected argument %q", fs.Arg(0))
	}
	o := &runOptions{count: *count, sample: *sample, label: *label, out: *out, noAESNI: *noAESNI, json: *asJSON,
		openssl: *opensslPath, cpuTime: *cpuTime, imds: *imds, maxTime: *maxTime, format: *format}
	if err := parseStatsFlags(o, fs.Changed("format"), *noisy, *precision, *threads); err != nil {
		return nil, false, err
	}
	var err error
	if o.engines, err = parseEngines(*engines); err != nil {
		return nil, false, usagef("run: --engine: %w", err)
	}
	if o.aeadMode, err = bench.ParseAEADMode(*aeadMode); err != nil {
		return nil, false, usagef("run: --aead-mode: %w", err)
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
	dirs := []bench.Direction{bench.Encrypt}
	if *decrypt {
		dirs = append(dirs, bench.Decrypt)
	}
	if o.cells, err = bench.Cells(as, dirs, ss, o.threads); err != nil {
		return nil, false, usagef("run: --sizes: %w", err)
	}
	if o.count < 1 {
		return nil, false, usagef("run: --count %d: need at least one sample", o.count)
	}
	if o.sample <= 0 {
		return nil, false, usagef("run: --time %v: must be positive", o.sample)
	}
	return o, false, nil
}

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, help, err := parseRunFlags(args, stdout, stderr)
	if help || err != nil {
		return err
	}
	probe := cpuinfo.Probe()
	if o.noAESNI && !maskedChild() {
		return rerunMasked(ctx, probe.Arch, args, stdout, stderr)
	}
	if o.noAESNI && probe.Go.HardwareAES {
		return fmt.Errorf("run: --no-aesni: GODEBUG=%s did not turn off Go's hardware AES", probe.GODEBUG)
	}
	addEC2(ctx, probe, o.imds, stderr)
	if o.label == "" {
		o.label = defaultLabel(o.noAESNI)
	}
	if o.out == "" {
		o.out = filepath.Join("results", safeName(o.label)+".json")
		if err := os.MkdirAll("results", 0o755); err != nil {
			return fmt.Errorf("run: %w", err)
		}
	}
	if err := checkWritable(o.out); err != nil {
		return fmt.Errorf("run: --out: %w", err)
	}

	fmt.Fprintf(stderr, "aesbench: %s\n", probe.Summary())
	res := &bench.Results{
		Schema:        bench.Schema,
		Label:         o.label,
		Time:          time.Now().UTC().Truncate(time.Second),
		Probe:         probe,
		GoVersion:     runtime.Version(),
		GODEBUG:       probe.GODEBUG,
		AESNIMasked:   o.noAESNI,
		SampleSeconds: o.sample.Seconds(),
		Count:         o.count,
		NoisyPct:      o.noisyPct,
		PrecisionPct:  o.precision,
	}
	if o.precision > 0 {
		res.MaxSeconds = o.maxTime.Seconds()
	}
	hz0, clockOK := bench.EstimateClock()
	p := newProgress(stderr)
	if slices.Contains(o.engines, "go") {
		res.Measurements, res.HostRef, err = bench.Run(ctx, o.cells, bench.Config{
			Count: o.count, SampleTime: o.sample, AEADMode: o.aeadMode,
			NoisyPct: o.noisyPct, Precision: o.precision, MaxTime: o.maxTime,
			Progress: func(done, total int, c bench.Cell) { p.update(done, total, fmt.Sprintf("(%d/%d) %s", done, total, c)) },
		})
		if err != nil {
			return fmt.Errorf("run: %w", err)
		}
	}
	if slices.Contains(o.engines, "openssl") {
		if err := runOpenSSLEngine(ctx, o, res, stderr); err != nil {
			return fmt.Errorf("run: %w", err)
		}
	}
	if res.Files, err = runFiles(ctx, o, res, stderr); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	addClock(stderr, res, hz0, clockOK)
	if err := res.WriteFile(o.out); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	fmt.Fprintf(stderr, "aesbench: wrote %s\n", o.out)
	noteAEADModes(stderr, res)
	warnNoisy(stderr, res)
	warnHost(stderr, res)
	if o.format == "gobench" {
		return report.WriteGoBench(stdout, res)
	}
	if o.format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	if err := report.WriteSpeedTable(stdout, res); err != nil || len(res.Files) == 0 {
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

// safeName turns a label into a file name.
func safeName(label string) string { return unsafeChars.ReplaceAllString(label, "_") }

// checkWritable fails early, before any measuring, when path's directory
// cannot take a new file or path is a directory.
func checkWritable(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a directory", path)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".aesbench-check-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	f.Close()
	return os.Remove(f.Name())
}
