package result

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseRejectsImplausible checks that Parse refuses a results file
// that no run could have written, naming the file and the field: a
// figure of 1.7e308 kB/s made report panic beside another host and hang
// alone, and a label with a newline broke the tables.
func TestParseRejectsImplausible(t *testing.T) {
	set := func(x float64) func(m *Measurement) {
		return func(m *Measurement) {
			for i := range m.SamplesKBps {
				m.SamplesKBps[i] = x
			}
			m.KBps, m.MinKBps, m.MaxKBps = x, x, x
		}
	}
	m0 := func(edit func(m *Measurement)) func(r *Results) {
		return func(r *Results) { edit(&r.Measurements[0]) }
	}
	tests := []struct {
		name string
		edit func(r *Results)
		want string // after "knight.json: implausible results: "
	}{
		{"huge kbps", m0(set(1.7e308)), "measurements[0].samples_kbps[0]: 1.7e+308 is above 1e+12 kB/s"},
		{"tiny kbps", m0(set(1e-300)), "measurements[0].samples_kbps[0]: 1e-300 is below 0.001 kB/s"},
		{"negative kbps", m0(set(-5)), "measurements[0].samples_kbps[0]: -5 is below 0.001 kB/s"},
		{"median above max", m0(func(m *Measurement) { m.KBps = m.MaxKBps * 2 }), "measurements[0].kbps: median 568339.2 is not between min_kbps 276588 and max_kbps 284169.6"},
		{"median below min", m0(func(m *Measurement) { m.MinKBps = m.KBps * 2 }), "measurements[0].kbps: median 280800 is not between min_kbps 561600"},
		{"sample beyond max", m0(func(m *Measurement) { m.SamplesKBps[1] = m.MaxKBps * 3 }), "measurements[0].samples_kbps[1]: 852508.7999999999 is not between min_kbps 276588"},
		{"ci", m0(func(m *Measurement) { m.CILowKBps, m.CIHighKBps = 2, 1 }), "measurements[0].ci_low_kbps: 2 is above ci_high_kbps 1"},
		{"per thread", m0(func(m *Measurement) { m.SamplesPerThreadKBps = []float64{1, 1e300} }), "measurements[0].samples_per_thread_kbps[1]: 1e+300 is above 1e+12 kB/s"},
		{"size", m0(func(m *Measurement) { m.Size = 64<<20 + 1 }), "measurements[0].size: 6.7108865e+07 is above 6.7108864e+07 bytes"},
		{"threads", m0(func(m *Measurement) { m.Threads = -1 }), "measurements[0].threads: -1 is below 0 workers"},
		{"many threads", m0(func(m *Measurement) { m.Threads = 1 << 30 }), "measurements[0].threads: 1.073741824e+09 is above 65536 workers"},
		{"iters", m0(func(m *Measurement) { m.Iters = -3 }), "measurements[0].iters_per_sample: -3 is below 0 messages"},
		{"direction", m0(func(m *Measurement) { m.Direction = "sideways" }), `measurements[0].direction: "sideways" is neither encrypt nor decrypt`},
		{"algo", m0(func(m *Measurement) { m.Algo = "aes\t256" }), `measurements[0].algo: "aes\t256" holds the control character U+0009`},
		{"count", func(r *Results) { r.Count = -1 }, "count: -1 is below 0 samples"},
		{"sample seconds", func(r *Results) { r.SampleSeconds = -0.5 }, "sample_seconds: -0.5 is below 0 s"},
		{"clock", func(r *Results) { r.ClockHz = 1e300 }, "clock_hz: 1e+300 is above 1e+11 Hz"},
		{"pinned cpu", func(r *Results) { r.PinnedCPUs = []int{0, -3} }, "pinned_cpus[1]: -3 is below 0"},
		{"label newline", func(r *Results) { r.Label = "knight\nrow" }, `label: "knight\nrow" holds the control character U+000A; a name or description is one line of printable text`},
		{"label escape", func(r *Results) { r.Label = "\x1b[31mknight" }, `label: "\x1b[31mknight" holds the control character U+001B`},
		{"label line separator", func(r *Results) { r.Label = "a\u2028b" }, `label: "a\u2028b" holds the control character U+2028`},
		{"long label", func(r *Results) { r.Label = strings.Repeat("k", 256) }, "label: 256 bytes long, over 255"},
		{"model", func(r *Results) { r.Probe.Model = "Xeon\r" }, `probe.model: "Xeon\r" holds the control character U+000D`},
		{"file seconds", func(r *Results) { r.Files[0].SamplesSeconds[0] = 0 }, "files[0].samples_seconds[0]: 0 is below 1e-09 s"},
		{"file median", func(r *Results) { r.Files[0].Seconds = 100 }, "files[0].seconds: median 100 is not between min_seconds"},
		{"file bytes", func(r *Results) { r.Files[0].Bytes = 0 }, "files[0].bytes: 0 is below 1 bytes"},
		{"file kbps", func(r *Results) { r.Files[0].KBps = 1e13 }, "files[0].kbps: 1e+13 is above 1e+12 kB/s"},
		{"host reference", func(r *Results) { r.HostRef = []HostRef{{Threads: 1, GHz: 3, WaitShare: 2}} }, "host_reference[0].wait_share: 2 is above 1"},
		{"median not the samples'", m0(func(m *Measurement) {
			m.SamplesKBps = []float64{0.5, 0.5, 0.5, 5, 5}
			m.KBps, m.MinKBps, m.MaxKBps = 5, 0.5, 5
		}), "measurements[0].kbps: 5 is not the median of its samples, 0.5"},
		{"a zero sample in a run", m0(func(m *Measurement) {
			m.SamplesKBps = []float64{0, 0, 0, 5, 5}
			m.KBps, m.MinKBps, m.MaxKBps = 0, 0, 5
		}), "measurements[0].samples_kbps[0]: 0 among 5 samples: a sample of a run is a measurement"},
		{"file median not the samples'", func(r *Results) { r.Files[0].Seconds = r.Files[0].MaxSeconds }, "files[0].seconds: "},
		{"openssl cpuinfo", func(r *Results) { r.OpenSSL.CPUInfo = "x\n\n# injected" }, `openssl.cpuinfo: "x\n\n# injected" holds the control character U+000A`},
		{"pair mode", func(r *Results) { r.Pair = &Pair{ID: "1", With: "k2", Role: PairRoleA, Mode: "interleaved\n# also"} }, `pair.mode: "interleaved\n# also" is neither interleaved nor duet`},
		{"pair role", func(r *Results) { r.Pair = &Pair{ID: "1", With: "k2", Role: "c", Mode: PairDuet} }, `pair.role: "c" is neither a nor b`},
		{"pair with", func(r *Results) { r.Pair = &Pair{ID: "1", With: "k\r2", Role: PairRoleB, Mode: PairDuet} }, `pair.with: "k\r2" holds the control character U+000D`},
		{"warning", func(r *Results) { r.Warnings = []string{"fine", "two\nlines"} }, `warnings[1]: "two\nlines" holds the control character U+000A`},
		{"file path", func(r *Results) { r.Files[0].Path = "a\x1b[2Jb" }, `files[0].path: "a\x1b[2Jb" holds the control character U+001B`},
		{"host reference clock", func(r *Results) { r.HostRef = []HostRef{{Threads: 2, GHz: 3, SamplesGHz: []float64{3, 1e6}}} }, "host_reference[0].samples_ghz[1]: 1e+06 is above 200 GHz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := knight(t)
			tt.edit(r)
			data, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse("knight.json", data)
			if got != nil || !errors.Is(err, ErrImplausible) {
				t.Fatalf("Parse = %v, %v; want an ErrImplausible", got, err)
			}
			if want := "knight.json: implausible results: " + tt.want; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error\n%q, want one starting\n%q", err, want)
			}
		})
	}
}

// TestParseAcceptsPlausible checks figures at the edges of plausible and
// a cell openssl speed printed as 0.00 (not measured), as import keeps it.
func TestParseAcceptsPlausible(t *testing.T) {
	for _, edit := range []func(r *Results){
		func(r *Results) {},
		func(r *Results) { r.Label = "" },
		func(r *Results) { r.Label = "knight-ü-東京 (a | b)" },
		func(r *Results) {
			m := &r.Measurements[0]
			m.SamplesKBps, m.KBps, m.MinKBps, m.MaxKBps = []float64{0}, 0, 0, 0
		},
		func(r *Results) {
			m := &r.Measurements[0]
			m.SamplesKBps, m.KBps, m.MinKBps, m.MaxKBps = []float64{1e-3, 1e12, 5}, 5, 1e-3, 1e12
		},
		func(r *Results) { r.Measurements[0].Size, r.Measurements[1].Size = 1, 64<<20 },
	} {
		r := knight(t)
		edit(r)
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse("knight.json", data); err != nil {
			t.Errorf("Parse: %v", err)
		}
	}
}

func knight(t *testing.T) *Results {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "report", "testdata", "knight.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r Results
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}
