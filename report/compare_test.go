package report

import (
	"bytes"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
	"github.com/aesbench/aesbench/cpuinfo"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixture reads testdata/<name>.json, checked as a results file.
func fixture(t *testing.T, name string) *result.Results {
	t.Helper()
	r, err := result.Read(filepath.Join("testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func fixtures(t *testing.T, names ...string) []*result.Results {
	var rs []*result.Results
	for _, n := range names {
		rs = append(rs, fixture(t, n))
	}
	return rs
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestCompareGolden(t *testing.T) {
	formats := map[string]func(*bytes.Buffer, *Comparison) error{
		"txt":  func(b *bytes.Buffer, c *Comparison) error { return WriteCompareText(b, c) },
		"md":   func(b *bytes.Buffer, c *Comparison) error { return WriteCompareMarkdown(b, c) },
		"csv":  func(b *bytes.Buffer, c *Comparison) error { return WriteCompareCSV(b, c) },
		"json": func(b *bytes.Buffer, c *Comparison) error { return WriteCompareJSON(b, c) },
	}
	tests := []struct {
		name    string
		hosts   []string
		opts    CompareOptions
		formats []string
	}{
		{"knight-padawan", []string{"knight", "padawan"}, CompareOptions{Sizes: []int{256}}, []string{"txt", "md", "csv", "json"}},
		{"knight-padawan-all", []string{"knight", "padawan"}, CompareOptions{}, []string{"txt", "md", "csv"}},
		{"three-hosts", []string{"knight", "padawan", "knight-noaesni"}, CompareOptions{Sizes: []int{256}}, []string{"txt", "md", "csv"}},
		{"baseline-padawan", []string{"knight", "padawan"}, CompareOptions{Sizes: []int{16384}, Baseline: "padawan"}, []string{"txt"}},
		{"one-host", []string{"knight-noaesni"}, CompareOptions{Sizes: []int{256}}, []string{"txt"}},
	}
	for _, tt := range tests {
		c, err := Compare(fixtures(t, tt.hosts...), tt.opts)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for _, f := range tt.formats {
			t.Run(tt.name+"."+f, func(t *testing.T) {
				var b bytes.Buffer
				if err := formats[f](&b, c); err != nil {
					t.Fatal(err)
				}
				golden(t, tt.name+"."+f, b.Bytes())
			})
		}
	}
}

// TestCompareRatios checks the ratios against the fixtures' own figures,
// computed here from the results rather than copied from a golden file.
func TestCompareRatios(t *testing.T) {
	rs := fixtures(t, "knight", "padawan")
	c, err := Compare(rs, CompareOptions{Sizes: []int{256}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Rows {
		k := rs[0].Find(result.Key{Engine: result.EngineGo, Algo: r.Algo, Direction: r.Dir, Size: 256}).KBps
		p := rs[1].Find(result.Key{Engine: result.EngineGo, Algo: r.Algo, Direction: r.Dir, Size: 256}).KBps
		if r.Size != 256 || r.KBps[0] != k || r.KBps[1] != p || r.Ratios[0] != k/p {
			t.Errorf("%s: got size %d, %v kB/s, ratio %v; want 256, [%v %v], %v", r.Algo, r.Size, r.KBps, r.Ratios, k, p, k/p)
		}
	}
	for i, f := range c.Files {
		want := rs[1].Files[i].Seconds / rs[0].Files[i].Seconds
		if f.Ratios[0] != want {
			t.Errorf("file %s: ratio %v, want padawan's seconds over knight's, %v", f.Algo, f.Ratios[0], want)
		}
	}
	// The baseline comes first whatever the order of the files.
	c, err = Compare(rs, CompareOptions{Sizes: []int{256}, Baseline: "padawan"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Hosts[0].Label != "padawan" || c.RatioHeader(0) != "padawan/knight" {
		t.Errorf("baseline padawan: hosts %v, ratio header %q", c.Hosts, c.RatioHeader(0))
	}
}

func TestCompareWarnings(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(a, b *result.Results)
		wants []string // each must be in one warning
	}{
		{"same runs", func(a, b *result.Results) {}, nil},
		{"go versions", func(a, b *result.Results) { b.GoVersion = "go1.22.0" }, []string{"different Go versions: go1.26.8 on knight; go1.22.0 on padawan"}},
		{"sample counts", func(a, b *result.Results) { b.Count = 3 }, []string{"different samples (count x length): 6 x 0.2 s on knight; 3 x 0.2 s on padawan"}},
		{"pinning", func(a, b *result.Results) { a.PinnedCPUs = []int{1} }, []string{"different CPU pinning (run --cpu): CPU 1 on knight; none on padawan"}},
		{"sizes", func(a, b *result.Results) { b.Measurements = b.Measurements[:1] }, []string{"different sizes measured", "16 bytes on padawan"}},
		{"imported", func(a, b *result.Results) { b.Source = "imported" }, []string{"different sources: measured on knight; imported on padawan"}},
		{"masked", func(a, b *result.Results) { b.AESNIMasked = true }, []string{"padawan ran with AES-NI masked"}},
		{"noisy", func(a, b *result.Results) {
			k := b.Measurements[0].KBps
			b.Measurements[0].SamplesKBps = []float64{0.9 * k, 0.95 * k, k, k, k, k, k, k, k, 1.05 * k, 1.1 * k} // ±10%
		}, []string{"padawan: 1 of 24 cells noisy (95% rerun interval wider than ±3%)"}},
		{"too few samples to tell", func(a, b *result.Results) { b.Measurements[1].SamplesKBps = b.Measurements[1].SamplesKBps[:3] }, []string{"padawan: 1 of 26 figures have fewer than 4 samples, too few to tell whether a rerun could make a difference"}},
		{"one imported figure is not noisy", func(a, b *result.Results) { b.Measurements[1].SamplesKBps = b.Measurements[1].SamplesKBps[:1] }, nil},
		{"time-sliced", func(a, b *result.Results) {
			a.ClockHz, a.HostRef = 2.4e9, []result.HostRef{{Threads: 1, GHz: 2.35}} // 98%: whole
			b.ClockHz, b.HostRef = 2.67e9, []result.HostRef{{Threads: 1, GHz: 1.2}}
		}, []string{"padawan: one thread got 45% of a core during the run"}},
		{"time-sliced, the one-thread reference second", func(a, b *result.Results) {
			b.ClockHz = 2.67e9
			b.HostRef = []result.HostRef{
				{Threads: 2, GHz: 4.0, WaitShare: 0.5, SamplesWaitShare: []float64{0.5}},
				{Threads: 1, GHz: 1.2, WaitShare: 0, SamplesWaitShare: []float64{0}},
			}
		}, []string{"padawan: one thread got 45% of a core during the run (a dependent ADD chain): the host gave less than whole cores"}},
		{"whole cores", func(a, b *result.Results) {
			a.ClockHz, a.HostRef = 2.4e9, []result.HostRef{{Threads: 1, GHz: 2.35}}
		}, nil},
		{"separate runs of one CPU", func(a, b *result.Results) { b.Probe.Model = a.Probe.Model }, []string{"knight and padawan are separate runs on one CPU model: a difference is significant only beyond how far a rerun moves a median (with 4 or more samples a side)"}},
		{"the two sides of one interleaved run", func(a, b *result.Results) {
			b.Probe.Model = a.Probe.Model
			a.Pair, b.Pair = &result.Pair{ID: "x", Role: "a"}, &result.Pair{ID: "x", Role: "b"}
		}, nil},
		{"the two sides of one interleaved run, 5 rounds", func(a, b *result.Results) {
			b.Probe.Model = a.Probe.Model
			a.Pair, b.Pair = &result.Pair{ID: "x", Role: "a"}, &result.Pair{ID: "x", Role: "b"}
			for _, r := range []*result.Results{a, b} {
				r.Measurements[0].SamplesKBps = r.Measurements[0].SamplesKBps[:5]
			}
		}, []string{"knight and padawan: 1 of 24 figures paired over fewer than 6 rounds, too few for the sign test to find any difference"}},
		{"duplicate labels", func(a, b *result.Results) { b.Label = "knight" }, []string{`two results are labelled "knight"; the later one is shown as "knight-2"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := fixtures(t, "knight", "padawan")
			for _, r := range rs { // enough samples for CompareRuns, within ±0.1%
				for i := range r.Measurements {
					k := r.Measurements[i].KBps
					r.Measurements[i].SamplesKBps = []float64{k, k, 0.999 * k, 1.001 * k, k, k, k, k, k, k, k}
				}
				for i := range r.Files {
					s := r.Files[i].Seconds
					r.Files[i].SamplesSeconds = []float64{s, s, 0.999 * s, 1.001 * s, s, s, s, s, s, s, s}
				}
			}
			tt.edit(rs[0], rs[1])
			c, err := Compare(rs, CompareOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(tt.wants) == 0 && len(c.Warnings) > 0 {
				t.Errorf("warnings %q, want none", c.Warnings)
			}
			all := strings.Join(c.Warnings, "\n")
			for _, w := range tt.wants {
				if !strings.Contains(all, w) {
					t.Errorf("warnings %q lack %q", c.Warnings, w)
				}
			}

		})
	}
}

// TestComparePairedWarnings: the two sides of one --interleave run and
// two separate runs of one CPU model get different words on the same
// samples. With 3 rounds, the sign test's (it needs 6), not the rerun
// interval's, which a pair does not use; with noisy cells (±10%), the
// ratios of separate runs are rough, but paired ones carry intervals of
// their own.
func TestComparePairedWarnings(t *testing.T) {
	tests := []struct {
		name           string
		samples        []float64
		paired, single string // in the warnings of the pair, of separate runs
	}{
		{"3 rounds", []float64{1, 1.01, 0.99}, "paired over fewer than 6 rounds", "too few to tell whether a rerun"},
		{"noisy", []float64{90, 95, 100, 100, 100, 100, 100, 100, 100, 105, 110}, "paired round by round, carry intervals of their own", "read their ratios as rough"},
	}
	for _, tt := range tests {
		for _, paired := range []bool{true, false} {
			rs := fixtures(t, "knight", "padawan")
			rs[1].Probe.Model = rs[0].Probe.Model
			if paired {
				rs[0].Pair, rs[1].Pair = &result.Pair{ID: "x", Role: "a"}, &result.Pair{ID: "x", Role: "b"}
			}
			for _, r := range rs {
				r.Measurements[0].SamplesKBps = tt.samples
			}
			c, err := Compare(rs, CompareOptions{})
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(c.Warnings, "\n")
			if strings.Contains(all, tt.paired) != paired || strings.Contains(all, tt.single) == paired {
				t.Errorf("%s, paired %v: want %q only when paired and %q only when not:\n%s", tt.name, paired, tt.paired, tt.single, all)
			}
		}
	}
}

// TestCompareLabels checks the names hosts are shown by and that only a
// label that repeats is warned of: a lone results file without a label
// was warned of as labelled "".
func TestCompareLabels(t *testing.T) {
	tests := []struct {
		labels   []string
		want     []string
		warnings []string
	}{
		{[]string{""}, []string{"host"}, nil},
		{[]string{"knight"}, []string{"knight"}, nil},
		{[]string{"knight", "padawan"}, []string{"knight", "padawan"}, nil},
		{[]string{"", ""}, []string{"host", "host-2"}, []string{`two results are labelled "host"; the later one is shown as "host-2"`}},
		{[]string{"host", ""}, []string{"host", "host-2"}, []string{`two results are labelled "host"; the later one is shown as "host-2"`}},
		{[]string{"knight", "knight", "knight"}, []string{"knight", "knight-2", "knight-3"}, []string{
			`two results are labelled "knight"; the later one is shown as "knight-2"`,
			`two results are labelled "knight"; the later one is shown as "knight-3"`}},
		{[]string{"knight-2", "knight", "knight"}, []string{"knight-2", "knight", "knight-3"}, []string{`two results are labelled "knight"; the later one is shown as "knight-3"`}},
	}
	for _, tt := range tests {
		var rs []*result.Results
		for _, l := range tt.labels {
			r := fixture(t, "knight")
			r.Label = l
			rs = append(rs, r)
		}
		c, err := Compare(rs, CompareOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var got, warnings []string
		for _, h := range c.Hosts {
			got = append(got, h.Label)
		}
		for _, w := range c.Warnings {
			if strings.HasPrefix(w, "two results") {
				warnings = append(warnings, w)
			}
		}
		if !slices.Equal(got, tt.want) || !slices.Equal(warnings, tt.warnings) {
			t.Errorf("labels %q: shown as %q with warnings %q; want %q with %q", tt.labels, got, warnings, tt.want, tt.warnings)
		}
	}
}

func TestCompareErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(a, b *result.Results)
		opts CompareOptions
		want string
		is   error
	}{
		{"nothing in common", func(a, b *result.Results) {
			a.Measurements, a.Files = a.Measurements[:6], nil // aes-256-cbc only
			b.Measurements, b.Files = b.Measurements[12:18], nil
		}, CompareOptions{}, "results have nothing in common", ErrNothingInCommon},
		{"size not measured", func(a, b *result.Results) {}, CompareOptions{Sizes: []int{512}}, "no host measured 512 bytes (sizes measured: 16, 64, 256, 1024, 8192, 16384 bytes)", ErrSizeNotMeasured},
		{"unknown baseline", func(a, b *result.Results) {}, CompareOptions{Baseline: "jedi"}, `baseline "jedi" is none of the hosts (knight, padawan)`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := fixtures(t, "knight", "padawan")
			for _, r := range rs { // enough samples for a bounded interval, within ±0.1%
				for i := range r.Measurements {
					k := r.Measurements[i].KBps
					r.Measurements[i].SamplesKBps = []float64{k, k, 0.999 * k, 1.001 * k, k, k}
				}
			}
			tt.edit(rs[0], rs[1])
			_, err := Compare(rs, tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v does not wrap %v", err, tt.is)
			}
		})
	}
}

// TestCompareNearest: a default size that no host measured (Nearest)
// shows the measured size nearest it, rows and all; one asked for is an
// error (TestCompareErrors).
func TestCompareNearest(t *testing.T) {
	c, err := Compare(fixtures(t, "knight", "padawan"), CompareOptions{Sizes: []int{512}, Nearest: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Sizes, []int{1024}) || len(c.Rows) == 0 || slices.ContainsFunc(c.Rows, func(r CompRow) bool { return r.Size != 1024 }) {
		t.Errorf("sizes %v, %d rows; want 1024 alone", c.Sizes, len(c.Rows))
	}
}

// TestOneHostNoisyWarning: the noisy warning of one host alone speaks of
// its figures, as there are no ratios to read.
func TestOneHostNoisyWarning(t *testing.T) {
	r := fixtures(t, "knight")[0]
	k := r.Measurements[0].KBps
	r.Measurements[0].SamplesKBps = []float64{0.9 * k, 0.95 * k, k, k, k, k, k, k, k, 1.05 * k, 1.1 * k}
	c, err := Compare([]*result.Results{r}, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(c.Warnings, "\n")
	if !strings.Contains(all, "knight: 1 of 24 cells noisy (95% rerun interval wider than ±3%): a rerun could move their figures that far") || strings.Contains(all, "ratios") {
		t.Errorf("warnings:\n%s", all)
	}
}

func TestAdvice(t *testing.T) {
	c, err := Compare(fixtures(t, "knight", "padawan"), CompareOptions{Sizes: []int{256}})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(c.Advice, "\n")
	for _, want := range []string{
		"padawan: no hardware AES, and chacha20-poly1305 is 7.82x [7.72-7.93] faster than aes-256-gcm here (at 256 bytes)",
		"knight: hardware AES, and aes-256-gcm is 2.21x [2.18-2.24] faster than chacha20-poly1305 here (at 256 bytes)",
		"knight encrypts aes-256-cbc 5.26x [5.11-5.41] faster than padawan at 256 bytes",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("advice %q lacks %q", c.Advice, want)
		}
	}
	// Without both AEADs measured there is no AEAD advice.
	rs := fixtures(t, "knight", "padawan")
	rs[1].Measurements = rs[1].Measurements[:12] // aes-256-cbc and aes-256-gcm
	c, err = Compare(rs, CompareOptions{Sizes: []int{256}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(c.Advice, "\n"), "padawan: ") {
		t.Errorf("advice %q speaks of padawan's chacha20-poly1305, which it did not measure", c.Advice)
	}
	// Advice never rests on a difference that is not significant: give
	// padawan's aes-256-gcm at 256 bytes chacha20-poly1305's samples,
	// shuffled, with its median a hair lower.
	rs = fixtures(t, "knight", "padawan")
	gcm, chacha := rs[1].Find(result.Key{Engine: result.EngineGo, Algo: "aes-256-gcm", Direction: result.Encrypt, Size: 256}),
		rs[1].Find(result.Key{Engine: result.EngineGo, Algo: "chacha20-poly1305", Direction: result.Encrypt, Size: 256})
	k := chacha.SamplesKBps
	gcm.SamplesKBps = []float64{k[5], k[0], k[4], k[1], k[3], 0.999 * k[2]}
	gcm.KBps = 0.999 * chacha.KBps
	if c, err = Compare(rs, CompareOptions{Sizes: []int{256}}); err != nil {
		t.Fatal(err)
	}
	if all := strings.Join(c.Advice, "\n"); strings.Contains(all, "padawan: ") {
		t.Errorf("advice %q rests on a difference that is not significant", c.Advice)
	}
	// "2x faster" rests on the whole interval: padawan's aes-256-cbc a
	// significant 2.1x slower, but with an interval reaching below 2x.
	rs = fixtures(t, "knight", "padawan")
	knight := rs[0].Find(result.Key{Engine: result.EngineGo, Algo: "aes-256-cbc", Direction: result.Encrypt, Size: 256})
	cbc := rs[1].Find(result.Key{Engine: result.EngineGo, Algo: "aes-256-cbc", Direction: result.Encrypt, Size: 256})
	cbc.SamplesKBps = nil
	for _, d := range []float64{1.9, 2.0, 2.05, 2.15, 2.2, 2.3} {
		cbc.SamplesKBps = append(cbc.SamplesKBps, knight.KBps/d)
	}
	cbc.KBps = stats.Median(cbc.SamplesKBps)
	if c, err = Compare(rs, CompareOptions{Sizes: []int{256}}); err != nil {
		t.Fatal(err)
	}
	if st := c.Rows[0].RatioStats[0]; !st.Significant || st.Lo >= 2 || c.Rows[0].Ratios[0] < 2 {
		t.Fatalf("aes-256-cbc ratio %v %+v, want a significant one over 2x with an interval reaching below", c.Rows[0].Ratios[0], st)
	}
	if all := strings.Join(c.Advice, "\n"); strings.Contains(all, "aes-256-cbc") {
		t.Errorf("advice %q says 2x or more where the interval reaches below 2x", c.Advice)
	}
}

// TestCompareShowsInstanceType: a host whose probe read EC2 metadata gets
// its instance type in the host table.
func TestCompareShowsInstanceType(t *testing.T) {
	rs := fixtures(t, "knight", "padawan")
	rs[0].Probe.EC2 = &cpuinfo.EC2Info{InstanceType: "m2.2xlarge"}
	c, err := Compare(rs, CompareOptions{Sizes: []int{256}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Hosts[0].Instance != "m2.2xlarge" || c.Hosts[1].Instance != "" {
		t.Fatalf("instances %q, %q", c.Hosts[0].Instance, c.Hosts[1].Instance)
	}
	var b bytes.Buffer
	if err := WriteCompareText(&b, c); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "m2.2xlarge") {
		t.Errorf("text comparison lacks the instance type:\n%s", b.String())
	}
}

// TestCompareFilesPaired checks that the file runs of the two sides of
// one interleaved run are compared round by round, when they were timed
// in rounds: a host that drifts ±20% from round to round hides a steady
// 3% difference from two separate runs' figures, but not from the ratio
// of each round's two runs. Files from before the rounds (FileRounds
// false) are not paired: their run i on one side was not beside run i on
// the other.
func TestCompareFilesPaired(t *testing.T) {
	drift := []float64{1, 1.2, 0.8, 1.1, 0.9, 1.15, 0.85, 1.05, 0.95, 1.2, 0.8}
	for _, rounds := range []bool{true, false} {
		rs := fixtures(t, "knight", "padawan")
		rs[0].Pair = &result.Pair{ID: "x", Role: "a", FileRounds: rounds}
		rs[1].Pair = &result.Pair{ID: "x", Role: "b", FileRounds: rounds}
		rs[1].Files = rs[0].Files
		for h, r := range rs {
			files := slices.Clone(r.Files)
			for i := range files {
				var ss []float64
				for _, d := range drift {
					ss = append(ss, d*[]float64{1, 1.03}[h])
				}
				files[i].SamplesSeconds = ss
				files[i].Seconds = stats.Median(ss)
			}
			r.Files = files
		}
		c, err := Compare(rs, CompareOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Files) == 0 {
			t.Fatal("no file rows")
		}
		for _, f := range c.Files {
			st := f.RatioStats[0]
			if paired := st.Test == "paired"; paired != rounds || st.Significant != rounds {
				t.Errorf("file rounds %v: %s test %q, significant %v; want paired and significant %v", rounds, f.RowLabel(), st.Test, st.Significant, rounds)
			}
			if rounds && math.Abs(f.Ratios[0]-1.03) > 1e-9 {
				t.Errorf("%s: ratio %v, want 1.03", f.RowLabel(), f.Ratios[0])
			}
		}
	}
}

func TestLabelBreak(t *testing.T) {
	for _, tc := range []struct{ label, top string }{
		{"ip-172-31-22-123-noaesni", "ip-172-31-22-"},
		{"epyc-turin-2vcpu", "epyc-turin-"}, // a tie: the later break
		{"epyc-turin-2vcpu-noaesni", "epyc-turin-"},
		{"knight", ""},
		{"-x", ""},  // not before the first character
		{"ab-", ""}, // nor after the last
		{"a.b_c/d", "a.b_"},
		{"héllo-wörld", "héllo-"}, // counted in characters, cut at a byte offset
	} {
		i := labelBreak(tc.label)
		if got := tc.label[:i]; got != tc.top {
			t.Errorf("labelBreak(%q) = %d: top line %q, want %q", tc.label, i, got, tc.top)
		}
	}
}

// TestCompareLongLabels checks that EC2's host names, make run's
// labels, keep the two-host comparison's tables within an 80-column
// terminal: the host labels and the ratio go on two lines.
func TestCompareLongLabels(t *testing.T) {
	rs := fixtures(t, "knight", "knight-noaesni")
	rs[0].Label, rs[1].Label = "ip-172-31-22-123", "ip-172-31-22-123-noaesni"
	out := compareText(t, rs, CompareOptions{Sizes: []int{256}})
	golden(t, "long-labels.txt", []byte(out))
	for l := range strings.Lines(out) {
		if n := utf8.RuneCountInString(strings.TrimSuffix(l, "\n")); n > 80 {
			t.Errorf("a line of %d columns, over 80: %q", n, l)
		}
	}
}

func TestShortCPU(t *testing.T) {
	models := []string{"Intel Xeon E5-2665 @ 2.40GHz", "Intel Xeon X5550 @ 2.67GHz", "AMD EPYC 9R14 96-Core"}
	for _, tc := range []struct {
		n    int
		want []string
	}{
		{30, models}, // all fit: untouched, clocks and all
		{28, models},
		{27, []string{"Intel Xeon E5-2665", "Intel Xeon X5550", "AMD EPYC 9R14 96-Core"}}, // every clock goes
		{18, []string{"Intel Xeon E5-2665", "Intel Xeon X5550", "AMD EPYC 9R14 96-…"}},
		{14, []string{"Intel Xeon E5…", "Intel Xeon X5…", "AMD EPYC 9R14…"}},
	} {
		tb := table{header: []string{"host", "CPU"}}
		for _, m := range models {
			tb.rows = append(tb.rows, []string{"h", m})
		}
		shortenColumn(&tb, 1, tc.n)
		for j, r := range tb.rows {
			if r[1] != tc.want[j] {
				t.Errorf("shortened to %d: %q became %q, want %q", tc.n, models[j], r[1], tc.want[j])
			}
		}
	}
}

// TestCompareFileSizes checks where a file workload's size goes: into
// the file table's title when every file has one size, else into each
// row, so that two sizes are never shown as one.
func TestCompareFileSizes(t *testing.T) {
	for _, tc := range []struct {
		name        string
		second      int64 // the second file's size; 0 keeps the fixtures' one size, below 0 shortens padawan's files
		title, rows []string
	}{
		{"one size", 0, []string{"File encryption of 80.0 MB in seconds"}, []string{"\naes-256-gcm  "}},
		{"two sizes", 1_000_000, []string{"File encryption in seconds"}, []string{"\naes-256-cbc, 80.0 MB  ", "\naes-256-gcm, 1.0 MB  "}},
		// padawan's files 4 bytes shorter: four rows, two of which would
		// both read "aes-256-cbc, 80.0 MB"
		{"near sizes", -4, []string{"File encryption in seconds"}, []string{"\naes-256-cbc, 80000000 bytes  ", "\naes-256-cbc, 79999996 bytes  "}},
	} {
		rs := fixtures(t, "knight", "padawan")
		switch {
		case tc.second > 0:
			for _, r := range rs {
				r.Files[1].Bytes = tc.second
			}
		case tc.second < 0:
			for i := range rs[1].Files {
				rs[1].Files[i].Bytes += tc.second
			}
		}
		out := compareText(t, rs, CompareOptions{Sizes: []int{256}})
		for _, w := range append(tc.title, tc.rows...) {
			if !strings.Contains(out, w) {
				t.Errorf("%s: the output lacks %q:\n%s", tc.name, w, out)
			}
		}
	}
}

// compareText is compare's text form of rs.
func compareText(t *testing.T, rs []*result.Results, o CompareOptions) string {
	t.Helper()
	c, err := Compare(rs, o)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteCompareText(&b, c); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestCompareShortenedLabelsStayApart: two long labels that differ only
// in their middle are not shortened into one.
func TestCompareShortenedLabelsStayApart(t *testing.T) {
	rs := fixtures(t, "knight", "padawan", "knight-noaesni")
	rs[0].Label = "cluster-alpha-node-eu-west-1-az-a-01"
	rs[1].Label = "cluster-alpha-node-us-east-1-az-a-01"
	rs[2].Label = "cluster-alpha-node-ap-south-1-az-a-01"
	out := compareText(t, rs, CompareOptions{Sizes: []int{256}})
	_, table, _ := strings.Cut(out, "\nhost ")
	var labels []string
	for l := range strings.Lines(table) {
		if l == "\n" {
			break
		}
		if f := strings.Fields(l); len(f) > 0 && strings.Contains(f[0], "…") {
			labels = append(labels, f[0])
		}
	}
	if len(labels) != 3 || labels[0] == labels[1] || labels[1] == labels[2] || labels[0] == labels[2] {
		t.Errorf("shortened labels %q: want three, told apart\n%s", labels, out)
	}
}

// TestCompareAutoLayoutWidth: two hosts go in columns, with their
// intervals, unless their labels are so long that the columns cannot fit
// 80 columns and rows would; --layout columns keeps columns anyway.
func TestCompareAutoLayoutWidth(t *testing.T) {
	for _, tc := range []struct {
		a, b, layout, want string
	}{
		{"knight", "padawan", "", LayoutColumns},
		{"ip-172-31-22-123", "ip-172-31-22-123-noaesni", "", LayoutColumns},
		{"m5.large-ap-south-1c-a-rather-long-instance-label-02", "c1.medium-eu-west-2b-a-rather-long-instance-label-01", "", LayoutRows},
		{"m5.large-ap-south-1c-a-rather-long-instance-label-02", "c1.medium-eu-west-2b-a-rather-long-instance-label-01", LayoutColumns, LayoutColumns},
	} {
		rs := fixtures(t, "knight", "padawan")
		rs[0].Label, rs[1].Label = tc.a, tc.b
		c, err := Compare(rs, CompareOptions{Sizes: []int{256}, Layout: tc.layout})
		if err != nil {
			t.Fatal(err)
		}
		if c.Layout != tc.want {
			t.Errorf("%s and %s, --layout %q: laid out as %s, want %s", tc.a, tc.b, tc.layout, c.Layout, tc.want)
		}
	}
}

// TestFixturesAgreeWithThemselves: a fixture's count is the samples its
// cells hold, as a run writes it, so that warnings quoting the count and
// statistics over the samples tell the same story.
func TestFixturesAgreeWithThemselves(t *testing.T) {
	for _, n := range []string{"knight", "padawan", "knight-noaesni"} {
		r := fixture(t, n)
		for _, m := range r.Measurements {
			if len(m.SamplesKBps) != r.Count {
				t.Errorf("%s: %s at %d bytes holds %d samples, count says %d", n, m.Algo, m.Size, len(m.SamplesKBps), r.Count)
				break
			}
		}
	}
}

// TestCompareUnmatched: of three hosts at the one size shown, one with
// nothing there that the baseline has is named, with the sizes at which
// it does compare, or, measuring no cell the baseline did (another
// algorithm), with that: no other size would help it.
func TestCompareUnmatched(t *testing.T) {
	rs := fixtures(t, "knight", "padawan", "padawan")
	rs[2].Label = "quick"
	rs[2].Measurements = slices.DeleteFunc(rs[2].Measurements, func(m result.Measurement) bool { return m.Size != 16 && m.Size != 1024 })
	c, err := Compare(rs, CompareOptions{Sizes: []int{256}, Nearest: true})
	if err != nil {
		t.Fatal(err)
	}
	want := "nothing at 256 bytes compares with the baseline, knight, on quick (it does at 16, 1024 bytes)"
	if !slices.Contains(c.Warnings, want) {
		t.Errorf("warnings %q, want %q", c.Warnings, want)
	}

	rs = fixtures(t, "knight", "padawan", "padawan")
	rs[2].Label = "other"
	for i := range rs[2].Measurements {
		rs[2].Measurements[i].Algo = "aes-128-ctr" // the baseline measured none
	}
	if c, err = Compare(rs, CompareOptions{Sizes: []int{256}, Nearest: true}); err != nil {
		t.Fatal(err)
	}
	want = "nothing at 256 bytes compares with the baseline, knight, on other (nor at any size: it measured no message cell the baseline did)"
	if !slices.Contains(c.Warnings, want) {
		t.Errorf("warnings %q, want %q", c.Warnings, want)
	}
	// All three compare at every size: no such warning.
	if c, err = Compare(fixtures(t, "knight", "padawan", "padawan"), CompareOptions{Sizes: []int{256}}); err != nil {
		t.Fatal(err)
	}
	for _, w := range c.Warnings {
		if strings.Contains(w, "compares with the baseline") {
			t.Errorf("warned %q of hosts that compare", w)
		}
	}
}

// TestCompareNothingAtSize: hosts that share cells at other sizes than
// the one asked for fail with the size named, and what shows the rest.
func TestCompareNothingAtSize(t *testing.T) {
	rs := fixtures(t, "knight", "padawan")
	rs[1].Measurements = slices.DeleteFunc(rs[1].Measurements, func(m result.Measurement) bool { return m.Size == 256 })
	rs[0].Files, rs[1].Files = nil, nil
	_, err := Compare(rs, CompareOptions{Sizes: []int{256}})
	if want := "results have nothing in common: no cell measured on knight and another host at 256 bytes (--size all for every size)"; err == nil || err.Error() != want || !errors.Is(err, ErrNothingInCommon) {
		t.Errorf("Compare = %v, want %q", err, want)
	}
	// Nothing in common at any size: no advice that another would help.
	for i := range rs[1].Measurements {
		rs[1].Measurements[i].Algo = "aes-128-ctr"
	}
	_, err = Compare(rs, CompareOptions{Sizes: []int{256}})
	if want := "results have nothing in common: no cell measured on knight and another host"; err == nil || err.Error() != want {
		t.Errorf("Compare of hosts with no algorithm in common = %v, want %q", err, want)
	}
}
