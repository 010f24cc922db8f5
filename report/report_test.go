package report

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/perf/benchfmt"

	"github.com/aesbench/aesbench/bench/goengine"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/cpuinfo"
)

// sample returns synthetic results: two algorithms, one noisy cell, one
// cell with too few samples for an interval, and a two-thread run.
func sample(threads int) *result.Results {
	r := &result.Results{
		Schema: result.Schema, Label: "knight", GoVersion: "go1.26.0", SampleSeconds: 0.1, Count: 9, NoisyPct: 3,
		Probe: &cpuinfo.Report{Arch: "amd64", Model: "Intel(R) Xeon(R) CPU E5-2665 0 @ 2.40GHz"},
	}
	r.Probe.Go.HardwareAES = true
	add := func(algo string, dir result.Direction, size int, samples ...float64) {
		m := result.Measurement{Engine: result.EngineGo, Algo: algo, Direction: dir, Size: size, Threads: threads, Iters: 1000, SamplesKBps: samples}
		if threads > 1 {
			for _, s := range samples {
				m.SamplesPerThreadKBps = append(m.SamplesPerThreadKBps, s/float64(threads)*0.95)
			}
		}
		r.Measurements = append(r.Measurements, m)
	}
	add("aes-256-cbc", result.Encrypt, 16, 800000, 801000, 799000, 800500, 799500, 800200, 800100, 800300, 799900)
	add("aes-256-cbc", result.Encrypt, 256, 1000000, 1200000, 800000, 1100000, 900000, 1000000, 1050000, 950000, 1000000)
	add("3des-cbc", result.Encrypt, 16, 20000, 20100, 19900)
	add("3des-cbc", result.Encrypt, 256, 21000, 21100, 20900, 21000, 21050, 20950, 21000, 21020, 20980)
	add("aes-256-cbc", result.Decrypt, 16, 900000, 901000, 899000, 900500, 899500, 900200, 900100, 900300, 899900)
	for i := range r.Measurements {
		r.Measurements[i].Summarize(r.NoisyPct)
	}
	if threads == 1 { // a known clock; the threads table shows an unknown one
		r.ClockHz, r.AESENCCycles = 3e9, 4
		goengine.AddCycles(r.Measurements, r.ClockHz, r.AESENCCycles, true)
	}
	return r
}

// sampleScaling returns synthetic results of a run with --threads 1,2:
// every cell of sample on one thread and at 1.4x on two, and a host whose
// second vCPU gave the ADD chain only half a core (1.5x).
func sampleScaling() *result.Results {
	r := sample(1)
	for _, m := range sample(2).Measurements {
		for i := range m.SamplesKBps { // two threads: 1.4x one
			m.SamplesKBps[i] *= 1.4
		}
		m.Summarize(r.NoisyPct)
		r.Measurements = append(r.Measurements, m)
	}
	goengine.AddCycles(r.Measurements, r.ClockHz, r.AESENCCycles, true)
	r.HostRef = []result.HostRef{
		{Threads: 1, SamplesGHz: []float64{2.9, 2.8, 3.0}, GHz: 2.9},
		{Threads: 2, SamplesGHz: []float64{4.35, 4.3, 4.4}, GHz: 4.35},
	}
	return r
}

// sampleSliced returns the one-thread results of sample from a vCPU that
// the host time-sliced: the ADD chain sustained half the core clock while
// it never waited for its CPU behind other threads here.
func sampleSliced() *result.Results {
	r := sample(1)
	r.HostRef = []result.HostRef{{Threads: 1, SamplesGHz: []float64{1.5, 1.4, 1.6}, GHz: 1.5, SamplesWaitShare: []float64{0, 0, 0}, WaitShare: 0}}
	return r
}

// sampleBusy returns results of a run on one and two threads beside
// another process on this machine: the chain waited for it half the time.
func sampleBusy() *result.Results {
	r := sampleScaling()
	r.HostRef = []result.HostRef{
		{Threads: 1, SamplesGHz: []float64{1.5}, GHz: 1.5, SamplesWaitShare: []float64{0.5}, WaitShare: 0.5},
		{Threads: 2, SamplesGHz: []float64{3.0}, GHz: 3.0, SamplesWaitShare: []float64{0.5}, WaitShare: 0.5},
	}
	return r
}

func TestWriteSpeedTableGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		r    *result.Results
	}{{"speed.txt", sample(1)}, {"speed-threads.txt", sample(2)}, {"speed-scaling.txt", sampleScaling()}, {"speed-sliced.txt", sampleSliced()}, {"speed-busy.txt", sampleBusy()}, {"speed-pinned.txt", samplePinned()}, {"speed-openssl.txt", sampleOpenSSL()}, {"speed-openssl-only.txt", sampleOpenSSLOnly()}, {"speed-imported.txt", sampleImported()}} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteSpeedTable(&b, tt.r); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, b.Bytes())
		})
	}
}

// sampleOpenSSLOnly is what run --engine openssl writes: 5 runs of
// openssl speed -seconds 1 a cell, no cycles per byte.
func sampleOpenSSLOnly() *result.Results {
	r := sample(1)
	r.OpenSSL = &result.OpenSSLInfo{Version: "OpenSSL 3.0.19 27 Jan 2026", Timing: "elapsed", Seconds: 1}
	r.Measurements = nil
	for _, size := range []int{16, 256} {
		m := result.Measurement{Engine: result.EngineOpenSSL, Algo: "aes-256-cbc", Direction: result.Encrypt, Size: size, Threads: 1,
			SamplesKBps: []float64{900000, 905000, 895000, 902000, 898000}}
		m.Summarize(r.NoisyPct)
		r.Measurements = append(r.Measurements, m)
	}
	return r
}

// samplePinned is sample(1) as run --cpu 1 writes it.
func samplePinned() *result.Results {
	r := sample(1)
	r.PinnedCPUs = []int{1}
	return r
}

func TestWriteGoBenchRoundTrip(t *testing.T) {
	for _, threads := range []int{1, 2} {
		r := sample(threads)
		var b bytes.Buffer
		if err := WriteGoBench(&b, r); err != nil {
			t.Fatal(err)
		}
		if threads == 1 {
			golden(t, "gobench.txt", b.Bytes())
		}
		rd := benchfmt.NewReader(bytes.NewReader(b.Bytes()), "gobench.txt")
		type key struct {
			name string
			kbps float64
		}
		var got []key
		for rd.Scan() {
			res, ok := rd.Result().(*benchfmt.Result)
			if !ok {
				t.Fatalf("threads %d: not a result: %v", threads, rd.Result())
			}
			for k, want := range map[string]string{"goos": "linux", "goarch": "amd64", "cpu": r.Probe.Model, "pkg": GoBenchPkg} {
				if k == "goos" {
					want = res.GetConfig("goos") // the writer's own GOOS
				}
				if v := res.GetConfig(k); v != want || v == "" {
					t.Errorf("config %s = %q, want %q", k, v, want)
				}
			}
			kbps, ok := res.Value("kB/s")
			bps, ok2 := res.Value("B/s")   // benchfmt normalises MB/s
			ns, ok3 := res.Value("sec/op") // benchfmt normalises ns/op
			if !ok || !ok2 || !ok3 || res.Iters != 1000 {
				t.Fatalf("%s: values %v, iters %d", res.Name, res.Values, res.Iters)
			}
			if d := bps/1000 - kbps; d > 1e-6*kbps || d < -1e-6*kbps {
				t.Errorf("%s: %v B/s, %v kB/s", res.Name, bps, kbps)
			}
			base, parts := res.Name.Parts()
			want := 2
			if threads > 1 {
				want = 3
			}
			if string(base) != "Encrypt" && string(base) != "Decrypt" || len(parts) != want || !strings.HasPrefix(string(parts[0]), "/algo=") {
				t.Errorf("name %s: base %s, parts %q", res.Name, base, parts)
			}
			size, _ := strconv.Atoi(strings.TrimPrefix(string(parts[1]), "/size="))
			// One thread's time per message: threads messages of size
			// bytes at the aggregate rate.
			if want := float64(threads*size) / (kbps * 1000); ns < want*0.999 || ns > want*1.001 {
				t.Errorf("%s: %v s/op, want %v", res.Name, ns, want)
			}
			got = append(got, key{res.Name.String(), kbps})
		}
		if err := rd.Err(); err != nil {
			t.Fatal(err)
		}
		var want []key
		for _, m := range r.Measurements {
			name := "Encrypt"
			if m.Direction == result.Decrypt {
				name = "Decrypt"
			}
			name += "/algo=" + m.Algo + "/size=" + strconv.Itoa(m.Size)
			if threads > 1 {
				name += "/threads=2"
			}
			for _, s := range m.SamplesKBps {
				want = append(want, key{name, s})
			}
		}
		if len(got) != len(want) {
			t.Fatalf("threads %d: %d results, want %d (one per sample)", threads, len(got), len(want))
		}
		for i := range got {
			if got[i].name != want[i].name || got[i].kbps-want[i].kbps > 0.01 || want[i].kbps-got[i].kbps > 0.01 {
				t.Errorf("result %d = %v, want %v", i, got[i], want[i])
			}
		}
	}
}

func TestWriteGoBenchNamesThreadsOfAMixedRun(t *testing.T) {
	r := sampleScaling()
	var b bytes.Buffer
	if err := WriteGoBench(&b, r); err != nil {
		t.Fatal(err)
	}
	rd := benchfmt.NewReader(bytes.NewReader(b.Bytes()), "scaling.txt")
	byThreads := map[string]int{}
	refs := map[string][]float64{}
	for rd.Scan() {
		res, ok := rd.Result().(*benchfmt.Result)
		if !ok {
			t.Fatalf("not a result: %v", rd.Result())
		}
		base, parts := res.Name.Parts()
		if string(base) == "HostRef" {
			// The host's reference: one line per sample, in adds/ns.
			if v, ok := res.Value("adds/ns"); !ok || len(parts) != 1 || v <= 0 {
				t.Errorf("%s: parts %q, values %v", res.Name, parts, res.Values)
			}
			refs[string(parts[0])] = append(refs[string(parts[0])], res.Values[0].Value)
			continue
		}
		if len(parts) != 3 || !strings.HasPrefix(string(parts[2]), "/threads=") {
			t.Fatalf("name %s: want /algo=, /size= and /threads= parts", res.Name)
		}
		byThreads[string(parts[2])]++
	}
	if err := rd.Err(); err != nil {
		t.Fatal(err)
	}
	if byThreads["/threads=1"] == 0 || byThreads["/threads=1"] != byThreads["/threads=2"] {
		t.Errorf("lines by threads: %v, want as many of 1 as of 2", byThreads)
	}
	for _, ref := range r.HostRef {
		if got := refs[fmt.Sprintf("/threads=%d", ref.Threads)]; !slices.Equal(got, ref.SamplesGHz) {
			t.Errorf("host reference on %d threads: lines %v, samples %v", ref.Threads, got, ref.SamplesGHz)
		}
	}
}

// TestWriteSpeedTableWithin: a run of six sizes, openssl speed's one
// table 103 columns wide, goes on an 80-column terminal in two blocks of
// three sizes, every line within 80 columns, every figure still there;
// width 0 keeps openssl's one table.
func TestWriteSpeedTableWithin(t *testing.T) {
	r := fixture(t, "knight")
	var one, blocks bytes.Buffer
	if err := WriteSpeedTableWithin(&one, r, 0); err != nil {
		t.Fatal(err)
	}
	if err := WriteSpeedTableWithin(&blocks, r, 80); err != nil {
		t.Fatal(err)
	}
	golden(t, "speed-80.txt", blocks.Bytes())
	if !strings.Contains(one.String(), "16 bytes      64 bytes     256 bytes    1024 bytes    8192 bytes   16384 bytes") {
		t.Errorf("width 0: not openssl's one table:\n%s", one.String())
	}
	for l := range strings.Lines(blocks.String()) {
		if n := utf8.RuneCountInString(strings.TrimSuffix(l, "\n")); n > 80 {
			t.Errorf("a line of %d columns: %q", n, l)
		}
	}
	for _, m := range r.Measurements {
		if f := fmt.Sprintf(" %.2fk", m.KBps); !strings.Contains(blocks.String(), f) {
			t.Errorf("%s at %d bytes: %s missing", m.Algo, m.Size, f)
		}
	}
}

func TestSizeBlocks(t *testing.T) {
	six := []int{16, 64, 256, 1024, 8192, 16384}
	for _, tt := range []struct {
		width, limit int
		want         string
	}{
		{17, 0, "[[16 64 256 1024 8192 16384]]"},
		{17, 200, "[[16 64 256 1024 8192 16384]]"},
		{17, 80, "[[16 64 256] [1024 8192 16384]]"}, // 4 fit: 3 and 3, not 4 and 2
		{27, 80, "[[16 64 256] [1024 8192 16384]]"},
		{17, 50, "[[16 64] [256 1024] [8192 16384]]"},
		{17, 20, "[[16] [64] [256] [1024] [8192] [16384]]"}, // one a block, however narrow
	} {
		if got := fmt.Sprint(sizeBlocks(six, tt.width, tt.limit)); got != tt.want {
			t.Errorf("sizeBlocks(width %d, limit %d) = %s, want %s", tt.width, tt.limit, got, tt.want)
		}
	}
}

// TestSpeedTableSaysPrecision: a --precision run's table says how long
// its cells were sampled, the host's drift stop included.
func TestSpeedTableSaysPrecision(t *testing.T) {
	r := sample(1)
	r.PrecisionPct, r.MaxSeconds = 2, 1
	var b bytes.Buffer
	if err := WriteSpeedTable(&b, r); err != nil {
		t.Fatal(err)
	}
	want := "median of at least 9 samples of 0.1 s each, sampled until within ±2%, until the host's drift alone was wider, or for 1 s per cell."
	if got := strings.Join(strings.Fields(b.String()), " "); !strings.Contains(got, want) {
		t.Errorf("the table does not say %q:\n%s", want, b.String())
	}
}
