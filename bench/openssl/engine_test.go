package openssl

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

func TestParseOpenSSLCPUInfo(t *testing.T) {
	tests := []struct {
		in               string
		aesni, pclmulqdq bool
		bad              bool
	}{
		{"OPENSSL_ia32cap=0xfed83203178bffff:0x18005f42f1bb03a9", true, true, false},
		// Under OPENSSL_ia32cap=NoAESNI, as OpenSSL 3.0.19 prints it.
		{"OPENSSL_ia32cap=0xfcd83201178bffff:0x18005942f1bb03a9 env:~0x200000200000000:~0x60000000000", false, false, false},
		{"OPENSSL_ia32cap=0xfcd83203178bffff:0x0", false, true, false},
		{"OPENSSL_ia32cap=0x400:0x0 env:", false, false, false},
		{"OPENSSL_ia32cap=0x0200000000000000", true, false, false},
		{"", false, false, true},
		{"OPENSSL_ia32cap=zz:0x0", false, false, true},
		{"OPENSSL_ia32cap=0x1:zz", false, false, true},
	}
	for _, tt := range tests {
		c, err := ParseCPUInfo(tt.in)
		if (err != nil) != tt.bad {
			t.Errorf("ParseCPUInfo(%q) error %v, want error %v", tt.in, err, tt.bad)
			continue
		}
		if c.AESNI != tt.aesni || c.PCLMULQDQ != tt.pclmulqdq {
			t.Errorf("ParseCPUInfo(%q) = AES-NI %v, PCLMULQDQ %v; want %v, %v", tt.in, c.AESNI, c.PCLMULQDQ, tt.aesni, tt.pclmulqdq)
		}
	}
}

func TestAEADMode(t *testing.T) {
	tests := []struct {
		version, algo string
		want          result.AEADMode
	}{
		{"OpenSSL 3.0.19 27 Jan 2026 (Library: OpenSSL 3.0.19 27 Jan 2026)", "aes-256-gcm", result.AEADModePerMessage},
		{"OpenSSL 3.0.19 27 Jan 2026", "chacha20-poly1305", result.AEADModeStream},
		{"3.0.16", "aes-128-gcm", result.AEADModePerMessage},
		{"3.0.15", "aes-256-gcm", result.AEADModeStream},
		{"OpenSSL 3.5.0 8 Apr 2025", "aes-256-gcm", result.AEADModePerMessage},
		{"OpenSSL 3.2.1 30 Jan 2024", "aes-256-gcm", ""},
		{"OpenSSL 1.1.1f  31 Mar 2020", "aes-256-gcm", result.AEADModeStream},
		{"OpenSSL 1.0.1e-fips 11 Feb 2013", "aes-128-gcm", result.AEADModeStream},
		{"", "aes-256-gcm", ""},
		{"", "chacha20-poly1305", ""},
		{"garbage", "aes-256-gcm", ""},
	}
	for _, tt := range tests {
		if got := AEADMode(tt.version, tt.algo); got != tt.want {
			t.Errorf("AEADMode(%q, %q) = %q, want %q", tt.version, tt.algo, got, tt.want)
		}
	}
}

func TestOpenSSLPlan(t *testing.T) {
	tests := []struct {
		sizes, want []int
	}{
		{bench.DefaultSizes, []int{0}},
		{[]int{16, 256, 16384}, []int{0}},
		{[]int{16, 256}, []int{16, 256}},
		{[]int{16, 64, 256, 100}, []int{0, 100}},
		{[]int{100, 1 << 20}, []int{100, 1 << 20}},
	}
	for _, tt := range tests {
		if got := opensslPlan(tt.sizes); !slices.Equal(got, tt.want) {
			t.Errorf("opensslPlan(%v) = %v, want %v", tt.sizes, got, tt.want)
		}
	}
}

func TestOpenSSLSeconds(t *testing.T) {
	for d, want := range map[time.Duration]int{50 * time.Millisecond: 1, time.Second: 1, 1600 * time.Millisecond: 2, 3 * time.Second: 3} {
		if got := Seconds(d); got != want {
			t.Errorf("Seconds(%v) = %d, want %d", d, got, want)
		}
	}
}

// fakeOpenSSL writes a shell script that answers like openssl speed -mr
// for AES-256-CBC (bytes per second 1000 times the size, times
// $FAKE_FACTOR when set) and like an openssl without the cipher for
// anything else. It logs its arguments, after $FAKE_SIDE when set.
func fakeOpenSSL(t *testing.T) (path, log string) {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	path, log = filepath.Join(dir, "openssl"), filepath.Join(dir, "log")
	script := `#!/bin/sh
echo ${FAKE_SIDE:+"$FAKE_SIDE"} "$@" >> ` + log + `
f=${FAKE_FACTOR:-1}
shift 2; [ "$1" = -elapsed ] && shift
case "$2" in
aes-256-cbc)
	if [ "$5" = -bytes ]; then
		echo "+H:$6"; echo "+F:25:AES-256-CBC:$(($6 * 1000 * f))"
	else
		echo "+H:16:64:256:1024:8192:16384"
		echo "+F:25:AES-256-CBC:$((16000 * f)):$((64000 * f)):$((256000 * f)):$((1024000 * f)):$((8192000 * f)):$((16384000 * f))"
	fi ;;
*)
	echo "speed: $2 is an unknown cipher or digest" >&2; exit 1 ;;
esac
`
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path, log
}

// fakeCells are the cells of the tests with fakeOpenSSL: aes-256-cbc,
// which it has, and 3des-cbc, which it lacks, at 16 (one of openssl's
// sizes) and 48 bytes (not one).
func fakeCells(t *testing.T) []bench.Cell {
	t.Helper()
	cbc, _ := bench.Lookup("aes-256-cbc")
	des, _ := bench.Lookup("3des-cbc")
	cells, err := bench.Cells([]*bench.Algorithm{cbc, des}, []result.Direction{result.Encrypt}, []int{16, 48}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return cells
}

func TestRunOpenSSLFake(t *testing.T) {
	path, log := fakeOpenSSL(t)
	cells := fakeCells(t)
	var warnings []string
	ms, err := Run(context.Background(), cells, "OpenSSL 3.0.19", Config{
		Path: path, Seconds: 1, Count: 2, NoisyPct: 3,
		Warn: func(msg string) { warnings = append(warnings, msg) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "3des-cbc (des-ede3-cbc)") {
		t.Errorf("warnings %q, want one about 3des-cbc", warnings)
	}
	if len(ms) != 2 {
		t.Fatalf("%d measurements, want 2: %+v", len(ms), ms)
	}
	for _, m := range ms {
		// The fake's figure is size*1000 bytes/s: size kB/s.
		if m.Engine != result.EngineOpenSSL || m.Algo != "aes-256-cbc" || len(m.SamplesKBps) != 2 || m.KBps != float64(m.Size) {
			t.Errorf("measurement %+v", m)
		}
		// Two samples bound no interval: noisy, as a go cell would be.
		if m.CIPct != -1 || !m.Noisy {
			t.Errorf("%d bytes: interval ±%v%%, noisy %v; want unbounded and noisy", m.Size, m.CIPct, m.Noisy)
		}
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	// 16 and 48 are two of a kind: each its own -bytes run, twice; 3des once.
	want := "speed -mr -elapsed -evp aes-256-cbc -seconds 1 -bytes 16\n" +
		"speed -mr -elapsed -evp aes-256-cbc -seconds 1 -bytes 48\n" +
		"speed -mr -elapsed -evp des-ede3-cbc -seconds 1 -bytes 16\n" +
		"speed -mr -elapsed -evp aes-256-cbc -seconds 1 -bytes 16\n" +
		"speed -mr -elapsed -evp aes-256-cbc -seconds 1 -bytes 48\n"
	if string(b) != want {
		t.Errorf("invocations:\n%s\nwant\n%s", b, want)
	}
}

// TestRunOpenSSL runs the real openssl for one second.
func TestRunOpenSSL(t *testing.T) {
	if testing.Short() {
		t.Skip("runs openssl speed for a second")
	}
	path, err := Find("")
	if err != nil {
		t.Skip(err)
	}
	info, err := Version(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	gcm, _ := bench.Lookup("aes-256-gcm")
	cells, _ := bench.Cells([]*bench.Algorithm{gcm}, []result.Direction{result.Decrypt}, []int{1024}, nil)
	ms, err := Run(context.Background(), cells, info.Version, Config{Path: path, Seconds: 1, Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].KBps <= 0 || ms[0].Direction != result.Decrypt || ms[0].AEADMode != AEADMode(info.Version, "aes-256-gcm") {
		t.Errorf("measurements %+v", ms)
	}
}

// TestRunOpenSSLMulti runs openssl speed on one and on two processes (-multi
// 2), as run --engine openssl --threads 1,2 does, and reads the aggregate.
func TestRunOpenSSLMulti(t *testing.T) {
	if testing.Short() {
		t.Skip("runs openssl speed for two seconds")
	}
	path, err := Find("")
	if err != nil {
		t.Skip(err)
	}
	ctr, _ := bench.Lookup("aes-128-ctr")
	cells, _ := bench.Cells([]*bench.Algorithm{ctr}, []result.Direction{result.Encrypt}, []int{1024}, []int{1, 2})
	ms, err := Run(context.Background(), cells, "3.0.19", Config{Path: path, Seconds: 1, Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].Threads != 1 || ms[1].Threads != 2 || ms[0].KBps <= 0 || ms[1].KBps <= 0 {
		t.Fatalf("measurements %+v, want aes-128-ctr on 1 and 2 processes", ms)
	}
	t.Logf("openssl speed -multi 2 over one process: %.2fx", ms[1].KBps/ms[0].KBps)
}
