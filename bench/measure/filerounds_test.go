package measure

import (
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

// TestAddFileRound: the rounds of a side's file runs add up to one
// figure per file, algorithm and engine, with a run from every round, and
// verified only when every round verified it; a reply that does not
// match the first round's is an error.
func TestAddFileRound(t *testing.T) {
	round := func(secs float64, verified bool, algos ...string) workerReply {
		var fs []result.FileMeasurement
		for _, a := range algos {
			fs = append(fs, result.FileMeasurement{Engine: result.EngineGo, Algo: a, Path: "log.gz", Bytes: 1e6, SamplesSeconds: []float64{secs}, Verified: verified})
		}
		return workerReply{Files: fs}
	}
	var r result.Results
	for i, rep := range []workerReply{round(2, true, "aes-256-cbc", "3des-cbc"), round(1, false, "aes-256-cbc", "3des-cbc"), round(3, true, "aes-256-cbc", "3des-cbc")} {
		if err := addFileRound(&r, rep); err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
	}
	if len(r.Files) != 2 {
		t.Fatalf("%d figures, want 2", len(r.Files))
	}
	for _, f := range r.Files {
		f.Summarize()
		if got := f.SamplesSeconds; len(got) != 3 || got[0] != 2 || got[1] != 1 || got[2] != 3 || f.Seconds != 2 || f.Verified {
			t.Errorf("%s: samples %v, median %v, verified %v; want [2 1 3], 2, false", f.Algo, got, f.Seconds, f.Verified)
		}
	}
	for _, tt := range []struct {
		name string
		rep  workerReply
		want string
	}{
		{"a figure missing", round(1, true, "aes-256-cbc"), "answered 1 file figures, not 2"},
		{"another algorithm", round(1, true, "aes-256-cbc", "aes-256-gcm"), "answered log.gz aes-256-gcm (go) with 1 runs where one run of log.gz 3des-cbc (go) was due"},
	} {
		if err := addFileRound(&r, tt.rep); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}
