package measure

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/cpuinfo"
)

// The test binary is its own worker when workerEnv is set: Interleave
// starts it as it would start aesbench worker.
const workerEnv = "AESBENCH_TEST_WORKER"

func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) == "1" {
		if err := ServeWorker(context.Background(), os.Stdin, os.Stdout); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func abCells(t *testing.T, algos string) []bench.Cell {
	t.Helper()
	as, err := bench.ParseAlgos(algos)
	if err != nil {
		t.Fatal(err)
	}
	cells, err := bench.Cells(as, []result.Direction{result.Encrypt}, []int{256}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return cells
}

func workerSide(label string, masked bool) Side {
	env := append(os.Environ(), workerEnv+"=1")
	if masked {
		env = append(env, "GODEBUG="+cpuinfo.MaskAESNI(runtime.GOARCH))
	}
	return Side{Label: label, Env: env, Masked: masked}
}

// TestInterleaveAB runs the knight/padawan experiment on this host in
// the same rounds: both sides get every cell's samples, round by round,
// the files are linked as a pair, and the masked side says so.
func TestInterleaveAB(t *testing.T) {
	if runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64" {
		t.Skip("no AES-NI mask on", runtime.GOARCH)
	}
	o := Options{Cells: abCells(t, "aes-128-gcm,3des-cbc"), Count: 4, Sample: 5 * time.Millisecond}
	for _, duet := range []bool{false, true} {
		a, b, err := Interleave(context.Background(), o, ABOptions{
			Command: []string{os.Args[0]}, A: workerSide("a", false), B: workerSide("a-noaesni", true), Duet: duet, Seed: 1,
		})
		if duet && err != nil && strings.Contains(err.Error(), "needs two CPUs") {
			continue
		}
		if err != nil {
			t.Fatalf("duet %v: %v", duet, err)
		}
		if !a.PairedWith(b) || !b.PairedWith(a) || a.Pair.With != "a-noaesni" || b.Pair.Role != "b" {
			t.Errorf("duet %v: not linked as a pair: %+v %+v", duet, a.Pair, b.Pair)
		}
		if a.AESNIMasked || !b.AESNIMasked || b.Probe.Go.HardwareAES || a.Probe.Go.HardwareAES != cpuinfoHasAES(a) {
			t.Errorf("duet %v: masked %v/%v, hardware AES %v/%v", duet, a.AESNIMasked, b.AESNIMasked, a.Probe.Go.HardwareAES, b.Probe.Go.HardwareAES)
		}
		for i := range a.Measurements {
			ma, mb := a.Measurements[i], b.Measurements[i]
			if ma.Key() != mb.Key() || len(ma.SamplesKBps) != 4 || len(mb.SamplesKBps) != 4 || ma.KBps <= 0 || mb.KBps <= 0 {
				t.Errorf("duet %v: cell %d: %v %d samples, %v %d samples", duet, i, ma.Key(), len(ma.SamplesKBps), mb.Key(), len(mb.SamplesKBps))
			}
		}
	}
}

func cpuinfoHasAES(r *result.Results) bool { return r.Probe.Features.AES }

// TestInterleaveWorkerFailures: a worker that dies, hangs or answers
// garbage ends the run with an error that says which and why, soon.
func TestInterleaveWorkerFailures(t *testing.T) {
	dir := t.TempDir()
	script := func(name, body string) []string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return []string{p}
	}
	o := Options{Cells: abCells(t, "aes-128-gcm"), Count: 2, Sample: 5 * time.Millisecond}
	tests := []struct {
		name    string
		command []string
		want    string
	}{
		{"dies", script("dies", "echo 'worker: out of luck' >&2; exit 3"), "died"},
		{"garbage", script("garbage", `read line; echo '{"kbps": "many"'`), "answered garbage"},
		{"hangs", script("hangs", "exec sleep 30"), "no answer to setup"},
		{"implausible", script("implausible", `read line; echo '{"probe":{"arch":"amd64"},"iters":[1]}'; read line; echo '{"kbps":1e300}'`), "implausible"},
		{"missing", []string{filepath.Join(dir, "nothing-here")}, "worker"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t0 := time.Now()
			_, _, err := Interleave(context.Background(), o, ABOptions{
				Command: tt.command, A: Side{Label: "a"}, B: Side{Label: "b"}, Patience: 500 * time.Millisecond,
			})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one with %q", err, tt.want)
			}
			t.Logf("%v", err)
			if took := time.Since(t0); took > 10*time.Second {
				t.Errorf("took %v to fail", took)
			}
		})
	}
}

func TestInterleaveRefusesOneLabel(t *testing.T) {
	o := Options{Cells: abCells(t, "aes-128-gcm"), Count: 2}
	if _, _, err := Interleave(context.Background(), o, ABOptions{Command: []string{"true"}, A: Side{Label: "x"}, B: Side{Label: "x"}}); err == nil {
		t.Fatal("two sides of one label accepted")
	}
}
