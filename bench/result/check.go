package result

import (
	"errors"
	"fmt"
	"math"
	"unicode"

	"github.com/aesbench/aesbench/bench/stats"
)

// ErrImplausible is wrapped by Parse for a results file whose figures no
// run could have given: results files come from other hosts, and a
// figure of 1e308 kB/s or a label holding a newline must stop at the
// door, not break a table or a chart.
var ErrImplausible = errors.New("implausible results")

// The bounds of plausible figures. They are far from anything measured,
// so that only a broken or forged file meets them, and near enough that
// every ratio and axis of two plausible figures is a finite number.
const (
	// maxKBps is 1e12 kB/s, a petabyte per second: a thousand times the
	// aggregate of the largest machines (a few hundred cores at some
	// GB/s each) and above the memory bandwidth of any.
	maxKBps = 1e12
	// minKBps is the least figure above 0: one byte per second, a
	// million times slower than 3DES on the slowest core. 0 is a cell
	// openssl speed printed as 0.00 (not measured).
	minKBps = 1e-3
	// maxSize is the largest message size, bench.maxSize.
	maxSize = 64 << 20
	// maxThreads is more workers than any machine has CPUs.
	maxThreads = 1 << 16
	// maxCPU is past the highest CPU number a machine can have: Linux's
	// CPU sets end at 8192.
	maxCPU = 1 << 16
	// maxCount is more samples per cell than a run takes in a month.
	maxCount = 1 << 24
	// maxFileBytes is the largest input of a file workload: a pebibyte.
	maxFileBytes = 1 << 50
	// minSeconds and maxSeconds bound a time: a nanosecond, and about
	// four months.
	minSeconds = 1e-9
	maxSeconds = 1e7
	// maxGHzPerThread bounds the host reference's ADDs per nanosecond
	// per worker: ten times the fastest clock.
	maxGHzPerThread = 100
	// maxName and maxText bound the length of a name (a label, an
	// algorithm; a host name has at most 253 bytes) and of a description
	// (a CPU model, an openssl version), in bytes.
	maxName = 255
	maxText = 1024
	// maxPath bounds a file's path (Linux's PATH_MAX), and maxWarning a
	// warning, which names cells and hosts.
	maxPath    = 4096
	maxWarning = 4096
)

// check returns where r is implausible, naming the field by its JSON
// path: "measurements[3].kbps: 1.7e+308 is above 1e+12 kB/s".
func (r *Results) check() error {
	c := &checker{}
	c.name("label", r.Label)
	c.text("go_version", r.GoVersion)
	c.text("godebug", r.GODEBUG)
	c.name("source", string(r.Source))
	if p := r.Probe; p != nil {
		c.text("probe.model", p.Model)
		c.name("probe.arch", p.Arch)
		if p.EC2 != nil {
			c.name("probe.ec2.instance_type", p.EC2.InstanceType)
		}
	}
	if o := r.OpenSSL; o != nil {
		c.text("openssl.version", o.Version)
		c.text("openssl.cpuinfo", o.CPUInfo)
		c.between("openssl.seconds", float64(o.Seconds), 0, maxSeconds, "s")
	}
	if p := r.Pair; p != nil {
		c.name("pair.id", p.ID)
		c.name("pair.with", p.With)
		if p.Role != PairRoleA && p.Role != PairRoleB {
			c.fail("pair.role", "%q is neither %s nor %s", p.Role, PairRoleA, PairRoleB)
		}
		if p.Mode != PairInterleaved && p.Mode != PairDuet {
			c.fail("pair.mode", "%q is neither %s nor %s", p.Mode, PairInterleaved, PairDuet)
		}
	}
	for i, w := range r.Warnings {
		c.string(fmt.Sprintf("warnings[%d]", i), w, maxWarning)
	}
	c.between("count", float64(r.Count), 0, maxCount, "samples")
	c.between("sample_seconds", r.SampleSeconds, 0, maxSeconds, "s")
	c.between("noisy_pct", r.NoisyPct, 0, 1e6, "%")
	c.between("precision_pct", r.PrecisionPct, 0, 1e6, "%")
	c.between("max_seconds", r.MaxSeconds, 0, maxSeconds, "s")
	c.between("clock_hz", r.ClockHz, 0, 1e11, "Hz")
	c.between("aesenc_cycles", r.AESENCCycles, 0, 1e4, "cycles")
	for i, cpu := range r.PinnedCPUs {
		c.between(fmt.Sprintf("pinned_cpus[%d]", i), float64(cpu), 0, maxCPU, "")
	}
	for i := range r.Measurements {
		c.measurement(fmt.Sprintf("measurements[%d]", i), &r.Measurements[i])
	}
	for i := range r.Files {
		c.file(fmt.Sprintf("files[%d]", i), &r.Files[i])
	}
	for i, ref := range r.HostRef {
		at := fmt.Sprintf("host_reference[%d]", i)
		c.between(at+".threads", float64(ref.Threads), 1, maxThreads, "workers")
		maxGHz := maxGHzPerThread * float64(max(ref.Threads, 1))
		c.between(at+".ghz", ref.GHz, 0, maxGHz, "GHz")
		for j, x := range ref.SamplesGHz {
			c.between(fmt.Sprintf("%s.samples_ghz[%d]", at, j), x, 0, maxGHz, "GHz")
		}
		c.between(at+".wait_share", ref.WaitShare, 0, 1, "")
		for j, x := range ref.SamplesWaitShare {
			c.between(fmt.Sprintf("%s.samples_wait_share[%d]", at, j), x, 0, 1, "")
		}
	}
	return c.err
}

func (c *checker) measurement(at string, m *Measurement) {
	c.name(at+".engine", string(m.Engine))
	c.name(at+".algo", m.Algo)
	switch m.Direction {
	case "", Encrypt, Decrypt:
	default:
		c.fail(at+".direction", "%q is neither %s nor %s", m.Direction, Encrypt, Decrypt)
	}
	c.name(at+".aead_mode", string(m.AEADMode))
	c.between(at+".size", float64(m.Size), 1, maxSize, "bytes")
	c.between(at+".threads", float64(m.Threads), 0, maxThreads, "workers")
	c.between(at+".iters_per_sample", float64(m.Iters), 0, 1<<53, "messages")
	c.between(at+".samples_kbps", float64(len(m.SamplesKBps)), 1, maxCount, "samples")
	c.spread(at, "kbps", m.SamplesKBps, m.KBps, m.MinKBps, m.MaxKBps, c.kbps)
	c.kbps(at+".ci_low_kbps", m.CILowKBps)
	c.kbps(at+".ci_high_kbps", m.CIHighKBps)
	if m.CIHighKBps > 0 && m.CILowKBps > m.CIHighKBps {
		c.fail(at+".ci_low_kbps", "%g is above ci_high_kbps %g", m.CILowKBps, m.CIHighKBps)
	}
	c.between(at+".ci_pct", m.CIPct, -1, math.MaxFloat64, "%")
	c.kbps(at+".rerun_low_kbps", m.RerunLowKBps)
	c.kbps(at+".rerun_high_kbps", m.RerunHighKBps)
	if m.RerunHighKBps > 0 && m.RerunLowKBps > m.RerunHighKBps {
		c.fail(at+".rerun_low_kbps", "%g is above rerun_high_kbps %g", m.RerunLowKBps, m.RerunHighKBps)
	}
	c.between(at+".rerun_pct", m.RerunPct, -1, math.MaxFloat64, "%")
	c.kbps(at+".per_thread_kbps", m.PerThreadKBps)
	for j, x := range m.SamplesPerThreadKBps {
		c.kbps(fmt.Sprintf("%s.samples_per_thread_kbps[%d]", at, j), x)
	}
	c.between(at+".cycles_per_byte", m.CyclesPerByte, 0, 1e9, "cycles")
	c.between(at+".bound_cycles_per_byte", m.BoundCyclesPerByte, 0, 1e9, "cycles")
	c.between(at+".bound_pct", m.BoundPct, 0, 1e6, "%")
}

func (c *checker) file(at string, f *FileMeasurement) {
	c.name(at+".engine", string(f.Engine))
	c.name(at+".algo", f.Algo)
	if f.Engine == "" || f.Algo == "" {
		c.fail(at, "incomplete: no engine or algorithm")
	}
	c.string(at+".path", f.Path, maxPath)
	c.between(at+".bytes", float64(f.Bytes), 1, maxFileBytes, "bytes")
	c.between(at+".samples_seconds", float64(len(f.SamplesSeconds)), 1, maxCount, "samples")
	c.spread(at, "seconds", f.SamplesSeconds, f.Seconds, f.MinSeconds, f.MaxSeconds, c.seconds)
	c.kbps(at+".kbps", f.KBps)
}

// checker keeps the first implausible field it is told of.
type checker struct{ err error }

func (c *checker) fail(field, format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...))
	}
}

// between checks that x is a finite number from lo to hi; unit follows
// the bound in the error.
func (c *checker) between(field string, x, lo, hi float64, unit string) {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		c.fail(field, "%g is not a finite number", x)
	case x < lo:
		c.fail(field, "%g is below %g %s", x, lo, unit)
	case x > hi:
		c.fail(field, "%g is above %g %s", x, hi, unit)
	}
}

// kbps checks a throughput: 0 (not measured) or from minKBps to maxKBps.
func (c *checker) kbps(field string, x float64) {
	if x != 0 {
		c.between(field, x, minKBps, maxKBps, "kB/s")
	}
}

// seconds checks a wall time: from minSeconds to maxSeconds.
func (c *checker) seconds(field string, x float64) {
	c.between(field, x, minSeconds, maxSeconds, "s")
}

// spread checks the samples of a figure and its summary: each sample
// plausible by fig, and none 0 but the one figure of an import (openssl
// speed's 0.00, not measured; a sample of a run is a measurement); the
// minimum at most the median, the median at most the maximum, every
// sample between the two, and the median theirs (a forged median over
// samples of 0 once made an infinite ratio).
func (c *checker) spread(at, name string, samples []float64, median, lo, hi float64, fig func(string, float64)) {
	for j, x := range samples {
		field := fmt.Sprintf("%s.samples_%s[%d]", at, name, j)
		fig(field, x)
		if x == 0 && len(samples) > 1 {
			c.fail(field, "0 among %d samples: a sample of a run is a measurement", len(samples))
		}
	}
	fig(at+"."+name, median)
	fig(at+".min_"+name, lo)
	fig(at+".max_"+name, hi)
	if c.err != nil {
		return
	}
	if !(lo <= median && median <= hi) {
		c.fail(at+"."+name, "median %g is not between min_%s %g and max_%s %g", median, name, lo, name, hi)
	}
	for j, x := range samples {
		if x < lo || x > hi {
			c.fail(fmt.Sprintf("%s.samples_%s[%d]", at, name, j), "%g is not between min_%s %g and max_%s %g", x, name, lo, name, hi)
		}
	}
	if m := stats.Median(samples); len(samples) > 0 && math.Abs(m-median) > 1e-9*m {
		c.fail(at+"."+name, "%g is not the median of its samples, %g", median, m)
	}
}

// name checks a name: at most maxName bytes, without control characters
// or line breaks, which would break the tables it heads.
func (c *checker) name(field, s string) { c.string(field, s, maxName) }

// text checks a description as name does a name, up to maxText bytes.
func (c *checker) text(field, s string) { c.string(field, s, maxText) }

func (c *checker) string(field, s string, limit int) {
	if len(s) > limit {
		c.fail(field, "%d bytes long, over %d", len(s), limit)
		return
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.In(r, unicode.Zl, unicode.Zp) {
			c.fail(field, "%q holds the control character %U; a name or description is one line of printable text", s, r)
			return
		}
	}
}
