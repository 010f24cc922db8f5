package report

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/perf/benchfmt"
	"golang.org/x/perf/benchproc"

	"github.com/aesbench/aesbench/bench/result"
)

// sampleOpenSSL returns sample(1) from a host of 8 CPUs with openssl
// beside go on aes-256-cbc (openssl speed takes 3 samples here).
func sampleOpenSSL() *result.Results {
	r := sample(1)
	r.Probe.LogicalCPUs = 8
	r.GODEBUG = "cpu.avx512f=off"
	for _, size := range []int{16, 256} {
		m := result.Measurement{Engine: result.EngineOpenSSL, Algo: "aes-256-cbc", Direction: result.Encrypt, Size: size, Threads: 1,
			SamplesKBps: []float64{700000, 710000, 690000}}
		m.Summarize(r.NoisyPct)
		r.Measurements = append(r.Measurements, m)
	}
	return r
}

// sampleImported returns openssl speed figures imported from a saved
// output: no probe, so no cpu.
func sampleImported() *result.Results {
	r := &result.Results{Schema: result.Schema, Label: "padawan-2013", Source: result.SourceImported}
	m := result.Measurement{Engine: result.EngineOpenSSL, Algo: "aes-256-cbc", Direction: result.Encrypt, Size: 256, Threads: 1, SamplesKBps: []float64{190000}}
	m.Summarize(0)
	r.Measurements = append(r.Measurements, m)
	return r
}

func TestWriteGoBenchGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		rs   []*result.Results
	}{
		{"gobench-openssl.txt", []*result.Results{sampleOpenSSL()}},
		{"gobench-runs.txt", []*result.Results{sampleOpenSSL(), sampleImported()}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteGoBenchRuns(&b, tt.rs); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, b.Bytes())
		})
	}
}

// TestWriteGoBenchLinesUpWithGoTest: the go lines have the names and
// configuration of go test -bench ./bench on the same host
// (bench/benchmark_test.go names its sub-benchmarks algo=NAME/size=N, and
// go test adds -GOMAXPROCS), and "benchstat -col /engine" puts each
// openssl line beside the go line of its cell, in one table.
func TestWriteGoBenchLinesUpWithGoTest(t *testing.T) {
	src, err := os.ReadFile("../bench/benchmark_test.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte(`b.Run(fmt.Sprintf("algo=%s/size=%d", a.Name, size)`)) {
		t.Fatal("bench/benchmark_test.go no longer names its sub-benchmarks algo=NAME/size=N: change WriteGoBench with it")
	}
	r := sampleOpenSSL()
	var b bytes.Buffer
	if err := WriteGoBench(&b, r); err != nil {
		t.Fatal(err)
	}

	var parser benchproc.ProjectionParser
	tableBy, _ := parser.Parse(".config", nil)
	rowBy, _ := parser.Parse(".fullname", nil)
	colBy, _ := parser.Parse("/engine", nil)
	tables := map[string]bool{}
	cols := map[string][]string{} // row: its columns
	rd := benchfmt.NewReader(&b, "knight.txt")
	for rd.Scan() {
		res, ok := rd.Result().(*benchfmt.Result)
		if !ok {
			t.Fatalf("not a result: %v", rd.Result())
		}
		base, _ := res.Name.Parts()
		if string(base) == "HostRef" {
			continue
		}
		if got := res.GetConfig("pkg"); got != GoBenchPkg {
			t.Errorf("%s: pkg %q", res.Name, got)
		}
		if !strings.HasSuffix(res.Name.String(), "-8") {
			t.Errorf("%s: no -8 suffix of the host's 8 CPUs", res.Name)
		}
		tables[tableBy.Project(res).String()] = true
		row, col := rowBy.Project(res).String(), colBy.Project(res).StringValues()
		if !slices.Contains(cols[row], col) {
			cols[row] = append(cols[row], col)
		}
	}
	if err := rd.Err(); err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 {
		t.Errorf("%d tables, want 1: %v", len(tables), tables)
	}
	var want []string
	for _, m := range r.Measurements {
		dir := "Encrypt"
		if m.Direction == result.Decrypt {
			dir = "Decrypt"
		}
		row := fmt.Sprintf(".fullname:%s/algo=%s/size=%d-8", dir, m.Algo, m.Size)
		if !slices.Contains(want, row) {
			want = append(want, row)
		}
		if m.Engine == result.EngineOpenSSL && !slices.Equal(cols[row], []string{"", "openssl"}) {
			t.Errorf("row %s: columns %q, want go's and openssl's", row, cols[row])
		}
	}
	got := slices.Sorted(maps.Keys(cols))
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
}
