package measure

import (
	"bufio"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestWorkerCheckOnly: a set-up with check_only checks the ciphers and
// calibrates nothing (a run with openssl and without the go engine has
// no cell for the workers to sample), and a sample of such a cell is
// refused; a set-up without it calibrates every cell.
func TestWorkerCheckOnly(t *testing.T) {
	for _, checkOnly := range []bool{true, false} {
		setup, err := json.Marshal(workerRequest{Op: "setup", Cells: []workerCell{{Algo: "aes-128-gcm", Direction: "encrypt", Size: 256, Threads: 1}},
			SampleNS: 2e6, CPU: -1, CheckOnly: checkOnly})
		if err != nil {
			t.Fatal(err)
		}
		in := string(setup) + "\n" + `{"op":"sample","cell":0,"cpu":-1}` + "\n"
		var out strings.Builder
		serveErr := ServeWorker(context.Background(), strings.NewReader(in), &out)
		var replies []workerReply
		for sc := bufio.NewScanner(strings.NewReader(out.String())); sc.Scan(); {
			var r workerReply
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("check only %v: reply %q: %v", checkOnly, sc.Text(), err)
			}
			replies = append(replies, r)
		}
		if len(replies) != 2 || replies[0].Error != "" || len(replies[0].Iters) != 1 || replies[0].Probe == nil {
			t.Fatalf("check only %v: replies %+v, want a set-up reply with one cell's iterations, then the sample's", checkOnly, replies)
		}
		if checkOnly {
			if replies[0].Iters[0] != 0 || serveErr == nil || !strings.Contains(replies[1].Error, "not calibrated") {
				t.Errorf("check only: iterations %d, sample reply %+v (%v); want 0 and a refusal", replies[0].Iters[0], replies[1], serveErr)
			}
		} else if replies[0].Iters[0] <= 0 || serveErr != nil || !(replies[1].KBps > 0) {
			t.Errorf("calibrated: iterations %d, sample reply %+v (%v); want a count and a figure", replies[0].Iters[0], replies[1], serveErr)
		}
	}
}
