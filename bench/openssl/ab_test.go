package openssl

import (
	"context"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

// TestRunAB: each side's openssl runs with the side's environment and
// its figures land on that side; every round runs every invocation once
// on each side, the two back to back, which side first at random; an
// algorithm the openssl lacks is left out of both sides with one
// warning; the progress counts both sides' invocations.
func TestRunAB(t *testing.T) {
	path, log := fakeOpenSSL(t)
	cells := fakeCells(t)
	var warnings []string
	lastDone, lastTotal := 0, 0
	const rounds = 6
	a, b, err := RunAB(context.Background(), cells, "OpenSSL 3.0.19", Config{
		Path: path, Seconds: 1, Count: rounds, NoisyPct: 3,
		Warn:     func(msg string) { warnings = append(warnings, msg) },
		Progress: func(done, total int, what string) { lastDone, lastTotal = done, total },
	}, [2][]string{{"FAKE_SIDE=a"}, {"FAKE_SIDE=b", "FAKE_FACTOR=3"}}, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "3des-cbc (des-ede3-cbc)") {
		t.Errorf("warnings %q, want one about 3des-cbc", warnings)
	}
	if lastDone != lastTotal || lastTotal != 2*4*rounds { // two invocations of each algorithm (16 and 48 bytes), on two sides
		t.Errorf("progress ended at %d of %d, want %d of %d", lastDone, lastTotal, 2*4*rounds, 2*4*rounds)
	}
	for side, ms := range [][]result.Measurement{a, b} {
		factor := float64(1 + 2*side) // the fake's FAKE_FACTOR
		if len(ms) != 2 {
			t.Fatalf("side %d: %d measurements, want 2: %+v", side, len(ms), ms)
		}
		for _, m := range ms {
			if m.Engine != result.EngineOpenSSL || m.Algo != "aes-256-cbc" || len(m.SamplesKBps) != rounds || m.KBps != factor*float64(m.Size) {
				t.Errorf("side %d: measurement %+v, want %d samples of %v kB/s", side, m, rounds, factor*float64(m.Size))
			}
		}
	}
	out, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	var aes []string
	des3 := 0
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if strings.Contains(l, "des-ede3-cbc") {
			des3++
			continue
		}
		aes = append(aes, l)
	}
	if des3 != 1 {
		t.Errorf("3des-cbc run %d times, want once (then skipped on both sides)", des3)
	}
	if len(aes) != 2*2*rounds {
		t.Fatalf("%d aes-256-cbc invocations, want %d:\n%s", len(aes), 2*2*rounds, out)
	}
	firsts := map[string]int{}
	for i := 0; i < len(aes); i += 2 {
		sa, argsA, _ := strings.Cut(aes[i], " ")
		sb, argsB, _ := strings.Cut(aes[i+1], " ")
		if argsA != argsB || sa == sb {
			t.Errorf("invocations %d and %d are not one on each side: %q, %q", i, i+1, aes[i], aes[i+1])
		}
		firsts[sa]++
	}
	if firsts["a"] == 0 || firsts["b"] == 0 {
		t.Errorf("which side went first: %v; want both, at random", firsts)
	}
}
