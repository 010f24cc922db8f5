package openssl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// The openssl engine measures the suite with the openssl binary's own
// benchmark, openssl speed -mr -evp, beside Go's figures.

// NoAESNI is the OPENSSL_ia32cap setting that turns off AES-NI and
// PCLMULQDQ (bits 57 and 33 of the first word, CPUID.1:ECX bits 25 and 1)
// and VAES and VPCLMULQDQ (bits 41 and 42 of the second word,
// CPUID.7:ECX bits 9 and 10). Both words are given: OpenSSL 3.0 clears the
// whole second word (AVX2, AVX-512 and all) when only the first is set,
// which slows more than AES (on the development host, OpenSSL 3.0.19,
// ChaCha20-Poly1305 at 16 KiB fell from about 1.76 GB/s to 0.32 GB/s).
// With AES-NI off, leaving VAES and VPCLMULQDQ on made no difference
// beyond the noise there (AES-256-GCM at 16 KiB 0.07 to 0.11 GB/s either
// way, against about 2 to 4 GB/s with AES-NI): OpenSSL's VAES code needs
// AES-NI too. They are masked anyway, so that no AES instruction is left.
const NoAESNI = "~0x200000200000000:~0x60000000000"

// OpenSSL capability bits in OPENSSL_ia32cap, per OPENSSL_ia32cap(3).
const (
	ia32capAESNI     = 57 // first word
	ia32capPCLMULQDQ = 33 // first word
)

// Config says which openssl to run and how.
type Config struct {
	Path    string   // the openssl binary
	Env     []string // extra environment, e.g. OPENSSL_ia32cap=...
	Seconds int      // openssl speed -seconds: whole seconds, at least 1
	Count   int      // runs of each cell
	// CPUTime leaves openssl speed dividing by the user CPU time it got,
	// its default; otherwise -elapsed makes it divide by wall-clock time,
	// as the go engine does. On a busy host the two differ.
	CPUTime bool
	// Warn, when set, is told about algorithms the openssl lacks; they are
	// skipped.
	Warn func(msg string)
	// Progress, when set, is called after every openssl speed invocation.
	Progress func(done, total int, what string)
	// NoisyPct marks a cell noisy as Config.NoisyPct does for the go
	// engine; 0: never.
	NoisyPct float64
	// Timeout is the longest one openssl speed may run before it is
	// killed and Run fails; 0: speedTimeout, three times as long as it
	// should take and a minute more.
	Timeout time.Duration
}

// speedTimeout is how long an openssl speed of seconds per size over
// sizes sizes may run: three times that and a minute more, for a loaded
// host and a slow start. One that hangs is killed after it instead of
// holding the run for ever.
func speedTimeout(seconds, sizes int) time.Duration {
	return 3*time.Duration(seconds*sizes)*time.Second + time.Minute
}

// versionTimeout is how long openssl version -a may take: it answers at
// once.
var versionTimeout = 30 * time.Second

// waitDelay is how long an openssl child's output may stay open after the
// child ended or was killed: the processes of openssl speed -multi hold it
// until their own end, and would hold up a Ctrl-C.
const waitDelay = time.Second

// Command returns an openssl child, with the extra environment env, that
// is killed when ctx is done or after timeout, and the context to judge
// its failure by (ChildErr). On Unix the child leads a process group of
// its own, and the kill is of the whole group: openssl speed -multi forks
// a process a thread, which a kill of openssl alone left running to the
// end of their -seconds, on the CPUs the next measurement wants. A
// Ctrl-C at a terminal then reaches aesbench alone, whose context ends
// the group.
func Command(ctx context.Context, timeout time.Duration, path string, env []string, args ...string) (*exec.Cmd, context.Context, context.CancelFunc) {
	tctx, cancel := context.WithTimeout(ctx, timeout)
	cmd := exec.CommandContext(tctx, path, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.WaitDelay = waitDelay
	ownGroup(cmd)
	return cmd, tctx, cancel
}

// ChildErr explains the failure err of an openssl child run under
// Command's context tctx, a child of ctx, with timeout: Interrupted's
// error, or one that says the timeout killed it, or nil, when the caller
// is to explain.
func ChildErr(ctx, tctx context.Context, timeout time.Duration, what string, err error) error {
	if ierr := Interrupted(ctx, what, err); ierr != nil {
		return ierr
	}
	if errors.Is(tctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%s: no answer in %v: killed", what, timeout)
	}
	return nil
}

// Interrupted returns an error that names what and wraps context.Canceled
// when ctx is done or err is the exit of a child that died of an
// interrupt or SIGTERM: a Ctrl-C at a terminal reaches the child as well,
// often before ctx is cancelled, and aesbench must end as interrupted
// (status 130), not as failed. Otherwise it returns nil.
func Interrupted(ctx context.Context, what string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%s: %w", what, ctx.Err())
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(interface {
			Signaled() bool
			Signal() syscall.Signal
		}); ok && ws.Signaled() && (ws.Signal() == syscall.SIGINT || ws.Signal() == syscall.SIGTERM) {
			return fmt.Errorf("%s: %v: %w", what, ws.Signal(), context.Canceled)
		}
	}
	return nil
}

// Seconds turns a sample length into openssl speed's -seconds, an
// integer of at least 1 in OpenSSL 3.0.
func Seconds(d time.Duration) int {
	return max(1, int(math.Round(d.Seconds())))
}

// Find returns the openssl binary: path when given, else the one on
// PATH.
func Find(path string) (string, error) {
	if path == "" {
		path = "openssl"
	}
	p, err := exec.LookPath(path)
	if err != nil {
		return "", fmt.Errorf("openssl: %w", err)
	}
	return p, nil
}

// Version runs openssl version -a with the extra environment env
// and returns its version line and CPUINFO value.
func Version(ctx context.Context, path string, env []string) (*result.OpenSSLInfo, error) {
	cmd, tctx, cancel := Command(ctx, versionTimeout, path, env, "version", "-a")
	defer cancel()
	out, err := cmd.Output()
	if err != nil {
		what := path + " version -a"
		if cerr := ChildErr(ctx, tctx, versionTimeout, what, err); cerr != nil {
			return nil, cerr
		}
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	info := &result.OpenSSLInfo{}
	for i, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		if i == 0 {
			info.Version = line
		}
		if v, ok := strings.CutPrefix(line, "CPUINFO:"); ok {
			info.CPUInfo = strings.TrimSpace(v)
		}
	}
	if !strings.HasPrefix(info.Version, "OpenSSL ") {
		return nil, fmt.Errorf("%s version -a: %q is not an OpenSSL version", path, info.Version)
	}
	return info, nil
}

// Caps is what openssl's CPUINFO line says it uses.
type Caps struct {
	Word0, Word1 uint64 // the two OPENSSL_ia32cap words in effect
	AESNI        bool   // bit 57 of the first word
	PCLMULQDQ    bool   // bit 33 of the first word
}

// ParseCPUInfo reads "OPENSSL_ia32cap=0xfed83203178bffff:0x18005f42f1bb03a9 env:..."
// as openssl version -a prints after "CPUINFO:" (OpenSSL 1.1.1 and later).
func ParseCPUInfo(s string) (Caps, error) {
	v, ok := strings.CutPrefix(strings.TrimSpace(s), "OPENSSL_ia32cap=")
	if !ok {
		return Caps{}, fmt.Errorf("openssl cpuinfo %q: no OPENSSL_ia32cap", s)
	}
	v, _, _ = strings.Cut(v, " ")
	w0, w1, _ := strings.Cut(v, ":")
	var c Caps
	var err error
	if c.Word0, err = strconv.ParseUint(w0, 0, 64); err != nil {
		return Caps{}, fmt.Errorf("openssl cpuinfo %q: %w", s, err)
	}
	if w1 != "" {
		if c.Word1, err = strconv.ParseUint(w1, 0, 64); err != nil {
			return Caps{}, fmt.Errorf("openssl cpuinfo %q: %w", s, err)
		}
	}
	c.AESNI = c.Word0>>ia32capAESNI&1 == 1
	c.PCLMULQDQ = c.Word0>>ia32capPCLMULQDQ&1 == 1
	return c, nil
}

// AEADMode says how an openssl of version v ("OpenSSL 3.0.19 27
// Jan 2026", or "3.0.19" as openssl speed prints it) timed the AEAD algo
// (aesbench's name): result.AEADModeStream for chacha20-poly1305 and for GCM
// before 3.0.16; result.AEADModePerMessage for GCM in 3.0.16 and later 3.0.x,
// and from 3.5 on. It returns "" (unknown) when the version is unknown,
// and for 3.1 to 3.4, whose releases took the change at different patch
// levels.
func AEADMode(v, algo string) result.AEADMode {
	maj, min, patch, ok := parseOpenSSLVersion(v)
	switch {
	case !ok:
		return ""
	case algo == "chacha20-poly1305":
		return result.AEADModeStream
	case maj < 3 || maj == 3 && min == 0 && patch < 16:
		return result.AEADModeStream
	case maj == 3 && min == 0 || maj > 3 || maj == 3 && min >= 5:
		return result.AEADModePerMessage
	}
	return ""
}

// parseOpenSSLVersion reads the numbers of "OpenSSL 1.0.1e-fips 11 Feb
// 2013", "OpenSSL 3.0.19 27 Jan 2026" or "3.0.19".
func parseOpenSSLVersion(v string) (maj, min, patch int, ok bool) {
	v = strings.TrimPrefix(strings.TrimSpace(v), "OpenSSL ")
	v, _, _ = strings.Cut(v, " ")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 3 {
		return 0, 0, 0, false
	}
	var nums [3]int
	for i, p := range parts {
		end := strings.IndexFunc(p, func(r rune) bool { return r < '0' || r > '9' })
		if end == 0 {
			return 0, 0, 0, false
		}
		if end > 0 {
			p = p[:end]
		}
		nums[i], _ = strconv.Atoi(p)
	}
	return nums[0], nums[1], nums[2], true
}

// errUnknownCipher marks a cipher the openssl lacks.
var errUnknownCipher = errors.New("not supported by this openssl")

// opensslSpeedArgs returns the arguments of one openssl speed invocation:
// bytes 0 measures openssl's own sizes (16 to 16384) in one go.
func opensslSpeedArgs(a *bench.Algorithm, dir result.Direction, seconds, bytes, threads int, cpuTime bool) []string {
	args := []string{"speed", "-mr"}
	if !cpuTime {
		args = append(args, "-elapsed")
	}
	if threads > 1 {
		args = append(args, "-multi", strconv.Itoa(threads))
	}
	args = append(args, "-evp", Cipher(a), "-seconds", strconv.Itoa(seconds))
	if bytes > 0 {
		args = append(args, "-bytes", strconv.Itoa(bytes))
	}
	if dir == result.Decrypt {
		args = append(args, "-decrypt")
	}
	return args
}

// opensslPlan splits the sizes wanted into invocations: one without
// -bytes when at least half of openssl's default sizes are wanted (it
// measures all six), and one -bytes invocation per other size.
func opensslPlan(sizes []int) []int {
	var def, other []int
	for _, s := range sizes {
		if slices.Contains(bench.DefaultSizes, s) {
			def = append(def, s)
		} else {
			other = append(other, s)
		}
	}
	if 2*len(def) >= len(bench.DefaultSizes) {
		return append([]int{0}, other...)
	}
	return append(def, other...)
}

// checkAnswer fails unless so answers the invocation that asked for
// algorithm want on threads processes: one row, of that algorithm, every
// figure a positive number, and as many processes forked as asked for,
// each of which sent its figures (a figure over fewer would be taken for
// the aggregate of all: openssl sums the children that answered, and
// exits 0 when one was killed).
func checkAnswer(so *SpeedOutput, want *bench.Algorithm, threads int) error {
	if len(so.Rows) != 1 {
		return fmt.Errorf("answered %d rows of figures, want one, of %s", len(so.Rows), want.Name)
	}
	r := so.Rows[0]
	if r.Algo != want.Name {
		return fmt.Errorf("answered for %q, not %s", r.Name, want.Name)
	}
	for i, v := range r.KBps {
		if !(v > 0) || math.IsInf(v, 1) {
			return fmt.Errorf("answered %v kB/s at %d bytes: not a speed", v, r.Sizes[i])
		}
	}
	if threads = max(threads, 1); so.Threads != threads {
		noun := "processes"
		if so.Threads == 1 {
			noun = "process"
		}
		return fmt.Errorf("forked %d %s, want %d", so.Threads, noun, threads)
	}
	if threads > 1 && so.Reported != threads {
		return fmt.Errorf("%d of its %d processes sent figures: the total is not of all", so.Reported, threads)
	}
	return nil
}

// runOpenSSLSpeed runs one invocation, of sizes message sizes, and
// returns bytes per second... in kB/s, by size.
func runOpenSSLSpeed(ctx context.Context, cfg Config, args []string, sizes int, want *bench.Algorithm, threads int) (map[int]float64, error) {
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = speedTimeout(cfg.Seconds, sizes)
	}
	cmd, tctx, cancel := Command(ctx, timeout, cfg.Path, cfg.Env, args...)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil || ctx.Err() != nil {
		if cerr := ChildErr(ctx, tctx, timeout, "openssl "+strings.Join(args, " "), err); cerr != nil {
			return nil, cerr
		}
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "unknown cipher") || strings.Contains(msg, "unsupported") {
			return nil, errUnknownCipher
		}
		first, _, _ := strings.Cut(msg, "\n")
		return nil, fmt.Errorf("openssl %s: %w: %s", strings.Join(args, " "), err, first)
	}
	so, err := ParseSpeed(&stdout)
	if err == nil {
		err = checkAnswer(so, want, threads)
	}
	if err != nil {
		return nil, fmt.Errorf("openssl %s: %w", strings.Join(args, " "), err)
	}
	out := map[int]float64{}
	for _, r := range so.Rows {
		for i, s := range r.Sizes {
			out[s] = r.KBps[i]
		}
	}
	return out, nil
}

// Run measures cells with openssl speed: for each algorithm,
// direction and thread count, cfg.Count rounds of the invocations
// opensslPlan chooses, the rounds taken round robin over the algorithms as
// the go engine takes them. A cell on more than one thread runs openssl speed -multi N,
// whose figure is the aggregate of its N processes (no per-thread figure). Measurements
// have engine "openssl"; AEADs carry the AEADMode of version (see
// AEADMode). An algorithm the openssl lacks is reported to
// cfg.Warn and left out.
func Run(ctx context.Context, cells []bench.Cell, version string, cfg Config) ([]result.Measurement, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	p := newPlan(cells, 1)
	total := p.invocations() * cfg.Count
	done := 0
	for range cfg.Count {
		for _, g := range p {
			for _, bytes := range g.plan {
				if !g.skip {
					if err := g.invoke(ctx, cfg, bytes, 0); err != nil {
						return nil, err
					}
				}
				done++
				if cfg.Progress != nil {
					cfg.Progress(done, total, g.what(cfg, bytes))
				}
			}
		}
	}
	return p.measurements(0, version, cfg)
}

func (cfg Config) check() error {
	if cfg.Count < 1 {
		return fmt.Errorf("count %d: need at least one sample", cfg.Count)
	}
	if cfg.Seconds < 1 {
		return fmt.Errorf("openssl -seconds %d: need at least 1", cfg.Seconds)
	}
	return nil
}

// plan is how Run and RunAB measure cells: the cells grouped by
// algorithm, direction and thread count, with each group's invocations
// (opensslPlan) and the figures each side took so far.
type plan []*group

// group is the cells of one algorithm, direction and thread count.
type group struct {
	algo    *bench.Algorithm
	dir     result.Direction
	threads int
	sizes   []int
	plan    []int // -bytes of each invocation; 0: openssl's own sizes
	skip    bool  // the openssl lacks the algorithm
	// samples[side][size] are the figures of the side's runs, in kB/s.
	samples []map[int][]float64
}

func newPlan(cells []bench.Cell, sides int) plan {
	var p plan
	for _, c := range cells {
		threads := max(c.Threads, 1)
		i := slices.IndexFunc(p, func(g *group) bool { return g.algo == c.Algo && g.dir == c.Dir && g.threads == threads })
		if i < 0 {
			g := &group{algo: c.Algo, dir: c.Dir, threads: threads, samples: make([]map[int][]float64, sides)}
			for k := range g.samples {
				g.samples[k] = map[int][]float64{}
			}
			p = append(p, g)
			i = len(p) - 1
		}
		p[i].sizes = append(p[i].sizes, c.Size)
	}
	for _, g := range p {
		g.plan = opensslPlan(g.sizes)
	}
	return p
}

// invocations is the number of openssl speed invocations of one round of
// one side.
func (p plan) invocations() int {
	n := 0
	for _, g := range p {
		n += len(g.plan)
	}
	return n
}

// what is g's invocation of -bytes bytes, for progress.
func (g *group) what(cfg Config, bytes int) string {
	return "openssl " + strings.Join(opensslSpeedArgs(g.algo, g.dir, cfg.Seconds, bytes, g.threads, cfg.CPUTime), " ")
}

// invoke runs g's invocation of -bytes bytes (0: openssl's own sizes) as
// cfg says and adds its figures to the side's samples. An algorithm the
// openssl lacks is reported to cfg.Warn and g is skipped from then on
// (with no error).
func (g *group) invoke(ctx context.Context, cfg Config, bytes, side int) error {
	args := opensslSpeedArgs(g.algo, g.dir, cfg.Seconds, bytes, g.threads, cfg.CPUTime)
	sizes := 1
	if bytes == 0 { // openssl's own sizes: six from 1.1.0, five before
		sizes = len(bench.DefaultSizes)
	}
	got, err := runOpenSSLSpeed(ctx, cfg, args, sizes, g.algo, g.threads)
	if errors.Is(err, errUnknownCipher) {
		if cfg.Warn != nil {
			cfg.Warn(fmt.Sprintf("openssl: %s (%s) is %v: skipped", g.algo.Name, Cipher(g.algo), err))
		}
		g.skip = true
		return nil
	}
	if err != nil {
		return err
	}
	for _, s := range g.sizes {
		if v, ok := got[s]; ok && (bytes == 0 || s == bytes) {
			g.samples[side][s] = append(g.samples[side][s], v)
		}
	}
	return nil
}

// measurements returns the side's figures, cfg.Count of each cell that
// was not skipped, or an error naming a cell with fewer.
func (p plan) measurements(side int, version string, cfg Config) ([]result.Measurement, error) {
	var out []result.Measurement
	for _, g := range p {
		if g.skip {
			continue
		}
		for _, s := range g.sizes {
			ks := g.samples[side][s]
			if len(ks) != cfg.Count {
				return nil, fmt.Errorf("openssl: %s %s: %d of %d samples of %d bytes", g.algo.Name, g.dir, len(ks), cfg.Count, s)
			}
			m := result.Measurement{Engine: result.EngineOpenSSL, Algo: g.algo.Name, Direction: g.dir, Size: s, Threads: g.threads, SamplesKBps: ks}
			m.Summarize(cfg.NoisyPct)
			if g.algo.Mode == bench.AEAD {
				m.AEADMode = AEADMode(version, g.algo.Name)
			}
			out = append(out, m)
		}
	}
	return out, nil
}
