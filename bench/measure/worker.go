package measure

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/goengine"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/cpuinfo"
	"github.com/aesbench/aesbench/cpuinfo/probe"
)

// A same-host A/B run (Interleave) measures in two worker processes, one
// per side, because Go reads GODEBUG's cpu options only when a process
// starts: the masked side must be a process of its own, and so, for
// symmetry, is the other. The parent sends one JSON request per line on a
// worker's standard input and reads one JSON reply per line from its
// standard output:
//
//	{"op":"setup","cells":[...],"sample_ns":...,"aead_mode":"seal"}  ->  {"probe":{...},"iters":[...]}
//	{"op":"sample","cell":3}                                         ->  {"kbps":...,"per_thread_kbps":...}
//
// A reply with "error" ends the run. The worker checks every algorithm
// against its known-answer vectors and calibrates every cell at setup
// (only checks them with "check_only", for a run that times files and
// no cell); it ends when its standard input closes.

// workerCell is a cell as the protocol names it.
type workerCell struct {
	Algo      string           `json:"algo"`
	Direction result.Direction `json:"direction"`
	Size      int              `json:"size"`
	Threads   int              `json:"threads"`
}

type workerRequest struct {
	Op       string          `json:"op"` // "setup", "sample" or "files"
	Cells    []workerCell    `json:"cells,omitempty"`
	SampleNS int64           `json:"sample_ns,omitempty"`
	AEADMode result.AEADMode `json:"aead_mode,omitempty"`
	CPU      int             `json:"cpu"`              // setup: the CPU to pin the worker to; -1 for none
	Masked   bool            `json:"masked,omitempty"` // setup: the worker runs with AES-NI masked (openssl enc is masked too)
	// setup: check the ciphers only, calibrate no cell (iters all 0): the
	// worker will time files, not sample cells.
	CheckOnly bool `json:"check_only,omitempty"`
	Cell      int  `json:"cell"`
	// sample, files: the CPUs to run on, as the round drew them; none:
	// as before.
	CPUs []int `json:"cpus,omitempty"`

	// files: the whole-file workload of the cells' algorithms.
	Files   []string `json:"files,omitempty"`
	Count   int      `json:"count,omitempty"`
	Cold    bool     `json:"cold,omitempty"`
	Fsync   bool     `json:"fsync,omitempty"`
	OpenSSL string   `json:"openssl,omitempty"`
}

type workerReply struct {
	Error         string                   `json:"error,omitempty"`
	Probe         *cpuinfo.Report          `json:"probe,omitempty"`
	Iters         []int                    `json:"iters,omitempty"`
	KBps          float64                  `json:"kbps,omitempty"`
	PerThreadKBps float64                  `json:"per_thread_kbps,omitempty"`
	Files         []result.FileMeasurement `json:"files,omitempty"`
	OpenSSL       *result.OpenSSLInfo      `json:"openssl,omitempty"`
}

// ServeWorker answers a parent's requests from r on w until r ends or
// ctx is done: the worker side of Interleave (aesbench's hidden command
// "worker"). An error is also sent to the parent as a reply.
func ServeWorker(ctx context.Context, r io.Reader, w io.Writer) error {
	in := bufio.NewScanner(r)
	in.Buffer(make([]byte, 64<<10), 1<<20)
	enc := json.NewEncoder(w)
	var groups []*goengine.Group
	var fresh goengine.Layouts // a fresh layout every sample
	var iters []int
	var sample time.Duration
	var setup workerRequest
	fail := func(err error) error {
		enc.Encode(workerReply{Error: err.Error()})
		return err
	}
	for in.Scan() {
		var req workerRequest
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			return fail(fmt.Errorf("worker: bad request: %w", err))
		}
		if len(req.CPUs) > 0 {
			if err := goengine.PinProcess(req.CPUs...); err != nil {
				return fail(fmt.Errorf("worker: %w", err))
			}
		}
		switch req.Op {
		case "setup":
			var err error
			setup, sample = req, time.Duration(req.SampleNS)
			if req.CPU >= 0 {
				if err := goengine.PinProcess(req.CPU); err != nil {
					return fail(fmt.Errorf("worker: %w", err))
				}
			}
			if groups, iters, err = setupWorker(ctx, req, sample); err != nil {
				return fail(err)
			}
			if err := enc.Encode(workerReply{Probe: probe.Host(), Iters: iters}); err != nil {
				return err
			}
		case "sample":
			if req.Cell < 0 || req.Cell >= len(groups) {
				return fail(fmt.Errorf("worker: no cell %d", req.Cell))
			}
			if iters[req.Cell] <= 0 {
				return fail(fmt.Errorf("worker: cell %d was not calibrated (set-up checked the ciphers only)", req.Cell))
			}
			g, err := fresh.Renew(groups[req.Cell])
			if err != nil {
				return fail(fmt.Errorf("worker: %w", err))
			}
			groups[req.Cell] = g
			var rep workerReply
			if len(g.Ops) == 1 {
				rep.KBps, err = goengine.Sample(ctx, g.Ops[0], iters[req.Cell], sample)
			} else {
				rep.KBps, rep.PerThreadKBps, err = g.Sample(ctx, iters[req.Cell], sample)
			}
			if err != nil {
				return fail(err)
			}
			if err := enc.Encode(rep); err != nil {
				return err
			}
		case "files":
			res := &result.Results{}
			var cells []bench.Cell
			for i, c := range setup.Cells {
				cells = append(cells, bench.Cell{Algo: groups[i].Ops[0].Algo, Dir: c.Direction, Size: c.Size})
			}
			o := Options{Cells: cells, Count: req.Count, Runs: req.Count, Files: req.Files, Cold: req.Cold, Fsync: req.Fsync,
				OpenSSL: req.OpenSSL, Masked: setup.Masked, Progress: quiet{}}
			osl, err := prepareFiles(ctx, o)
			if err != nil {
				return fail(err)
			}
			if err := runFiles(ctx, o, osl, res); err != nil {
				return fail(err)
			}
			if err := enc.Encode(workerReply{Files: res.Files, OpenSSL: res.OpenSSL}); err != nil {
				return err
			}
		default:
			return fail(fmt.Errorf("worker: unknown op %q", req.Op))
		}
	}
	if err := in.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// setupWorker checks and prepares the cells of req and calibrates each,
// unless req.CheckOnly.
func setupWorker(ctx context.Context, req workerRequest, sample time.Duration) ([]*goengine.Group, []int, error) {
	if sample <= 0 || len(req.Cells) == 0 {
		return nil, nil, errors.New("worker: setup needs cells and a sample time")
	}
	var algos []*bench.Algorithm
	for _, c := range req.Cells {
		a, err := bench.Lookup(c.Algo)
		if err != nil {
			return nil, nil, fmt.Errorf("worker: %w", err)
		}
		algos = append(algos, a)
	}
	if err := bench.VerifyAll(algos); err != nil {
		return nil, nil, fmt.Errorf("worker: %w", err)
	}
	groups := make([]*goengine.Group, len(req.Cells))
	iters := make([]int, len(req.Cells))
	for i, c := range req.Cells {
		g, err := goengine.NewGroup(algos[i], c.Direction, c.Size, max(c.Threads, 1), req.AEADMode)
		if err != nil {
			return nil, nil, fmt.Errorf("worker: %w", err)
		}
		groups[i] = g
		if req.CheckOnly {
			continue
		}
		if iters[i], err = goengine.Calibrate(ctx, g.Ops[0], sample); err != nil {
			return nil, nil, err
		}
	}
	return groups, iters, nil
}
