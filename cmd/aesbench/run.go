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
	files   []string // --file: whole-file workloads (runfile.go)
	cold    bool
	fsync   bool
}

func parseRunFlags(args []string, stdout, stderr io.Writer) (*runOptions, bool, error) {
	fs := newFlags("run", "run [flags]", stderr)
	algos := fs.String("algos", "aes-256-cbc,aes-256-gcm,3des-cbc", "algorithms to measure, comma-separated, or all:\n"+joinWrap(bench.AlgorithmNames()))
	sizes := fs.String("sizes", "16,64,256,1024,8192,16384", "message sizes in bytes, comma-separated (1 byte to 64 MiB; 16k, 1MiB accepted)")
	decrypt := fs.Bool("decrypt", false, "measure decryption (Open, for AEADs) as well as encryption")
	count := fs.Int("count", 5, "samples per cell; the table shows their median")
	sample := fs.Duration("time", 200*time.Millisecond, "length of one sample")
	label := fs.String("label", "", "name of this host in results and comparisons (default the hostname, with -noaesni under --no-aesni)")
	out := fs.String("out", "", "results file (default results/<label>.json)")
	noAESNI := fs.Bool("no-aesni", false, "emulate a host without AES-NI: rerun with Go's hardware AES turned off by GODEBUG")
	asJSON := fs.Bool("json", false, "print the results JSON on stdout instead of the table")
	files := fs.StringArray("file", nil, "also time reading this file, encrypting it and writing the ciphertext beside it (repeatable)")
	cold := fs.Bool("cold", false, "with --file: evict the input from the page cache before each run, to time disk reads")
	fsync := fs.Bool("fsync", false, "with --file: count the ciphertext's fsync in the time")
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return nil, help, err
	}
	if fs.NArg() > 0 {
		return nil, false, usagef("run: unexpected argument %q", fs.Arg(0))
	}
	o := &runOptions{count: *count, sample: *sample, label: *label, out: *out, noAESNI: *noAESNI, json: *asJSON}
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
	if o.cells, err = bench.Cells(as, dirs, ss); err != nil {
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
	}
	p := newProgress(stderr)
	res.Measurements, err = bench.Run(ctx, o.cells, bench.Config{
		Count: o.count, SampleTime: o.sample,
		Progress: func(done, total int, c bench.Cell) { p.update(done, total, c.String()) },
	})
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if res.Files, err = runFiles(ctx, o, stderr); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if err := res.WriteFile(o.out); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	fmt.Fprintf(stderr, "aesbench: wrote %s\n", o.out)
	if o.json {
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
