package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/cpuinfo"
	"github.com/aesbench/aesbench/cpuinfo/ec2"
	"github.com/aesbench/aesbench/cpuinfo/probe"
	"github.com/aesbench/aesbench/internal/imdsmock"
)

func sample(name string) string {
	p, _ := filepath.Abs(filepath.Join("..", "..", "cpuinfo", "testdata", name))
	return p
}

// TestGateExitCodes runs the built binary: 0 pass, 1 fail or cannot
// judge, 2 usage.
func TestGateExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		env    []string
		args   []string
		code   int
		stdout string // substring; "" for empty stdout
		stderr string // substring; "" for empty stderr
	}{
		{"knight", nil, []string{"--cpuinfo", sample("knight.cpuinfo")}, 0, "pass: hardware AES (aes, pclmulqdq)", ""},
		{"knight-note", nil, []string{"--cpuinfo", sample("knight.cpuinfo")}, 0, "GODEBUG does not apply", ""},
		// A saved file is judged from its flags: this process's GODEBUG is not its host's.
		{"knight-godebug", []string{"GODEBUG=cpu.aes=off"}, []string{"--cpuinfo", sample("knight.cpuinfo")}, 0, "pass:", ""},
		{"padawan", nil, []string{"--cpuinfo", sample("padawan.cpuinfo")}, 1, "", "fail: the CPU lacks aes, pclmulqdq"},
		{"padawan-note", nil, []string{"--cpuinfo", sample("padawan.cpuinfo")}, 1, "", "X5550 @ 2.67GHz); judged from the saved flags alone"},
		{"graviton2", nil, []string{"--cpuinfo", sample("graviton2.cpuinfo")}, 0, "pass: hardware AES (aes, pmull)", ""},
		{"arm64-noaes", nil, []string{"--cpuinfo", sample("arm64-noaes.cpuinfo")}, 1, "", "the CPU lacks aes, pmull"},
		{"trap", nil, []string{"--cpuinfo", sample("trap-aesni-spellings.cpuinfo")}, 1, "", "the CPU lacks aes, pclmulqdq"},
		{"trap-vaes", nil, []string{"--cpuinfo", sample("trap-aesni-spellings.cpuinfo"), "--require", "vaes,vpclmulqdq"}, 1, "", "Go will not use hardware AES"},
		{"knight-require-sse41", nil, []string{"--cpuinfo", sample("knight.cpuinfo"), "--require", "sse41"}, 0, "pass: hardware AES (sse41)", ""},
		{"knight-require-vaes", nil, []string{"--cpuinfo", sample("knight.cpuinfo"), "--require", "aes, VAES"}, 1, "", "the CPU lacks vaes"},
		{"noflags", nil, []string{"--cpuinfo", sample("noflags.cpuinfo")}, 1, "", "gate: cannot judge: cpuinfo"},
		{"mixed-arch", nil, []string{"--cpuinfo", sample("mixed-arch.cpuinfo")}, 1, "", "gate: cannot judge: cpuinfo " + sample("mixed-arch.cpuinfo") + ": the file mixes x86 and arm64 CPUs"},
		{"missing-file", nil, []string{"--cpuinfo", sample("gate-does-not-exist.txt")}, 1, "", "gate: cannot judge: read cpuinfo"},
		{"unknown-feature", nil, []string{"--require", "aes,aes-ni"}, 2, "", `unknown feature "aes-ni"`},
		{"empty-require", nil, []string{"--require", " , "}, 2, "", "no feature names"},
		// "aes,$X" with X unset: not a gate of aes alone.
		{"empty-require-item", nil, []string{"--require", "aes,"}, 2, "", `"aes,": an empty item between commas`},
		{"extra-arg", nil, []string{"now"}, 2, "", `unexpected argument "now"`},
		{"bad-flag", nil, []string{"--strict"}, 2, "", "unknown flag"},
		{"help", nil, []string{"--help"}, 0, "Usage: aesbench gate", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runBin(t, tt.env, append([]string{"gate"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			check := func(what, got, want string) {
				if want == "" && got != "" || !strings.Contains(got, want) {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			check("stdout", stdout, tt.stdout)
			check("stderr", stderr, tt.stderr)
			if n := strings.Count(stderr, "\n"); code != 0 && n != 1 {
				t.Errorf("exit %d in %d lines of stderr, want 1: %q", code, n, stderr)
			}
		})
	}
}

// TestGateThisHost gates this machine, then again with Go's hardware AES
// turned off by GODEBUG in the child process.
func TestGateThisHost(t *testing.T) {
	p := probe.Host()
	need := cpuinfo.DefaultRequirement(p.Arch)
	if len(need) == 0 {
		t.Skipf("aesbench cannot judge architecture %s", p.Arch)
	}
	for _, n := range need {
		if has, _ := p.Features.Has(n); !has {
			t.Skipf("this host lacks %s: the gate's pass cannot be tested here", n)
		}
	}
	stdout, stderr, code := runBin(t, nil, "gate")
	if code != 0 || !strings.HasPrefix(stdout, "pass: ") || strings.Count(stdout, "\n") != 1 || stderr != "" {
		t.Fatalf("gate: exit %d, stdout %q, stderr %q; want 0 and one pass line", code, stdout, stderr)
	}
	for _, godebug := range []string{"cpu.aes=off", cpuinfo.MaskAESNI(p.Arch), "cpu.all=off"} {
		stdout, stderr, code = runBin(t, []string{"GODEBUG=" + godebug}, "gate")
		if code != 1 || stdout != "" || !strings.Contains(stderr, "GODEBUG="+godebug+" turns off") {
			t.Errorf("GODEBUG=%s gate: exit %d, stdout %q, stderr %q; want 1 and the reason", godebug, code, stdout, stderr)
		}
		if n := strings.Count(stderr, "aesbench: gate: fail"); n != 1 {
			t.Errorf("GODEBUG=%s: reason printed %d times", godebug, n)
		}
	}
	// A setting that leaves AES alone does not fail the gate.
	if _, stderr, code = runBin(t, []string{"GODEBUG=cpu.avx2=off"}, "gate"); code != 0 {
		t.Errorf("GODEBUG=cpu.avx2=off gate: exit %d: %s", code, stderr)
	}
	// JSON: the verdict on stdout, exit status as without --json.
	stdout, _, code = runBin(t, []string{"GODEBUG=cpu.aes=off"}, "gate", "--json")
	var v struct {
		cpuinfo.Verdict
		Source  string `json:"source"`
		GODEBUG string `json:"godebug"`
	}
	if err := json.Unmarshal([]byte(stdout), &v); err != nil {
		t.Fatalf("gate --json: %v\n%s", err, stdout)
	}
	if code != 1 || v.OK || v.GODEBUG != "cpu.aes=off" || v.Source != "this host" || len(v.Reasons) == 0 {
		t.Errorf("gate --json under cpu.aes=off: exit %d, %+v", code, v)
	}
}

func TestGateJSONSample(t *testing.T) {
	stdout, _, code := runBin(t, nil, "gate", "--json", "--cpuinfo", sample("padawan.cpuinfo"))
	var v cpuinfo.Verdict
	if err := json.Unmarshal([]byte(stdout), &v); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if code != 1 || v.OK || strings.Join(v.Require, ",") != "aes,pclmulqdq" || len(v.Notes) == 0 {
		t.Errorf("exit %d, %+v", code, v)
	}
}

// TestProbeEC2Mock: probe, gate and run read the instance metadata from
// AWS's metadata mock, by flag and by environment variable.
func TestProbeEC2Mock(t *testing.T) {
	endpoint := imdsmock.Start(t)
	stdout, stderr, code := runBin(t, nil, "probe", "--json", "--imds-endpoint", endpoint)
	if code != 0 {
		t.Fatalf("probe: exit %d: %s", code, stderr)
	}
	var r cpuinfo.Report
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	want := cpuinfo.EC2Info{InstanceType: imdsmock.InstanceType, InstanceID: imdsmock.InstanceID,
		AvailabilityZone: imdsmock.AvailabilityZone, Region: imdsmock.Region, AMIID: imdsmock.AMIID}
	if r.EC2 == nil || *r.EC2 != want {
		t.Fatalf("probe ec2 = %+v, want %+v", r.EC2, want)
	}

	stdout, _, _ = runBin(t, []string{ec2.EndpointEnv + "=" + endpoint}, "probe")
	if !strings.Contains(stdout, "instance type") || !strings.Contains(stdout, imdsmock.InstanceType) {
		t.Errorf("probe text with %s lacks the instance type:\n%s", ec2.EndpointEnv, stdout)
	}

	stdout, stderr, code = runBin(t, nil, "run", "--algos", "aes-128-cbc", "--sizes", "16", "--count", "1", "--time", "5ms",
		"--json", "--out", filepath.Join(t.TempDir(), "r.json"), "--imds-endpoint", endpoint)
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	var res struct {
		Label string         `json:"label"`
		Probe cpuinfo.Report `json:"probe"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Probe.EC2 == nil || res.Probe.EC2.InstanceType != imdsmock.InstanceType {
		t.Errorf("run results probe ec2 = %+v", res.Probe.EC2)
	}
	if res.Label == imdsmock.InstanceType {
		t.Errorf("run label = %q: the default label is the hostname", res.Label)
	}
	if !strings.Contains(stderr, "EC2 "+imdsmock.InstanceType) {
		t.Errorf("run summary on stderr lacks the instance type:\n%s", stderr)
	}
}

// TestProbeNoEC2 checks that with no endpoint, on this host (not EC2),
// the probe has no EC2 part and prints no metadata warning.
func TestProbeNoEC2(t *testing.T) {
	if ec2.IsEC2("") {
		t.Skip("this host is EC2")
	}
	stdout, stderr, code := runBin(t, nil, "probe", "--json")
	if code != 0 || strings.Contains(stdout, `"ec2"`) || strings.Contains(stderr, "metadata") {
		t.Fatalf("probe: exit %d, stderr %q, ec2 in output: %v", code, stderr, strings.Contains(stdout, `"ec2"`))
	}
}

func FuzzParseRequire(f *testing.F) {
	for _, s := range []string{"aes,pclmulqdq", " aes , VAES ", ",", "", "aes,,pmull", "aes-ni", "aes,aes"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, list string) {
		names, err := parseRequire(list)
		if err != nil {
			if names != nil {
				t.Fatalf("names %q with error %v", names, err)
			}
			return
		}
		if len(names) == 0 {
			t.Fatalf("%q: no names and no error", list)
		}
		for _, n := range names {
			if _, err := (cpuinfo.Features{}).Has(n); err != nil || n != strings.ToLower(strings.TrimSpace(n)) {
				t.Fatalf("%q: accepted bad name %q", list, n)
			}
		}
	})
}
