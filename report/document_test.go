package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
)

// TestDocumentMethodOfAPair: report.md says how the two sides of an
// --interleave run were measured: the go engine's samples, openssl's
// runs, the masked side's openssl mask, and that the ratios pair their
// rounds.
func TestDocumentMethodOfAPair(t *testing.T) {
	rs := fixtures(t, "knight", "knight-noaesni")
	rs[1].AESNIMasked = true
	rs[0].Pair = &result.Pair{ID: "x", Role: "a", Mode: "interleaved"}
	rs[1].Pair = &result.Pair{ID: "x", Role: "b", Mode: "interleaved"}
	for _, r := range rs {
		r.OpenSSL = &result.OpenSSLInfo{Version: "OpenSSL 3.0.19", Seconds: 1, CPUInfo: "OPENSSL_ia32cap=0x1:0x2"}
		r.Measurements = append(r.Measurements, result.Measurement{Engine: result.EngineOpenSSL, Algo: "aes-256-cbc", Direction: result.Encrypt, Size: 256, Threads: 1,
			SamplesKBps: []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, KBps: 1})
	}
	s := document(t, rs)
	for _, want := range []string{
		"11 runs of openssl speed -seconds 1 per openssl cell",
		"knight-noaesni: 6 samples of 0.05 s per cell, 11 runs of openssl speed -seconds 1 per openssl cell, go1.26.8, started 2026-11-20 10:00 UTC, GODEBUG=cpu.aes=off,cpu.pclmulqdq=off, openssl's OPENSSL\\_ia32cap=0x1:0x2",
		"knight and knight-noaesni were measured in the same rounds (run --interleave, interleaved)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("report.md lacks %q:\n%s", want, s[strings.Index(s, "## How the figures"):])
		}
	}
}

// document is report.md of rs at 256 bytes, without charts.
func document(t *testing.T, rs []*result.Results) string {
	t.Helper()
	c, err := Compare(rs, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteDocument(&b, c, 256, Figures{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestDocumentOneHostWarnings: one host's report tells its warnings as
// notes on the run, not as differences between runs it does not have.
func TestDocumentOneHostWarnings(t *testing.T) {
	s := document(t, fixtures(t, "knight-noaesni"))
	if strings.Contains(s, "Differences between the runs") || !strings.Contains(s, "What to know about this run:\n\n- knight-noaesni ran with AES-NI masked") {
		t.Errorf("one host's warnings:\n%s", s)
	}
}
