package report

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"

	"github.com/aesbench/aesbench/bench/result"
)

// GoBenchPkg is the pkg line of WriteGoBench's output: the package whose
// benchmarks (go test -bench ./bench) have the same names.
const GoBenchPkg = "github.com/aesbench/aesbench/bench"

// WriteGoBench writes results in the Go benchmark format that benchstat
// reads, lined up with the output of go test -bench ./bench: the same
// configuration lines (goos, goarch, pkg, cpu) and the same benchmark
// names, with the -N suffix of GOMAXPROCS (the run's logical CPUs, which
// is GOMAXPROCS's default; none for one, as go test), then one line per
// sample, so that benchstat sees every sample and computes its own
// confidence intervals:
//
//	BenchmarkEncrypt/algo=aes-256-cbc/size=256-8 <iters> <ns> ns/op <MB/s> MB/s <kB/s> kB/s
//
// What go test does not say (the label, aesni: on|off, the Go version and
// GODEBUG of the run) comes first as "# key: value" lines, which
// benchstat skips: as configuration they would put the results in a
// table apart from go test's. Decryption is BenchmarkDecrypt. Cells of
// another engine than go add its name first,
// BenchmarkEncrypt/engine=openssl/algo=..., so that "benchstat -col
// /engine" puts openssl beside go. Cells measured
// with more than one thread add /threads=N, their figures being the
// aggregate of all threads and ns/op the wall time per message of one
// thread; a run of several thread counts names every line's, /threads=1
// too, so that "benchstat -col /threads" shows the scaling. The host's
// reference (result.HostRef) follows as BenchmarkHostRef/threads=N lines
// in adds/ns, so benchstat shows what the host gave each run beside its
// figures.
//
// Two runs on one host line up as they are ("benchstat a.txt b.txt"),
// and with go test's output there, but for one thing: go test prints the
// CPU's name as CPUID gives it, which AMD pads with spaces, where results
// keep it trimmed, so there "-ignore cpu" is needed. Two hosts differ in
// cpu and perhaps in CPUs, which benchstat is told to ignore:
//
//	benchstat -ignore cpu,/gomaxprocs knight=knight.txt padawan=padawan.txt
func WriteGoBench(w io.Writer, r *result.Results) error {
	return WriteGoBenchRuns(w, []*result.Results{r})
}

// WriteGoBenchRuns writes several runs one after another, each as
// WriteGoBench does. With more than one, each run's label is also a
// configuration line (label: knight), so that benchstat does not pool the
// samples of different runs ("benchstat -ignore cpu,/gomaxprocs -col
// label all.txt" compares them); a label that repeats (two runs of one
// host, both named after it) is suffixed -2, -3, ..., as compare shows
// it (Labels), and a run without one is "host", as there. Every other
// configuration key is written, empty where a run has no value, so that
// none carries over from the run before.
func WriteGoBenchRuns(w io.Writer, rs []*result.Results) error {
	bw := bufio.NewWriter(w)
	labels, _ := Labels(rs, "exported")
	for i, r := range rs {
		label := r.Label
		if len(rs) > 1 {
			label = labels[i]
		}
		writeGoBench(bw, r, label, len(rs) > 1)
	}
	return bw.Flush()
}

// writeGoBench writes one run, under label; several, the configuration
// in full.
func writeGoBench(bw *bufio.Writer, r *result.Results, label string, several bool) {
	// Without a probe (an import of openssl speed's figures) nothing says
	// which machine it was: no goos or goarch, rather than this one's.
	goos, goarch, cpu, aesni, procs := "", "", "", "", 0
	if p := r.Probe; p != nil {
		goos, goarch = runtime.GOOS, runtime.GOARCH
		aesni = "off"
		if p.Arch != "" {
			goarch = p.Arch
		}
		cpu = p.Model
		if p.Go.HardwareAES {
			aesni = "on"
		}
		procs = p.LogicalCPUs
	}
	for _, kv := range [][2]string{{"label", label}, {"aesni", aesni}, {"go", r.GoVersion}, {"godebug", r.GODEBUG}} {
		if v := oneLine(kv[1]); v != "" {
			fmt.Fprintf(bw, "# %s: %s\n", kv[0], v)
		}
	}
	config := [][2]string{{"goos", goos}, {"goarch", goarch}, {"pkg", GoBenchPkg}, {"cpu", cpu}}
	if several {
		config = append(config, [2]string{"label", label})
	}
	for _, kv := range config {
		switch v := oneLine(kv[1]); {
		case v != "":
			fmt.Fprintf(bw, "%s: %s\n", kv[0], v)
		case several:
			fmt.Fprintf(bw, "%s:\n", kv[0]) // deletes the key
		}
	}
	suffix := ""
	if procs > 1 {
		suffix = fmt.Sprintf("-%d", procs)
	}
	mixed := slices.ContainsFunc(r.Measurements, func(m result.Measurement) bool { return m.Threads != r.Measurements[0].Threads })
	for _, m := range r.Measurements {
		name := "BenchmarkEncrypt"
		if m.Direction == result.Decrypt {
			name = "BenchmarkDecrypt"
		}
		if m.Engine != result.EngineGo && m.Engine != "" {
			name += "/engine=" + string(m.Engine)
		}
		name += "/algo=" + m.Algo + fmt.Sprintf("/size=%d", m.Size)
		if m.Threads > 1 || mixed {
			name += fmt.Sprintf("/threads=%d", max(m.Threads, 1))
		}
		name += suffix
		iters := max(m.Iters, 1)
		for _, kbps := range m.SamplesKBps {
			if kbps <= 0 {
				continue
			}
			// Per message of one thread: size bytes at kbps/threads.
			ns := float64(m.Size) / (kbps * 1000 / float64(max(m.Threads, 1))) * 1e9
			fmt.Fprintf(bw, "%s %d %.2f ns/op %.2f MB/s %.2f kB/s\n", name, iters, ns, kbps/1000, kbps)
		}
	}
	// The host's yardstick, sampled in the same rounds: adds/ns is the
	// ADD chain's rate summed over the threads (see result.HostRef). It
	// has no go test twin, so no -N either.
	for _, ref := range r.HostRef {
		for _, ghz := range ref.SamplesGHz {
			if ghz > 0 {
				fmt.Fprintf(bw, "BenchmarkHostRef/threads=%d 1 %.4f adds/ns\n", ref.Threads, ghz)
			}
		}
	}
}

// oneLine keeps a configuration value on its line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
