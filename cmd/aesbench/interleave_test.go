package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/openssl"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
)

// TestE2EInterleave runs the same-host A/B as a user would: both results
// files are written, linked as a pair, and compare pairs their rounds.
func TestE2EInterleave(t *testing.T) {
	if runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64" {
		t.Skip("no AES-NI mask on", runtime.GOARCH)
	}
	dir := t.TempDir()
	out, stderr, code := runBinIn(t, dir, nil, "run", "--interleave", "noaesni", "--label", "h",
		"--algos", "aes-128-gcm,3des-cbc", "--sizes", "256", "--count", "6", "--time", "5ms")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Two tables alike but for their figures: each says whose it is.
	if i, j := strings.Index(out, "h (as is):\nThe numbers"), strings.Index(out, "\nh-noaesni (AES-NI masked):\nThe numbers"); i != 0 || j < 0 {
		t.Errorf("stdout does not head each side's table with its label:\n%s", out)
	}
	a, err := result.Read(filepath.Join(dir, "results", "h.json"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := result.Read(filepath.Join(dir, "results", "h-noaesni.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !a.PairedWith(b) || !b.AESNIMasked || b.Probe.Go.HardwareAES {
		t.Errorf("pair %+v / %+v, masked %v, hardware AES %v", a.Pair, b.Pair, b.AESNIMasked, b.Probe.Go.HardwareAES)
	}
	stdout, stderr, code := runBinIn(t, dir, nil, "compare", "--format", "csv", "results/h.json", "results/h-noaesni.json")
	if code != 0 || !strings.Contains(stdout, ",paired,\n") {
		t.Errorf("compare exit %d, no paired ratio:\n%s%s", code, stdout, stderr)
	}
	// The JSON gives each round's ratio: as many as rounds, and their
	// median is the ratio shown.
	stdout, stderr, code = runBinIn(t, dir, nil, "compare", "--format", "json", "results/h.json", "results/h-noaesni.json")
	var c struct {
		Rows []struct {
			Ratios     []float64
			RatioStats []struct{ Rounds []float64 } `json:"ratio_stats"`
		}
	}
	if err := json.Unmarshal([]byte(stdout), &c); code != 0 || err != nil || len(c.Rows) == 0 {
		t.Fatalf("compare --format json: exit %d, %v: %s%s", code, err, stdout, stderr)
	}
	for _, r := range c.Rows {
		if rounds := r.RatioStats[0].Rounds; len(rounds) != 6 || stats.Median(rounds) != r.Ratios[0] {
			t.Errorf("ratio %v from rounds %v; want 6 rounds, their median the ratio", r.Ratios[0], rounds)
		}
	}
}

// TestE2EInterleaveOpenSSL: with --engine go,openssl, openssl speed
// measures both sides in rounds too, the masked side's openssl under its
// mask (its CPUINFO says AES-NI off, and AES runs several times slower
// where the host has AES-NI), and compare pairs those rounds as well.
func TestE2EInterleaveOpenSSL(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("openssl's AES-NI mask is OPENSSL_ia32cap, amd64 only")
	}
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("no openssl on PATH")
	}
	if testing.Short() {
		t.Skip("runs openssl speed for six seconds")
	}
	dir := t.TempDir()
	_, stderr, code := runBinIn(t, dir, nil, "run", "--interleave", "noaesni", "--engine", "go,openssl", "--label", "h",
		"--algos", "aes-128-ctr", "--sizes", "1024", "--count", "3", "--time", "5ms")
	if code != 0 || !strings.Contains(stderr, "openssl: h-noaesni: OPENSSL_ia32cap=") {
		t.Fatalf("exit %d, no openssl rounds: %s", code, stderr)
	}
	if !strings.Contains(stderr, "--count 3: compare pairs the rounds with a sign test, which needs 6 or more") {
		t.Errorf("no word that 3 rounds are too few for the sign test: %s", stderr)
	}
	var rs [2]*result.Results
	for i, name := range []string{"h.json", "h-noaesni.json"} {
		r, err := result.Read(filepath.Join(dir, "results", name))
		if err != nil {
			t.Fatal(err)
		}
		m := r.Find(result.Key{Engine: result.EngineOpenSSL, Algo: "aes-128-ctr", Direction: result.Encrypt, Size: 1024})
		if m == nil || len(m.SamplesKBps) != 3 || r.OpenSSL == nil {
			t.Fatalf("%s: openssl cell %+v, openssl %+v; want 3 samples", name, m, r.OpenSSL)
		}
		caps, err := openssl.ParseCPUInfo(r.OpenSSL.CPUInfo)
		if err != nil {
			t.Fatal(err)
		}
		if masked := i == 1; caps.AESNI != (!masked && r.Probe.Features.AES) {
			t.Errorf("%s: openssl's CPUINFO %q says AES-NI %v", name, r.OpenSSL.CPUInfo, caps.AESNI)
		}
		rs[i] = r
	}
	if rs[0].Probe.Features.AES {
		a := rs[0].Find(result.Key{Engine: result.EngineOpenSSL, Algo: "aes-128-ctr", Direction: result.Encrypt, Size: 1024})
		b := rs[1].Find(result.Key{Engine: result.EngineOpenSSL, Algo: "aes-128-ctr", Direction: result.Encrypt, Size: 1024})
		if a.KBps < 1.5*b.KBps {
			t.Errorf("openssl's AES-128-CTR at 1 KiB: %.0f kB/s as is, %.0f masked; want the mask to slow it", a.KBps, b.KBps)
		}
	}
	stdout, stderr, code := runBinIn(t, dir, nil, "compare", "--format", "csv", "--size", "1024", "results/h.json", "results/h-noaesni.json")
	if code != 0 || strings.Count(stdout, ",paired,\n") != 2 {
		t.Errorf("compare exit %d, want paired ratios of both engines:\n%s%s", code, stdout, stderr)
	}
}

// TestE2EInterleaveFiles: with --file, both sides time the file in
// rounds (--count of them), and each side's figure has a run from every
// round, verified, and no ciphertext is left beside the input.
func TestE2EInterleaveFiles(t *testing.T) {
	if runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64" {
		t.Skip("no AES-NI mask on", runtime.GOARCH)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.log")
	if err := os.WriteFile(in, []byte(strings.Repeat("GET /index.html 200\n", 5000)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runBinIn(t, dir, nil, "run", "--interleave", "noaesni", "--label", "h",
		"--algos", "aes-128-cbc", "--sizes", "16", "--count", "9", "--time", "2ms", "--file", in)
	if code != 0 || !strings.Contains(stderr, "timing the files: 9 rounds, each side one run") {
		t.Fatalf("exit %d, no file rounds: %s", code, stderr)
	}
	for _, name := range []string{"h.json", "h-noaesni.json"} {
		r, err := result.Read(filepath.Join(dir, "results", name))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Files) == 0 {
			t.Fatalf("%s: no file figures", name)
		}
		if r.Pair == nil || !r.Pair.FileRounds {
			t.Errorf("%s: pair %+v, want the files marked as timed in rounds", name, r.Pair)
		}
		for _, f := range r.Files {
			if len(f.SamplesSeconds) != 9 || !f.Verified || f.Seconds != stats.Median(f.SamplesSeconds) {
				t.Errorf("%s: %s (%s): %d runs, verified %v, median %v of %v; want 9 runs, verified", name, f.Algo, f.Engine, len(f.SamplesSeconds), f.Verified, f.Seconds, f.SamplesSeconds)
			}
		}
	}
	// compare pairs the files' runs round by round, as the cells'.
	out, stderr, code := runBinIn(t, dir, nil, "compare", "--format", "json", "--size", "16", "results/h.json", "results/h-noaesni.json")
	if code != 0 {
		t.Fatalf("compare: exit %d: %s", code, stderr)
	}
	var c struct {
		Files []struct {
			RatioStats []struct{ Test string } `json:"ratio_stats"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil || len(c.Files) == 0 {
		t.Fatalf("compare --format json: %v, %d file rows: %s", err, len(c.Files), out)
	}
	for _, f := range c.Files {
		if len(f.RatioStats) != 1 || f.RatioStats[0].Test != "paired" {
			t.Errorf("file row compared by %+v, want paired", f.RatioStats)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 { // in.log and results
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left beside the input: %v", names)
	}
}

// TestE2EInterleaveErrors: usage errors exit 2 and write nothing; a
// worker that cannot mask fails with 1 and writes nothing.
func TestE2EInterleaveErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--interleave", "maybe"}, 2, `--interleave "maybe": want noaesni or same`},
		{[]string{"--duet"}, 2, "--duet goes with --interleave"},
		{[]string{"--interleave", "same", "--no-aesni"}, 2, "leave out --no-aesni"},
		{[]string{"--interleave", "same", "--precision", "2%"}, 2, "cannot go with --precision"},
		{[]string{"--interleave", "same", "--cpu", "0"}, 2, "--cpu: --interleave places its samples on CPUs itself"},
		{[]string{"--cpu", "one"}, 2, `--cpu "one": want CPU numbers`},
		{[]string{"--cpu", "-1"}, 2, `--cpu "-1": want CPU numbers`},
		{[]string{"--cpu", "99999"}, 2, "--cpu: cpu 99999 is not one this process may run on"},
		{[]string{"--cpu", "0", "--threads", "2"}, 2, "--cpu 0: --threads 2 needs as many CPUs"},
	} {
		dir := t.TempDir()
		_, stderr, code := runBinIn(t, dir, nil, append([]string{"run", "--sizes", "16", "--time", "1ms"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%q: exit %d, stderr %q; want %d and one line with %q", tt.args, code, stderr, tt.code, tt.want)
		}
		if _, err := os.Stat(filepath.Join(dir, "results")); err == nil {
			if entries, _ := os.ReadDir(filepath.Join(dir, "results")); len(entries) > 0 {
				t.Errorf("%q: left %v", tt.args, entries)
			}
		}
	}
}
