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

// WriteGoBench writes results in the Go benchmark format that benchstat
// reads: configuration lines (goos, goarch, cpu, aesni, label, ...) then
// one line per sample, so that benchstat sees every sample and computes
// its own confidence intervals:
//
//	BenchmarkEncrypt/algo=aes-256-cbc/size=256 <iters> <ns> ns/op <MB/s> MB/s <kB/s> kB/s
//
// The host's reference (result.HostRef) follows as BenchmarkHostRef/threads=N
// lines in adds/ns, so benchstat shows what the host gave each run beside
// its figures. Decryption is BenchmarkDecrypt; cells measured with more than one
// thread add /threads=N, their figures being the aggregate of all threads
// and ns/op the wall time per message of one thread. A run of several
// thread counts names every line's, /threads=1 too, so that
// "benchstat -col /threads" shows the scaling. Two hosts' files
// compare directly, one column per host (their configuration differs, so
// tell benchstat not to split tables on it):
//
//	benchstat -table "" -col label knight.txt padawan.txt
func WriteGoBench(w io.Writer, r *result.Results) error {
	bw := bufio.NewWriter(w)
	goos, goarch, cpu, aesni := runtime.GOOS, runtime.GOARCH, "", "off"
	if p := r.Probe; p != nil {
		if p.Arch != "" {
			goarch = p.Arch
		}
		cpu = p.Model
		if p.Go.HardwareAES {
			aesni = "on"
		}
	}
	config := [][2]string{
		{"goos", goos}, {"goarch", goarch}, {"cpu", cpu}, {"aesni", aesni},
		{"label", r.Label}, {"go", r.GoVersion}, {"godebug", r.GODEBUG},
	}
	for _, kv := range config {
		if v := oneLine(kv[1]); v != "" {
			fmt.Fprintf(bw, "%s: %s\n", kv[0], v)
		}
	}
	mixed := slices.ContainsFunc(r.Measurements, func(m result.Measurement) bool { return m.Threads != r.Measurements[0].Threads })
	for _, m := range r.Measurements {
		if m.Engine != "go" && m.Engine != "" {
			continue // other engines are not Go benchmarks
		}
		name := "BenchmarkEncrypt"
		if m.Direction == result.Decrypt {
			name = "BenchmarkDecrypt"
		}
		name += "/algo=" + m.Algo + fmt.Sprintf("/size=%d", m.Size)
		if m.Threads > 1 || mixed {
			name += fmt.Sprintf("/threads=%d", max(m.Threads, 1))
		}
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
	// ADD chain's rate summed over the threads (see result.HostRef).
	for _, ref := range r.HostRef {
		for _, ghz := range ref.SamplesGHz {
			if ghz > 0 {
				fmt.Fprintf(bw, "BenchmarkHostRef/threads=%d 1 %.4f adds/ns\n", ref.Threads, ghz)
			}
		}
	}
	return bw.Flush()
}

// oneLine keeps a configuration value on its line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
