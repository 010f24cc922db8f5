package measure

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/goengine"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/internal/pdeath"
)

// Side is one side of a same-host A/B run: how its worker process is
// started and what its results say.
type Side struct {
	Label  string   // its results' label
	Env    []string // the worker's whole environment (GODEBUG's mask for the masked side)
	Masked bool     // the side runs with AES-NI masked
}

// ABOptions say how Interleave runs the two sides.
type ABOptions struct {
	// Command starts a worker (ServeWorker on its standard input and
	// output): aesbench's own binary and its hidden command "worker".
	Command []string
	A, B    Side
	// Duet runs the two sides at once, each pinned to a CPU of its own,
	// instead of taking turns. It needs two CPUs.
	Duet bool
	// Seed orders the rounds; 0 for a random order.
	Seed uint64
	// Patience is how long a worker may take to answer beyond the work
	// asked of it before it is taken for hung and killed; 0: a minute.
	Patience time.Duration
}

// Interleave measures o's cells on both sides in the same rounds: each
// round, every cell is sampled once on each side, the cells and, for each
// cell, which side goes first in a random order (randomized multiple
// interleaved trials, RMIT), so that both sides see the same moments of
// the host and sample i of a cell on one side pairs with sample i on the
// other. Each round draws where the two samples of a cell run
// (roundCPUs), so that one CPU slower than another cancels in the pairs.
// Under ab.Duet the two samples of a cell run at once on two CPUs
// instead. Both sides run the go engine in a worker process of their own,
// which checks the ciphers against their known-answer vectors first.
// When o.Engines has openssl, openssl speed measures the cells after the
// go engine, in o.Runs rounds of their own (openssl.RunAB), each side's
// openssl child started with the side's mask; without the go engine, the
// workers only check the ciphers and time the files.
// o.Files, when given, are timed after the cells in o.Runs rounds of
// their own, each side one run of every algorithm and engine a round,
// which side first in a random order: the two sides' runs of a file are
// seconds apart, not a side's whole set of runs. A worker
// that dies, hangs or answers garbage ends the run with an error.
func Interleave(ctx context.Context, o Options, ab ABOptions) (a, b *result.Results, err error) {
	o = o.withDefaults()
	o.Label = ab.A.Label
	if err := o.check(); err != nil {
		return nil, nil, err
	}
	if ab.B.Label == "" || ab.B.Label == ab.A.Label {
		return nil, nil, fmt.Errorf("the two sides need two labels, not %q and %q", ab.A.Label, ab.B.Label)
	}
	if len(ab.Command) == 0 {
		return nil, nil, errors.New("no worker command")
	}
	// The files are checked here, before anything is measured; each
	// worker times them after the rounds.
	if _, err := prepareFiles(ctx, o); err != nil {
		return nil, nil, err
	}
	// So is the openssl of each side: the masked side's must show AES-NI
	// off under its mask.
	var osl [2]*opensslSetup
	if slices.Contains(o.Engines, result.EngineOpenSSL) {
		for i, s := range []Side{ab.A, ab.B} {
			so := o
			so.Masked = s.Masked
			if osl[i], err = prepareOpenSSL(ctx, so); err != nil {
				return nil, nil, err
			}
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	mode, cpus, siblings := "interleaved", [2]int{-1, -1}, false
	if ab.Duet {
		x, y, sib, ok := goengine.DuetCPUs()
		if !ok {
			return nil, nil, errors.New("--duet needs two CPUs this process may run on")
		}
		mode, cpus, siblings = "duet", [2]int{x, y}, sib
	}
	var ws [2]*worker
	for i, s := range []Side{ab.A, ab.B} {
		if ws[i], err = startWorker(ctx, ab.Command, s, i); err != nil {
			return nil, nil, err
		}
		defer ws[i].stop()
	}
	cells := make([]workerCell, len(o.Cells))
	for i, c := range o.Cells {
		cells[i] = workerCell{Algo: c.Algo.Name, Direction: c.Dir, Size: c.Size, Threads: max(c.Threads, 1)}
	}
	goCells := slices.Contains(o.Engines, result.EngineGo)
	setup := workerRequest{Op: "setup", Cells: cells, SampleNS: int64(o.Sample), AEADMode: o.AEADMode, CheckOnly: !goCells}
	// Set-up checks the ciphers and calibrates each cell (only checks
	// them without the go engine, whose cells alone the workers sample):
	// allow a few samples' time per cell, and the patience to spare.
	patience := ab.Patience
	if patience <= 0 {
		patience = time.Minute
	}
	setupWait := patience + time.Duration(len(cells))*10*o.Sample
	var replies [2]workerReply
	if err := both(ws, func(w *worker) (err error) {
		req := setup
		req.CPU, req.Masked = cpus[w.index], []Side{ab.A, ab.B}[w.index].Masked
		replies[w.index], err = w.call(ctx, req, setupWait)
		if err == nil && len(replies[w.index].Iters) != len(cells) {
			err = fmt.Errorf("worker %s calibrated %d cells of %d", w.label, len(replies[w.index].Iters), len(cells))
		}
		return err
	}); err != nil {
		return nil, nil, err
	}
	id := make([]byte, 8)
	rand.Read(id)
	pairID := hex.EncodeToString(id)
	res := [2]*result.Results{}
	for i, s := range []Side{ab.A, ab.B} {
		host := replies[i].Probe
		if host != nil && o.Probe != nil && host.EC2 == nil {
			host.EC2 = o.Probe.EC2
		}
		if host == nil {
			return nil, nil, fmt.Errorf("worker %s: set-up reply has no probe", s.Label)
		}
		if s.Masked && host.Go.HardwareAES {
			return nil, nil, fmt.Errorf("worker %s: GODEBUG=%s did not turn off Go's hardware AES", s.Label, host.GODEBUG)
		}
		other := []Side{ab.B, ab.A}[i]
		res[i] = newResults(o, s.Label, host, s.Masked)
		res[i].Pair = &result.Pair{ID: pairID, With: other.Label, Role: []string{"a", "b"}[i], Mode: mode, SMTSiblings: siblings}
		if !goCells {
			continue
		}
		for j, c := range o.Cells {
			m := result.Measurement{Engine: result.EngineGo, Algo: c.Algo.Name, Direction: c.Dir, Size: c.Size,
				Threads: max(c.Threads, 1), Iters: replies[i].Iters[j]}
			if c.Algo.Mode == bench.AEAD {
				m.AEADMode = o.AEADMode
				if m.AEADMode == "" {
					m.AEADMode = result.AEADModeSeal
				}
			}
			res[i].Measurements = append(res[i].Measurements, m)
		}
	}
	seed := ab.Seed
	if seed == 0 {
		seed = mrand.Uint64()
	}
	rng := mrand.New(mrand.NewPCG(seed, seed>>1|1))
	hz0, clockOK := goengine.EstimateClock()
	done, total := 0, 2*len(cells)*o.Count
	sampleWait := patience + 20*o.Sample
	allowed := goengine.AllowedCPUs()
	rounds := o.Count
	if !goCells {
		rounds = 0 // the workers only checked the ciphers, for the files
	}
	for range rounds {
		for _, j := range rng.Perm(len(cells)) {
			where := roundCPUs(rng, ab.Duet, cpus, allowed, cells[j].Threads)
			take := func(w *worker) error {
				req := workerRequest{Op: "sample", Cell: j, CPUs: where[w.index]}
				rep, err := w.call(ctx, req, sampleWait)
				if err != nil {
					return err
				}
				if !(rep.KBps > 0) || rep.KBps > 1e12 {
					return fmt.Errorf("worker %s answered an implausible figure: %v kB/s", w.label, rep.KBps)
				}
				m := &res[w.index].Measurements[j]
				m.SamplesKBps = append(m.SamplesKBps, rep.KBps)
				if m.Threads > 1 {
					m.SamplesPerThreadKBps = append(m.SamplesPerThreadKBps, rep.PerThreadKBps)
				}
				return nil
			}
			if ab.Duet {
				if err := both(ws, take); err != nil {
					return nil, nil, err
				}
			} else {
				first := rng.IntN(2)
				for _, k := range []int{first, 1 - first} {
					if err := take(ws[k]); err != nil {
						return nil, nil, err
					}
				}
			}
			done += 2
			o.Progress.Update(done, total, fmt.Sprintf("(%d/%d) %s", done, total, o.Cells[j]))
		}
	}
	for i := range res {
		res[i].Summarize() // the medians cycles per byte need, before openssl's cells join
		addClock(res[i], hz0, clockOK)
	}
	if osl[0] != nil {
		if err := runOpenSSLAB(ctx, o, osl, res, rng); err != nil {
			return nil, nil, err
		}
	}
	if len(o.Files) > 0 {
		o.Progress.Note(fmt.Sprintf("timing the files: %d rounds, each side one run of each algorithm and engine a round, in a random order", o.Runs))
		for range o.Runs {
			first := rng.IntN(2)
			for _, k := range []int{first, 1 - first} {
				fr, err := ws[k].call(ctx, workerRequest{Op: "files", Files: o.Files, Count: 1, Cold: o.Cold, Fsync: o.Fsync, OpenSSL: o.OpenSSL, CPUs: allowed}, 0)
				if err != nil {
					return nil, nil, err
				}
				if err := addFileRound(res[k], fr); err != nil {
					return nil, nil, fmt.Errorf("worker %s: %w", ws[k].label, err)
				}
			}
		}
		for i := range res {
			for j := range res[i].Files {
				res[i].Files[j].Summarize()
			}
			res[i].Pair.FileRounds = true
		}
	}
	for i := range res {
		res[i].Summarize() // again, with openssl's cells: each against its engine's host factor
		if siblings {
			res[i].Warnings = append(res[i].Warnings, "the duet's two CPUs may be SMT siblings of one core, sharing its AES units: the two sides slowed each other, which biases the comparison")
		}
		res[i].Warnings = append(res[i].Warnings, warnings(res[i])...)
	}
	return res[0], res[1], nil
}

// addFileRound adds one round of a side's file runs (a worker's reply to
// "files" with one run each) to its results: the first round's figures
// as they are, each later round's run appended to the samples of the
// same file, algorithm and engine. A reply that does not match the
// first round's is garbage from the worker.
func addFileRound(r *result.Results, fr workerReply) error {
	if r.Files == nil {
		r.Files = fr.Files
		if r.OpenSSL == nil { // the openssl engine's record, when there is one, says more
			r.OpenSSL = fr.OpenSSL
		}
		return nil
	}
	if len(fr.Files) != len(r.Files) {
		return fmt.Errorf("answered %d file figures, not %d as before", len(fr.Files), len(r.Files))
	}
	for i, f := range fr.Files {
		have := &r.Files[i]
		if f.Engine != have.Engine || f.Algo != have.Algo || f.Path != have.Path || len(f.SamplesSeconds) != 1 {
			return fmt.Errorf("answered %s %s (%s) with %d runs where one run of %s %s (%s) was due", f.Path, f.Algo, f.Engine, len(f.SamplesSeconds), have.Path, have.Algo, have.Engine)
		}
		have.SamplesSeconds = append(have.SamplesSeconds, f.SamplesSeconds[0])
		have.Verified = have.Verified && f.Verified
	}
	return nil
}

// both runs f on the two workers at once and returns the first error.
func both(ws [2]*worker, f func(*worker) error) error {
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = f(w)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// worker is a running worker process.
type worker struct {
	label   string
	index   int // 0 for side a, 1 for b
	cmd     *exec.Cmd
	in      io.WriteCloser
	replies chan []byte // lines of its standard output; closed when it ends
	stderr  *tail
}

// startWorker starts the worker of side s, the index-th.
func startWorker(ctx context.Context, command []string, s Side, index int) (*worker, error) {
	cmd := exec.CommandContext(ctx, command[0], command[1:]...)
	cmd.Env = s.Env
	// On Ctrl-C a worker gets an interrupt, so that it cleans up (a
	// file's ciphertext) as aesbench does.
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 2 * time.Second
	// And when aesbench is killed, a terminate, for the same clean-up:
	// a worker reads its requests only between samples, and would run
	// out the one it takes (up to --time) and its openssl with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{}
	pdeath.Set(cmd.SysProcAttr, syscall.SIGTERM)
	w := &worker{label: s.Label, index: index, cmd: cmd, replies: make(chan []byte, 1), stderr: &tail{}}
	cmd.Stderr = w.stderr
	var err error
	if w.in, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("worker %s: %w", s.Label, err)
	}
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 64<<10), 16<<20)
		for sc.Scan() {
			w.replies <- append([]byte(nil), sc.Bytes()...)
		}
		close(w.replies)
	}()
	return w, nil
}

// call sends req and waits up to wait (0: no limit but ctx) for the reply.
func (w *worker) call(ctx context.Context, req workerRequest, wait time.Duration) (workerReply, error) {
	var rep workerReply
	line, err := json.Marshal(req)
	if err != nil {
		return rep, err
	}
	if _, err := w.in.Write(append(line, '\n')); err != nil {
		return rep, w.died(err)
	}
	var timeout <-chan time.Time
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-ctx.Done():
		return rep, ctx.Err()
	case <-timeout:
		w.cmd.Process.Kill()
		return rep, fmt.Errorf("worker %s: no answer to %s within %v: killed", w.label, req.Op, wait)
	case b, ok := <-w.replies:
		if !ok {
			return rep, w.died(nil)
		}
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rep); err != nil {
			return rep, fmt.Errorf("worker %s answered garbage to %s: %.80q", w.label, req.Op, b)
		}
		if rep.Error != "" {
			return rep, fmt.Errorf("worker %s: %s", w.label, rep.Error)
		}
		return rep, nil
	}
}

// died says why the worker stopped answering.
func (w *worker) died(err error) error {
	werr := w.cmd.Wait()
	msg := w.stderr.last()
	switch {
	case msg != "":
		return fmt.Errorf("worker %s died (%v): %s", w.label, werr, msg)
	case werr != nil:
		return fmt.Errorf("worker %s died: %w", w.label, werr)
	}
	return fmt.Errorf("worker %s ended without answering: %v", w.label, err)
}

// stop ends the worker: its standard input closes, and it is killed if
// it has not ended a second later.
func (w *worker) stop() {
	w.in.Close()
	done := make(chan struct{})
	go func() { w.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Second):
		w.cmd.Process.Kill()
		<-done
	}
}

// tail keeps the last line a worker wrote on its standard error.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > 4096 {
		t.buf = t.buf[len(t.buf)-4096:]
	}
	return len(p), nil
}

func (t *tail) last() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := strings.Split(strings.TrimSpace(string(t.buf)), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// roundCPUs draws the CPUs each side's sample of a cell runs on in one
// round. CPUs of one VM are not alike: on the 2-vCPU development VM one
// ran AES-GCM 8% slower than the other (probe --cpus), and two worker
// processes left to the scheduler each kept to a CPU of its own, so an
// A/A found differences that were the CPUs'. Interleaved, both samples of
// a round run on one CPU, drawn at random (all of them for a cell on
// more than one thread); in a duet the two CPUs swap sides at random.
// Where the CPUs are unknown (not Linux), nothing is pinned.
func roundCPUs(rng *mrand.Rand, duet bool, duetCPUs [2]int, allowed []int, threads int) [2][]int {
	switch {
	case duet:
		s := rng.IntN(2)
		return [2][]int{{duetCPUs[s]}, {duetCPUs[1-s]}}
	case len(allowed) == 0:
		return [2][]int{}
	case threads > 1:
		return [2][]int{allowed, allowed}
	}
	c := allowed[rng.IntN(len(allowed))]
	return [2][]int{{c}, {c}}
}
