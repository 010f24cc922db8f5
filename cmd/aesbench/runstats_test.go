package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench/measure"
	"github.com/aesbench/aesbench/bench/result"
	"golang.org/x/perf/benchfmt"
)

func TestParseRunStatsFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    string // error substring; "" for success
		check   func(o *runOptions) bool
		comment string
	}{
		{nil, "", func(o *runOptions) bool {
			return o.noisyPct == 3 && o.precision == 0 && slices.Equal(o.threads, []int{1}) && o.format == "table" && o.count == 0 // 0: the engines' defaults (measure.DefaultCount, DefaultRuns)
		}, "defaults"},
		{[]string{"--precision", "2%", "--max-time", "500ms", "--noisy", "1.5"}, "", func(o *runOptions) bool {
			return o.precision == 2 && o.maxTime == 500*time.Millisecond && o.noisyPct == 1.5
		}, "precision"},
		{[]string{"--threads", "all"}, "", func(o *runOptions) bool { return slices.Equal(o.threads, []int{runtime.NumCPU()}) }, "all threads"},
		{[]string{"--threads", "1"}, "", func(o *runOptions) bool { return slices.Equal(o.threads, []int{1}) }, ""},
		{[]string{"--threads", "1025"}, `run: --threads: "1025"`, nil, ""},
		{[]string{"--threads", "1,all", "--algos", "aes-128-gcm", "--sizes", "64,1024"}, "", func(o *runOptions) bool {
			return len(o.cells) == 2*len(o.threads) && o.cells[0].Threads == 1 && o.cells[len(o.cells)-1].Threads == runtime.NumCPU()
		}, "one cell per size and thread count"},
		{[]string{"--json"}, "", func(o *runOptions) bool { return o.format == "json" }, "--json synonym"},
		{[]string{"--json", "--format", "json"}, "", func(o *runOptions) bool { return o.format == "json" }, ""},
		{[]string{"--format", "gobench"}, "", func(o *runOptions) bool { return o.format == "gobench" }, ""},
		{[]string{"--json", "--format", "gobench"}, "run: --json conflicts with --format gobench", nil, ""},
		{[]string{"--format", "csv"}, `run: --format "csv": want table, json or gobench`, nil, ""},
		{[]string{"--threads", "0"}, `run: --threads: "0": want numbers from 1 to 1024 or all`, nil, ""},
		{[]string{"--threads", "many"}, `run: --threads: "many"`, nil, ""},
		{[]string{"--threads", "1,"}, `run: --threads: "": want numbers`, nil, ""},
		{[]string{"--threads", "1,1025"}, `run: --threads: "1025"`, nil, ""},
		{[]string{"--precision", "0%"}, "run: --precision 0%: must be positive", nil, ""},
		{[]string{"--precision", "x"}, `run: --precision: "x": want a percentage`, nil, ""},
		{[]string{"--precision", "2%", "--max-time", "0s"}, "run: --max-time 0s: must be positive", nil, ""},
		{[]string{"--noisy", "-1%"}, `run: --noisy: "-1%"`, nil, ""},
		{[]string{"--time", "1ms"}, "", func(o *runOptions) bool { return o.sample == time.Millisecond }, "the shortest sample"},
		{[]string{"--time", "10m"}, "", func(o *runOptions) bool { return o.sample == 10*time.Minute }, "the longest sample"},
		{[]string{"--time", "1ns"}, "run: --time 1ns: want 1ms to 10m0s", nil, "times the clock"},
		{[]string{"--time", "999us"}, "run: --time 999µs: want 1ms to 10m0s", nil, ""},
		{[]string{"--time", "0s"}, "run: --time 0s: want 1ms to 10m0s", nil, ""},
		{[]string{"--time", "-1s"}, "run: --time -1s: want 1ms to 10m0s", nil, ""},
		{[]string{"--time", "1000h"}, "run: --time 1000h0m0s: want 1ms to 10m0s", nil, "a slip"},
	}
	for _, tt := range tests {
		o, _, err := parseRunFlags(tt.args, io.Discard, io.Discard)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.args, err)
		case tt.want == "" && !tt.check(o):
			t.Errorf("%q: options %+v", tt.args, o)
		case tt.want != "":
			var u *usageError
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.As(err, &u) {
				t.Errorf("%q: err = %v, want usage error %q", tt.args, err, tt.want)
			}
		}
	}
}

// TestParseThreads: counts sorted without repeats, all the CPUs, and
// none above them (8 threads on 2 CPUs once ran, and blamed "other
// processes" for the turns its own threads took).
func TestParseThreads(t *testing.T) {
	tests := []struct {
		in   string
		cpus int
		want []int
		err  string
	}{
		{"4, 1,2,4", 4, []int{1, 2, 4}, ""},
		{"all,1", 8, []int{1, 8}, ""},
		{"2", 2, []int{2}, ""},
		{"3", 2, nil, "3: more than the 2 CPUs here"},
		{"1,all,99", 2, nil, "99: more than the 2 CPUs here"},
		{"1,1025", 2048, nil, `"1025": want numbers from 1 to 1024`},
	}
	for _, tt := range tests {
		got, err := parseThreads(tt.in, tt.cpus)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parseThreads(%q, %d) = %v, %v; want error %q", tt.in, tt.cpus, got, err, tt.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("parseThreads(%q, %d) = %v, %v; want %v", tt.in, tt.cpus, got, err, tt.want)
		}
	}
}

func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"2%", "0", "0.5%", "1000", "-1%", "x", "%", "1e3", "NaN", "Inf%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parsePercent(s)
		if err != nil {
			if !strings.Contains(err.Error(), "want a percentage") {
				t.Errorf("parsePercent(%q): error %q does not say what is wanted", s, err)
			}
			return
		}
		if !(v >= 0 && v <= 1000) {
			t.Errorf("parsePercent(%q) = %v, outside 0 to 1000", s, v)
		}
	})
}

func TestRunFormats(t *testing.T) {
	dir := t.TempDir()
	base := []string{"--algos", "aes-128-ctr", "--sizes", "16,64", "--time", "1ms", "--label", "test", "--out", filepath.Join(dir, "r.json")}
	for _, tt := range []struct {
		args  []string
		check func(out string) error
	}{
		{[]string{"--format", "gobench"}, func(out string) error {
			rd := benchfmt.NewReader(strings.NewReader(out), "stdout")
			n, refs := 0, 0
			for rd.Scan() {
				r, ok := rd.Result().(*benchfmt.Result)
				if !ok {
					return fmt.Errorf("not a result: %v", rd.Result())
				}
				if r.GetConfig("pkg") != "github.com/aesbench/aesbench/bench" || r.GetConfig("goarch") == "" { // label and aesni are "# " lines, which benchstat skips
					return fmt.Errorf("result %s, config %v", r.Name, r.Config)
				}
				switch name := r.Name.String(); {
				case strings.HasPrefix(name, "Encrypt/algo=aes-128-ctr/size="):
					n++
				case name == "HostRef/threads=1":
					refs++
				default:
					return fmt.Errorf("result %s: neither a cell nor the host reference", name)
				}
			}
			if n != 2*measure.DefaultCount {
				return fmt.Errorf("%d results, want one per sample, %d", n, 2*measure.DefaultCount)
			}
			if hasChain := runtime.GOARCH == "amd64" || runtime.GOARCH == "arm64"; hasChain != (refs == measure.DefaultCount) {
				return fmt.Errorf("%d host reference lines on %s", refs, runtime.GOARCH)
			}
			return rd.Err()
		}},
		{[]string{"--json"}, func(out string) error {
			r, err := result.Parse("stdout", []byte(out))
			if err != nil {
				return err
			}
			if r.NoisyPct != 3 || len(r.Measurements) != 2 || len(r.Measurements[0].SamplesKBps) != measure.DefaultCount {
				return fmt.Errorf("results %+v", r)
			}
			return nil
		}},
		{nil, func(out string) error {
			if !strings.Contains(strings.ReplaceAll(out, "\n", " "), "95% rerun interval, ± (+high/-low where wide): where a rerun's median falls") {
				return fmt.Errorf("table without intervals:\n%s", out)
			}
			return nil
		}},
	} {
		var stdout, stderr bytes.Buffer
		if err := cmdRun(context.Background(), append(base, tt.args...), &stdout, &stderr); err != nil {
			t.Fatalf("run %q: %v\n%s", tt.args, err, stderr.String())
		}
		if err := tt.check(stdout.String()); err != nil {
			t.Errorf("run %q: %v", tt.args, err)
		}
	}
}

// TestRunScalingEndToEnd runs the binary over two thread counts, as a user
// asking how a cipher scales would, and checks the table's scaling and
// host-reference sections against the results file it wrote.
func TestRunScalingEndToEnd(t *testing.T) {
	dir := t.TempDir()
	stdout, stderr, code := runBinIn(t, dir, nil, "run", "--algos", "aes-128-gcm", "--sizes", "1024", "--threads", "1,2",
		"--time", "5ms", "--label", "scaling", "--out", "r.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	r, err := result.Read(filepath.Join(dir, "r.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Measurements) != 2 || r.Measurements[0].Threads != 1 || r.Measurements[1].Threads != 2 {
		t.Fatalf("measurements %+v, want aes-128-gcm on 1 and 2 threads", r.Measurements)
	}
	x, ok := r.ThreadScaling(&r.Measurements[1])
	if !ok || !regexp.MustCompile(fmt.Sprintf(`(?m)^aes-128-gcm, 2 threads +%.2fx`, x)).MatchString(stdout) {
		t.Errorf("scaling %.2fx (%v) not in the table:\n%s", x, ok, stdout)
	}
	if runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64" {
		return
	}
	h, ok := r.HostScaling(2)
	if !ok || len(r.HostRef[0].SamplesGHz) != measure.DefaultCount || len(r.HostRef[1].SamplesGHz) != measure.DefaultCount {
		t.Fatalf("host reference %+v, want %d samples on 1 and 2 threads", r.HostRef, measure.DefaultCount)
	}
	if want := fmt.Sprintf("2 threads %.2fx.", h); !strings.Contains(stdout, want) {
		t.Errorf("table lacks the host's scaling %q:\n%s", want, stdout)
	}
	// The warning on shared CPUs appears exactly when the host gave less
	// than 90% of two cores.
	if warned := strings.Contains(stderr, "2 threads got"); warned != (h < 1.8) {
		t.Errorf("host scaling %.2fx, warning given: %v\n%s", h, warned, stderr)
	}
	share, ok := r.CoreShare()
	if want := fmt.Sprintf("One thread sustained %.2f GHz", r.HostRef[0].GHz); !ok || !strings.Contains(stdout, want) {
		t.Errorf("table lacks %q (share %.2f, %v):\n%s", want, share, ok, stdout)
	}
	if warned := strings.Contains(stderr, "one thread got"); warned != (share < 0.9) {
		t.Errorf("core share %.2f, warning given: %v\n%s", share, warned, stderr)
	}
}
