package main

import (
	"encoding/json"
	"runtime"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/cpuinfo"
)

// TestE2ERunNoAESNIWinsOverTheUsersGODEBUG runs --no-aesni under a
// GODEBUG that turns the AES features back on: the mask goes after the
// user's settings, which the runtime reads in order, so the mask wins and
// the user's other settings stay.
func TestE2ERunNoAESNIWinsOverTheUsersGODEBUG(t *testing.T) {
	user := "cpu.aes=on,cpu.pclmulqdq=on,cpu.pmull=on,madvdontneed=1"
	out, errOut, code := runBin(t, []string{"GODEBUG=" + user}, "run", "--no-aesni", "--algos", "aes-128-ctr", "--sizes", "64", "--count", "1", "--time", "2ms", "--json", "--out", "masked.json")
	if code != 0 {
		t.Fatalf("run --no-aesni under GODEBUG=%s: code %d\n%s\n%s", user, code, out, errOut)
	}
	var res result.Results
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	if want := user + "," + cpuinfo.MaskAESNI(runtime.GOARCH); res.GODEBUG != want {
		t.Errorf("child's GODEBUG %q, want %q", res.GODEBUG, want)
	}
	if !res.AESNIMasked || res.Probe == nil || res.Probe.Go.HardwareAES || res.Probe.Go.HardwareGCM {
		t.Errorf("masked run: aesni_masked %v, probe %+v", res.AESNIMasked, res.Probe)
	}
}
