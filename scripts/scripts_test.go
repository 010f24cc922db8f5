// Tests for userdata.sh and launch.sh. They run the scripts with bash, sample
// cpuinfo samples from ../cpuinfo/testdata/ and a fake aws CLI: no network, no AWS.
package scripts_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// script returns the absolute path of a file in this directory.
func script(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs a script with a clean environment (PATH, HOME, TMPDIR and env)
// and, if bin is not empty, bin first on PATH. A script still running after
// 30 s is killed, with the processes it started, and fails the test.
func run(t *testing.T, bin string, env []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, script(t, name), args...)
	killGroup(cmd)
	cmd.WaitDelay = 5 * time.Second // a child left holding stdout must not block Wait
	path := os.Getenv("PATH")
	if bin != "" {
		path = bin + string(os.PathListSeparator) + path
	}
	cmd.Env = append([]string{"PATH=" + path, "HOME=" + os.Getenv("HOME"), "TMPDIR=" + t.TempDir()}, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %q: %v", name, args, err)
	}
	if ctx.Err() != nil {
		t.Fatalf("%s %q: timed out\nstderr:\n%s", name, args, r.stderr)
	}
	return r
}

// writeExec writes an executable file.
func writeExec(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o755); err != nil {
		t.Fatal(err)
	}
}

// checkLines fails unless every line of stderr starts with prefix.
func checkLines(t *testing.T, stderr, prefix string) {
	t.Helper()
	for line := range strings.Lines(stderr) {
		if !strings.HasPrefix(line, prefix) {
			t.Errorf("stderr line %q does not start with %q", line, prefix)
		}
	}
}

// tripwires returns a directory of commands that userdata.sh must not run
// in a dry run; each one records its call in the returned log.
func tripwires(t *testing.T) (bin, log string) {
	t.Helper()
	bin = t.TempDir()
	log = filepath.Join(t.TempDir(), "calls")
	for _, name := range []string{"shutdown", "aws", "curl", "go", "dnf", "yum", "apt-get", "logger", "aesbench"} {
		writeExec(t, filepath.Join(bin, name), "#!/bin/sh\necho \"$0 $*\" >>'"+log+"'\n")
	}
	return bin, log
}

// uploads returns the dry-run lines of the upload of the two results
// files of label, from dir to dest.
func uploads(dir, label, dest string) []string {
	return []string{
		"dry-run: aws s3 cp --only-show-errors " + dir + "/" + label + ".json " + dest + "\n",
		"dry-run: aws s3 cp --only-show-errors " + dir + "/" + label + "-noaesni.json " + dest + "\n",
	}
}

// unq undoes the quoting of commas that bash's printf %q does in some
// versions (aes-256-cbc\,aes-256-gcm).
func unq(s string) string { return strings.ReplaceAll(s, `\,`, ",") }

const (
	shutdown = "dry-run: shutdown -h now\n"
	results  = "/var/tmp/aesbench/results"
	corpus   = "/var/tmp/aesbench/corpus/access-80MB.log.gz"
)

func TestUserdata(t *testing.T) {
	const upload = "dry-run: aws s3 cp --only-show-errors " + results + "/"
	bucket := "AESBENCH_BUCKET=test-bucket"
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(t.TempDir(), "fifo")
	if out, err := exec.Command("mkfifo", fifo).CombinedOutput(); err != nil {
		t.Fatalf("mkfifo: %v %s", err, out)
	}
	tests := []struct {
		name      string
		cpuinfo   string // in ../cpuinfo/testdata/, or an absolute path
		env       []string
		code      int
		stdout    []string // substrings
		notStdout []string
		stderr    []string
	}{
		{
			name: "x86 with aes and pclmulqdq", cpuinfo: "knight.cpuinfo", env: []string{bucket},
			stdout: append([]string{
				"dry-run: shutdown -h +50\n", // the 20m budget and 30 minutes
				"dry-run: /usr/local/bin/aesbench gate\n",
				"dry-run: env HOME=", " GOTOOLCHAIN=auto GOBIN=/usr/local/bin go install github.com/aesbench/aesbench/cmd/aesbench@latest\n",
				"dry-run: timeout --kill-after=30 ",
				" /usr/local/bin/aesbench logs --size 80MB --out " + corpus + "\n",
				" /usr/local/bin/aesbench run --interleave noaesni --label dry-run" +
					" --algos aes-256-cbc,aes-256-gcm,3des-cbc,chacha20-poly1305 --file " + corpus + " --out " + results + "/dry-run.json\n",
			}, uploads(results, "dry-run", "s3://test-bucket/aesbench/dry-run/dry-run/")...),
			stderr: []string{"PASS: CPU Intel(R) Xeon(R) CPU E5-2665 0 @ 2.40GHz has aes pclmulqdq"},
		},
		{
			name: "x86 without aes", cpuinfo: "padawan.cpuinfo", env: []string{bucket}, code: 1,
			stderr: []string{"REJECT: CPU Intel(R) Xeon(R) CPU           X5550  @ 2.67GHz lacks aes pclmulqdq in "},
		},
		{
			// Processor 0 has aes and pclmulqdq, processor 1 neither:
			// every flags line counts, not the first.
			name: "x86 with aes on the first processor only", cpuinfo: "mixed.cpuinfo", env: []string{bucket}, code: 1,
			stderr: []string{"REJECT: CPU Intel(R) Xeon(R) CPU E5-2665 0 @ 2.40GHz lacks aes pclmulqdq in "},
		},
		{
			name: "x86 with pclmulqdq but no aes", cpuinfo: "xen-pclmulqdq-noaes.cpuinfo", env: []string{bucket}, code: 1,
			stderr: []string{"lacks aes in "},
		},
		{
			name: "x86 with vaes, aes_fake and aes in the model name", cpuinfo: "trap-model-name.cpuinfo", env: []string{bucket}, code: 1,
			stderr: []string{"REJECT: CPU Fake aes CPU @ 2.90GHz lacks aes pclmulqdq in "},
		},
		{
			name: "arm64 with aes and pmull", cpuinfo: "graviton2.cpuinfo", env: []string{bucket},
			stdout: uploads(results, "dry-run", "s3://test-bucket/aesbench/dry-run/dry-run/"),
			stderr: []string{"PASS: CPU has aes pmull"},
		},
		{
			name: "arm64 without aes", cpuinfo: "arm64-noaes.cpuinfo", env: []string{bucket}, code: 1,
			stderr: []string{"REJECT: CPU lacks aes pmull in "},
		},
		{
			// An x86 block that goes on with arm64 lines: each line has
			// its own architecture's words, but no host has both.
			name: "x86 flags and arm64 Features", cpuinfo: "mixed-arch.cpuinfo", env: []string{bucket}, code: 1,
			stderr: []string{"REJECT: ", "mixed-arch.cpuinfo mixes x86 and arm64 CPUs (flags and Features lines)"},
		},
		{
			name: "no flags or Features line", cpuinfo: "s390x-noflags.cpuinfo", env: []string{bucket}, code: 1,
			stderr: []string{"REJECT: no flags or Features line in "},
		},
		{
			name: "empty cpuinfo", cpuinfo: empty, env: []string{bucket}, code: 1,
			stderr: []string{"REJECT: no flags or Features line in "},
		},
		{
			name: "missing cpuinfo", cpuinfo: filepath.Join(t.TempDir(), "nope"), env: []string{bucket}, code: 1,
			stderr: []string{"REJECT: cannot read "},
		},
		{
			// Its open would wait for a writer forever (run's deadline
			// turns that into a failure).
			name: "cpuinfo a fifo", cpuinfo: fifo, env: []string{bucket}, code: 1,
			stderr: []string{"REJECT: cannot read " + fifo + ": not a readable regular file"},
		},
		{
			name: "cpuinfo a device", cpuinfo: "/dev/zero", env: []string{bucket}, code: 1,
			stderr: []string{"REJECT: cannot read /dev/zero: not a readable regular file"},
		},
		{
			name: "AESBENCH_REQUIRE met", cpuinfo: "knight.cpuinfo", env: []string{bucket, "AESBENCH_REQUIRE=avx"},
			stdout: []string{upload},
			stderr: []string{"has aes pclmulqdq avx"},
		},
		{
			// It adds to the defaults: naming a flag the host has does not
			// let a host without hardware AES through.
			name: "AESBENCH_REQUIRE cannot drop aes", cpuinfo: "padawan.cpuinfo", env: []string{bucket, "AESBENCH_REQUIRE=sse2"}, code: 1,
			stderr: []string{"REJECT: CPU Intel(R) Xeon(R) CPU           X5550  @ 2.67GHz lacks aes pclmulqdq in "},
		},
		{
			name: "AESBENCH_REQUIRE not met on x86", cpuinfo: "knight.cpuinfo", env: []string{bucket, "AESBENCH_REQUIRE=aes avx2"}, code: 1,
			stderr: []string{"lacks avx2 in "},
		},
		{
			name: "AESBENCH_REQUIRE not met on arm64", cpuinfo: "graviton2.cpuinfo", env: []string{bucket, "AESBENCH_REQUIRE=aes sha3"}, code: 1,
			stderr: []string{"lacks sha3 in "},
		},
		{
			name: "label, prefix, version", cpuinfo: "graviton2.cpuinfo",
			env: []string{bucket, "AESBENCH_LABEL=c5.large", "AESBENCH_PREFIX=runs/7/", "AESBENCH_VERSION=v0.3.0"},
			stdout: append([]string{
				"go install github.com/aesbench/aesbench/cmd/aesbench@v0.3.0\n",
				" --label c5.large --algos ", " --out " + results + "/c5.large.json\n",
			}, uploads(results, "c5.large", "s3://test-bucket/runs/7/c5.large/dry-run/")...),
		},
		{
			// A label that is no file name is named as aesbench names it.
			name: "label with a slash", cpuinfo: "knight.cpuinfo", env: []string{bucket, "AESBENCH_LABEL=a/b c"},
			stdout: []string{" --label a/b\\ c ", " --out " + results + "/a_b_c.json\n", upload + "a_b_c-noaesni.json "},
		},
		{
			name: "budget", cpuinfo: "knight.cpuinfo", env: []string{bucket, "AESBENCH_BUDGET=2h", "AESBENCH_WORKDIR=/w"},
			stdout: []string{
				"dry-run: shutdown -h +150\n",
				"dry-run: timeout --kill-after=30 7", // 7200 s, or 7199 if a second went by
				" /usr/local/bin/aesbench logs --size 80MB --out /w/corpus/access-80MB.log.gz\n",
				"dry-run: aws s3 cp --only-show-errors /w/results/dry-run.json ",
			},
			stderr: []string{"within 2h"},
		},
		{
			name: "bad budget", cpuinfo: "knight.cpuinfo", env: []string{bucket, "AESBENCH_BUDGET=15min"}, code: 1,
			stderr: []string{"AESBENCH_BUDGET=15min: want a whole number of s, m or h, such as 15m"},
		},
		{
			name: "prebuilt binary", cpuinfo: "knight.cpuinfo", env: []string{bucket, "AESBENCH_URL=https://example.invalid/aesbench"},
			stdout: []string{
				"dry-run: curl -fsSL --retry 3 -o /usr/local/bin/aesbench https://example.invalid/aesbench\n",
				"dry-run: chmod 0755 /usr/local/bin/aesbench\n", upload,
			},
			notStdout: []string{"go install"},
		},
		{
			name: "passes without a bucket", cpuinfo: "knight.cpuinfo", code: 1,
			stderr: []string{"PASS: ", "AESBENCH_BUCKET is not set"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cpuinfo := tt.cpuinfo
			if !filepath.IsAbs(cpuinfo) {
				cpuinfo = filepath.Join(script(t, "../cpuinfo/testdata"), cpuinfo)
			}
			bin, calls := tripwires(t)
			env := append([]string{"AESBENCH_DRY_RUN=1", "AESBENCH_CPUINFO=" + cpuinfo}, tt.env...)
			r := run(t, bin, env, "userdata.sh")
			if r.code != tt.code {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.code, r.stdout, r.stderr)
			}
			// Every outcome ends the instance; only a pass benchmarks.
			if !strings.HasSuffix(r.stdout, shutdown) {
				t.Errorf("stdout does not end with %q:\n%s", shutdown, r.stdout)
			}
			notStdout := tt.notStdout
			if tt.code != 0 {
				notStdout = append(notStdout, "aesbench logs", "aesbench run", "aws s3 cp")
			}
			for _, s := range tt.stdout {
				if !strings.Contains(unq(r.stdout), s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
				}
			}
			for _, s := range notStdout {
				if strings.Contains(r.stdout, s) {
					t.Errorf("stdout has %q:\n%s", s, r.stdout)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
			checkLines(t, r.stderr, "userdata: ")
			if b, err := os.ReadFile(calls); err == nil {
				t.Errorf("dry run ran commands:\n%s", b)
			}
		})
	}
}

// TestUserdataMeasuresWhatMakeRunDoes: the fleet's suite is make run's:
// its ALGOS, COUNT and corpus size, interleaved with AES-NI masked.
func TestUserdataMeasuresWhatMakeRunDoes(t *testing.T) {
	mk, err := os.ReadFile(script(t, "../Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, v := range []string{"ALGOS"} {
		m := regexp.MustCompile(`(?m)^` + v + ` +\?= *(\S+)$`).FindSubmatch(mk)
		if m == nil {
			t.Fatalf("the Makefile sets no %s", v)
		}
		want[v] = string(m[1])
	}
	for _, s := range []string{"run --interleave noaesni $(if $(COUNT),--count $(COUNT)) ", `--algos "$(ALGOS)" --file "$(CORPUS)"`, "logs --size 80MB "} {
		if !bytes.Contains(mk, []byte(s)) {
			t.Fatalf("the Makefile no longer has %q: update userdata.sh and this test", s)
		}
	}
	bin, _ := tripwires(t)
	r := run(t, bin, []string{"AESBENCH_DRY_RUN=1", "AESBENCH_BUCKET=b",
		"AESBENCH_CPUINFO=" + filepath.Join(script(t, "../cpuinfo/testdata"), "knight.cpuinfo")}, "userdata.sh")
	for _, s := range []string{
		"/aesbench logs --size 80MB --out " + corpus + "\n",
		"/aesbench run --interleave noaesni --label dry-run --algos " + want["ALGOS"] + " --file " + corpus + " ",
	} {
		if r.code != 0 || !strings.Contains(unq(r.stdout), s) {
			t.Errorf("exit status %d, stdout lacks %q:\n%s", r.code, s, r.stdout)
		}
	}
}

// fakeAesbench is an aesbench that logs its arguments to $FAKE_LOG and
// writes the files that logs --out and run --out would write; run sleeps
// instead when $FAKE_SLOW is set.
const fakeAesbench = `#!/usr/bin/env bash
set -euo pipefail
printf '%s\n' "$*" >>"$FAKE_LOG"
cmd=$1 out=""
while (($#)); do
	if [[ $1 == --out ]]; then out=$2; fi
	shift
done
case $cmd in
gate)
	case ${FAKE_GATE:-} in
	"") echo "pass: hardware AES (aes, pclmulqdq) on a fake host" ;;
	fail)
		echo "aesbench: gate: fail: Go will not use hardware AES: a fake reason (a fake host)" >&2
		exit 1
		;;
	*) exit "$FAKE_GATE" ;;
	esac
	;;
logs) echo corpus >"$out" ;;
run)
	if [[ -n ${FAKE_SLOW:-} ]]; then exec sleep 30; fi
	echo '{}' >"$out"
	echo '{}' >"${out%.json}-noaesni.json"
	;;
esac
`

// userdataWith runs userdata.sh as a dry run with the fake aesbench as
// AESBENCH_BIN, so that the benchmark runs, in a temporary work directory.
// It returns the result, the work directory and the fake's log.
func userdataWith(t *testing.T, env ...string) (r result, work, log string) {
	t.Helper()
	dir := t.TempDir()
	work, log = filepath.Join(dir, "work"), filepath.Join(dir, "log")
	writeExec(t, filepath.Join(dir, "aesbench"), fakeAesbench)
	env = append([]string{"AESBENCH_DRY_RUN=1", "AESBENCH_BUCKET=b", "AESBENCH_LABEL=c5.large",
		"AESBENCH_CPUINFO=" + filepath.Join(script(t, "../cpuinfo/testdata"), "knight.cpuinfo"),
		"AESBENCH_BIN=" + filepath.Join(dir, "aesbench"), "AESBENCH_WORKDIR=" + work, "FAKE_LOG=" + log}, env...)
	return run(t, "", env, "userdata.sh"), work, log
}

// TestUserdataRunsTheSuite: with AESBENCH_BIN the dry run runs the
// benchmark: the corpus first, then the interleaved run on it; both
// results files are uploaded, the corpus is not.
func TestUserdataRunsTheSuite(t *testing.T) {
	r, work, log := userdataWith(t)
	if r.code != 0 {
		t.Fatalf("exit status %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	corpus := work + "/corpus/access-80MB.log.gz"
	want := "gate\n" + "logs --size 80MB --out " + corpus + "\n" +
		"run --interleave noaesni --label c5.large --algos aes-256-cbc,aes-256-gcm,3des-cbc,chacha20-poly1305 --file " + corpus + " --out " + work + "/results/c5.large.json\n"
	if string(b) != want {
		t.Errorf("aesbench ran\n%s\nwant\n%s", b, want)
	}
	for _, s := range uploads(work+"/results", "c5.large", "s3://b/aesbench/c5.large/dry-run/") {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
		}
	}
	if strings.Count(r.stdout, "aws s3 cp ") != 2 || strings.Contains(r.stdout, "timeout ") || strings.Contains(r.stdout, "go install") {
		t.Errorf("want two uploads, no install, and the benchmark run, not printed:\n%s", r.stdout)
	}
	if !strings.HasSuffix(r.stdout, shutdown) {
		t.Errorf("stdout does not end with %q:\n%s", shutdown, r.stdout)
	}
	checkLines(t, r.stderr, "userdata: ")
}

// TestUserdataGate: after the install, aesbench gate judges the host
// again, and the flags check passing does not overrule it: its fail is a
// reject (launch.sh launches another host), any other status a failure;
// neither measures or uploads, and both end the host.
func TestUserdataGate(t *testing.T) {
	tests := []struct {
		gate, want string
	}{
		{"", "userdata: aesbench gate: pass: hardware AES (aes, pclmulqdq) on a fake host\n"},
		{"fail", "userdata: REJECT: fail: Go will not use hardware AES: a fake reason (a fake host)\n"},
		{"3", "userdata: FAILED: aesbench gate exited with status 3: \n"},
	}
	for _, tt := range tests {
		t.Run("gate="+tt.gate, func(t *testing.T) {
			r, _, log := userdataWith(t, "FAKE_GATE="+tt.gate)
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, r.stderr)
			}
			b, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			passed := tt.gate == ""
			if ran := string(b) != "gate\n"; ran != passed || (r.code == 0) != passed {
				t.Errorf("exit status %d, aesbench ran:\n%s", r.code, b)
			}
			if strings.Contains(r.stdout, "aws s3 cp") != passed || !strings.HasSuffix(r.stdout, shutdown) {
				t.Errorf("want uploads only on a pass, then a shutdown:\n%s", r.stdout)
			}
			checkLines(t, r.stderr, "userdata: ")
		})
	}
}

// TestUserdataTimeout: a run past the budget is stopped and fails the
// user-data (nothing uploaded, the host shut down), and launch.sh, given
// that console output, reports the instance as failed, with the reason.
func TestUserdataTimeout(t *testing.T) {
	start := time.Now()
	r, _, _ := userdataWith(t, "AESBENCH_BUDGET=3s", "FAKE_SLOW=1")
	if took := time.Since(start); took > 15*time.Second {
		t.Errorf("took %v with a 3 s budget", took)
	}
	const why = "aesbench run ran past the 3s budget and was stopped"
	if r.code != 1 || !strings.Contains(r.stderr, "userdata: FAILED: "+why+"\n") {
		t.Errorf("exit status %d, stderr lacks the FAILED line:\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, "aws s3 cp") || !strings.HasSuffix(r.stdout, shutdown) {
		t.Errorf("want no upload, then a shutdown:\n%s", r.stdout)
	}
	checkLines(t, r.stderr, "userdata: ")

	bin, dir := fake(t)
	console := filepath.Join(t.TempDir(), "console")
	if err := os.WriteFile(console, []byte(r.stderr), 0o644); err != nil {
		t.Fatal(err)
	}
	l := run(t, bin, []string{"FAKE_AWS_DIR=" + dir, "FAKE_FAIL=c5.large=1", "FAKE_CONSOLE_FILE=" + console}, "launch.sh",
		"--bucket", "b", "--prefix", "p", "--iam-profile", "w", "--out", filepath.Join(t.TempDir(), "results"), "c5.large")
	if l.code != 1 {
		t.Errorf("launch.sh: exit status %d, want 1", l.code)
	}
	checkRows(t, l.stdout, `c5\.large +1 +failed +i-c5\.large-1`)
	if !strings.Contains(l.stderr, "launch: c5.large: i-c5.large-1 failed its run ("+why+"): see aws ec2 get-console-output") {
		t.Errorf("launch.sh does not say why:\n%s", l.stderr)
	}
}

// fakeAWS answers like the aws CLI and logs each call as one line in
// $FAKE_AWS_DIR/log. Instance ids are i-TYPE-N for the Nth launch of TYPE.
//
//	FAKE_REJECT="TYPE=N ..."  the first N instances of TYPE leave no results,
//	                          and a REJECT line in their console output
//	FAKE_FAIL="TYPE=N ..."    the first N instances of TYPE leave no results,
//	                          and a failed run in their console output
//	FAKE_PARTIAL=1            ... or only TYPE.json, not TYPE-noaesni.json
//	FAKE_CONSOLE_FILE=F       the console output of a failed run is F
//	FAKE_CONSOLE_EMPTY=1      no console output at all
//	FAKE_LAUNCH_FAIL="TYPE ..." run-instances fails for TYPE
//	FAKE_WAIT_FAIL="TYPE=N ..." the waiter fails (Max attempts exceeded)
//	                          for the first N instances of TYPE
const fakeAWS = `#!/usr/bin/env bash
set -euo pipefail
exec 9>>"$FAKE_AWS_DIR/lock"
flock 9
printf '%s\n' "$*" >>"$FAKE_AWS_DIR/log"
opt() { # opt NAME ARGS...: the value after NAME
	local name=$1 prev="" a
	shift
	for a; do
		if [[ $prev == "$name" ]]; then echo "$a"; return; fi
		prev=$a
	done
}
first() { # first VAR TYPE: N of TYPE=N in $VAR, else 0
	local kv n=0
	for kv in ${!1:-}; do
		if [[ ${kv%=*} == "$2" ]]; then n=${kv#*=}; fi
	done
	echo "$n"
}
pos=() prev=""
for a in "${@:3}"; do
	if [[ $a != --* && $prev != --region ]]; then pos+=("$a"); fi
	prev=$a
done
case "$1 $2" in
"ec2 run-instances")
	type=$(opt --instance-type "$@")
	if [[ " ${FAKE_LAUNCH_FAIL:-} " == *" $type "* ]]; then
		echo "An error occurred (InsufficientInstanceCapacity) when calling the RunInstances operation" >&2
		exit 254
	fi
	n=$(grep -c -F -- "--instance-type $type " "$FAKE_AWS_DIR/log")
	ud=$(opt --user-data "$@")
	cp "${ud#file://}" "$FAKE_AWS_DIR/userdata-$type-$n.sh"
	echo "i-$type-$n"
	;;
"ec2 wait")
	id=$(opt --instance-ids "$@") type=${id#i-} type=${type%-*} n=${id##*-}
	if ((n <= $(first FAKE_WAIT_FAIL "$type"))); then
		echo "Waiter InstanceTerminated failed: Max attempts exceeded" >&2
		exit 255
	fi
	;;
"ec2 terminate-instances") echo '{"TerminatingInstances": []}' ;;
"s3 ls")
	dir=${pos[0]%/} id=${pos[0]%/}
	id=${id##*/} dir=${dir%/*} type=${dir##*/}
	if ((${id##*-} <= $(first FAKE_REJECT "$type") + $(first FAKE_FAIL "$type"))); then
		if [[ -z ${FAKE_PARTIAL:-} ]]; then exit 1; fi
		echo "2026-01-01 00:00:00       2048 $type.json"
		exit 0
	fi
	echo "2026-01-01 00:00:00       2048 $type-noaesni.json"
	echo "2026-01-01 00:00:00       2048 $type.json"
	;;
"ec2 get-console-output")
	id=$(opt --instance-id "$@") type=${id#i-} type=${type%-*} n=${id##*-}
	if [[ -n ${FAKE_CONSOLE_EMPTY:-} ]]; then
		echo None
	elif ((n <= $(first FAKE_FAIL "$type"))) && [[ -n ${FAKE_CONSOLE_FILE:-} ]]; then
		cat "$FAKE_CONSOLE_FILE"
	elif ((n <= $(first FAKE_FAIL "$type"))); then
		printf 'userdata: PASS: CPU has aes pclmulqdq\nuserdata: exit status 1: shutting down\n'
	elif ((n <= $(first FAKE_REJECT "$type"))); then
		printf 'userdata: REJECT: CPU lacks aes pclmulqdq in /proc/cpuinfo: no hardware AES\n'
	fi
	;;
"s3 cp")
	src=${pos[0]%/} dst=${pos[1]}
	src=${src%/*} type=${src##*/}
	mkdir -p "$dst"
	echo '{}' >"$dst/$type.json"
	echo '{}' >"$dst/$type-noaesni.json"
	;;
*)
	echo "fake aws: unexpected call: $*" >&2
	exit 252
	;;
esac
`

// fake writes the fake aws into a new directory and returns that directory
// (for PATH) and the directory of its log.
func fake(t *testing.T) (bin, dir string) {
	t.Helper()
	if _, err := exec.LookPath("flock"); err != nil {
		t.Skip("the fake aws needs flock")
	}
	bin, dir = t.TempDir(), t.TempDir()
	writeExec(t, filepath.Join(bin, "aws"), fakeAWS)
	return bin, dir
}

// calls returns the aws calls the fake logged.
func calls(t *testing.T, dir string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "log"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// matching returns the indexes of the calls that contain every substring.
func matching(calls []string, subs ...string) []int {
	var idx []int
next:
	for i, c := range calls {
		for _, s := range subs {
			if !strings.Contains(c, s) {
				continue next
			}
		}
		idx = append(idx, i)
	}
	return idx
}

// checkRows fails unless stdout has a summary row matching each pattern.
func checkRows(t *testing.T, stdout string, rows ...string) {
	t.Helper()
	for _, row := range rows {
		re := regexp.MustCompile(`(?m)^` + row + `$`)
		if !re.MatchString(stdout) {
			t.Errorf("summary has no row matching %q:\n%s", row, stdout)
		}
	}
}

func TestLaunchRelaunchesRejectedHost(t *testing.T) {
	bin, dir := fake(t)
	out := filepath.Join(t.TempDir(), "results")
	tmp := t.TempDir()
	env := []string{"FAKE_AWS_DIR=" + dir, "FAKE_REJECT=c4.large=1", "TMPDIR=" + tmp, "AESBENCH_URL=https://example.invalid/aesbench"}
	r := run(t, bin, env, "launch.sh", "--bucket", "test-bucket", "--iam-profile", "aesbench-writer",
		"--prefix", "runs/1", "--region", "eu-west-1", "--out", out, "c4.large", "m6g.large")
	if r.code != 0 {
		t.Fatalf("exit status %d, want 0\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	checkLines(t, r.stderr, "launch: ")
	checkRows(t, r.stdout,
		`TYPE +ATTEMPTS +OUTCOME +INSTANCE`,
		`c4\.large +2 +ok +i-c4\.large-2`,
		`m6g\.large +1 +ok +i-m6g\.large-1`)

	log := calls(t, dir)
	runs := matching(log, "ec2 run-instances ")
	if len(runs) != 3 {
		t.Fatalf("%d run-instances calls, want 3:\n%s", len(runs), strings.Join(log, "\n"))
	}
	for _, i := range runs {
		for _, s := range []string{" --count 1 ", " --instance-initiated-shutdown-behavior terminate ",
			" --iam-instance-profile Name=aesbench-writer ", " --user-data file://", " --region eu-west-1",
			" --query Instances[0].InstanceId --output text"} {
			if !strings.Contains(log[i], s) {
				t.Errorf("run-instances call lacks %q: %s", s, log[i])
			}
		}
	}
	relaunch := matching(log, "run-instances --instance-type c4.large ", "kernel-default-x86_64")
	if len(relaunch) != 2 {
		t.Fatalf("c4.large launched %d times on x86_64, want 2:\n%s", len(relaunch), strings.Join(log, "\n"))
	}
	if n := len(matching(log, "run-instances --instance-type m6g.large ", "kernel-default-arm64")); n != 1 {
		t.Errorf("m6g.large launched %d times on arm64, want 1", n)
	}
	// The relaunch comes after the wait and the look for results.
	first := "i-c4.large-1"
	waited := matching(log, "ec2 wait instance-terminated --instance-ids "+first+" ")
	looked := matching(log, "s3 ls s3://test-bucket/runs/1/c4.large/"+first+"/ ")
	if len(waited) != 1 || len(looked) != 1 || !(runs[0] < waited[0] && waited[0] < looked[0] && looked[0] < relaunch[1]) {
		t.Errorf("want launch, wait, s3 ls of %s, then a relaunch; calls:\n%s", first, strings.Join(log, "\n"))
	}
	for _, id := range []string{"c4.large/i-c4.large-2", "m6g.large/i-m6g.large-1"} {
		if len(matching(log, "s3 cp --recursive ", "s3://test-bucket/runs/1/"+id+"/ "+out+"/"+id+"/")) != 1 {
			t.Errorf("results of %s not fetched once; calls:\n%s", id, strings.Join(log, "\n"))
		}
		typ := filepath.Dir(id)
		for _, f := range []string{typ + ".json", typ + "-noaesni.json"} {
			if _, err := os.Stat(filepath.Join(out, id, f)); err != nil {
				t.Errorf("results of %s: %v", id, err)
			}
		}
	}
	if n := len(matching(log, "s3 cp ", first)); n != 0 {
		t.Errorf("fetched results of the rejected %s", first)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left in TMPDIR: %v", left)
	}

	// The user-data is userdata.sh with assignments after its header.
	orig, err := os.ReadFile(script(t, "userdata.sh"))
	if err != nil {
		t.Fatal(err)
	}
	ud := filepath.Join(dir, "userdata-c4.large-1.sh")
	got, err := os.ReadFile(ud)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(ud, 0o755); err != nil { // cloud-init makes it executable
		t.Fatal(err)
	}
	assign := "AESBENCH_BUCKET=test-bucket\nAESBENCH_PREFIX=runs/1\nAESBENCH_URL=https://example.invalid/aesbench\n"
	header, body, _ := strings.Cut(string(orig), "\nset -euo pipefail\n")
	if want := header + "\n" + assign + "set -euo pipefail\n" + body; string(got) != want {
		t.Errorf("user-data is not userdata.sh with\n%s\nafter the header:\n%s", assign, got)
	}
	// ... and it runs: the assignments take effect.
	r = run(t, "", []string{"AESBENCH_DRY_RUN=1", "AESBENCH_CPUINFO=" + filepath.Join(script(t, "../cpuinfo/testdata"), "graviton2.cpuinfo")}, ud)
	for _, s := range []string{"curl -fsSL --retry 3 -o /usr/local/bin/aesbench https://example.invalid/aesbench\n", " s3://test-bucket/runs/1/dry-run/dry-run/\n"} {
		if r.code != 0 || !strings.Contains(r.stdout, s) {
			t.Errorf("user-data: exit status %d, stdout lacks %q:\n%s\nstderr:\n%s", r.code, s, r.stdout, r.stderr)
		}
	}
}

func TestLaunchOutcomes(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		env   []string
		code  int
		rows  []string
		calls map[string]int // substring: number of calls with it
		noisy bool           // the fake aws writes errors to stderr
	}{
		{
			name: "retries exhausted",
			args: []string{"--retries", "2", "c4.large", "m5.large"},
			env:  []string{"FAKE_REJECT=c4.large=9"},
			code: 1,
			rows: []string{`c4\.large +3 +rejected +i-c4\.large-3`, `m5\.large +1 +ok +i-m5\.large-1`},
			calls: map[string]int{
				"run-instances --instance-type c4.large ":                 3,
				"s3 cp --recursive --only-show-errors s3://b/p/c4.large/": 0,
				"s3 cp --recursive --only-show-errors s3://b/p/m5.large/": 1,
			},
		},
		{
			name: "run fails",
			args: []string{"--retries", "2", "c4.large"},
			env:  []string{"FAKE_FAIL=c4.large=1"},
			code: 1,
			rows: []string{`c4\.large +1 +failed +i-c4\.large-1`},
			calls: map[string]int{
				"run-instances ": 1, "s3 cp ": 0,
				"ec2 get-console-output --instance-id i-c4.large-1 --query Output --output text": 1,
			},
		},
		{
			// One of the two files in S3 is no results: the run failed.
			name:  "one results file",
			args:  []string{"--retries", "2", "c4.large"},
			env:   []string{"FAKE_FAIL=c4.large=1", "FAKE_PARTIAL=1"},
			code:  1,
			rows:  []string{`c4\.large +1 +failed +i-c4\.large-1`},
			calls: map[string]int{"run-instances ": 1, "ec2 get-console-output ": 1, "s3 cp ": 0},
		},
		{
			name:  "no console output",
			args:  []string{"--retries", "1", "c4.large"},
			env:   []string{"FAKE_REJECT=c4.large=1", "FAKE_CONSOLE_EMPTY=1"},
			rows:  []string{`c4\.large +2 +ok +i-c4\.large-2`},
			calls: map[string]int{"run-instances ": 2, "ec2 get-console-output ": 1},
		},
		{
			name:  "no retries",
			args:  []string{"--retries=0", "c4.large"},
			env:   []string{"FAKE_REJECT=c4.large=1"},
			code:  1,
			rows:  []string{`c4\.large +1 +rejected +i-c4\.large-1`},
			calls: map[string]int{"run-instances ": 1, "s3 cp ": 0},
		},
		{
			name:  "launch fails",
			args:  []string{"--retries", "1", "x1.large"},
			env:   []string{"FAKE_LAUNCH_FAIL=x1.large"},
			code:  1,
			noisy: true,
			rows:  []string{`x1\.large +2 +launch-failed +-`},
			calls: map[string]int{"run-instances ": 2, "ec2 wait ": 0},
		},
		{
			name:  "timeout",
			args:  []string{"--retries", "0", "--timeout", "0", "c4.large"},
			env:   []string{"FAKE_WAIT_FAIL=c4.large=1", "FAKE_REJECT=c4.large=1"},
			code:  1,
			rows:  []string{`c4\.large +1 +timeout +i-c4\.large-1`},
			calls: map[string]int{"ec2 terminate-instances --instance-ids i-c4.large-1": 1},
		},
		{
			// Timed out with no results: terminated and relaunched, and
			// the relaunch is waited for as usual.
			name: "timeout relaunched",
			args: []string{"--retries", "3", "--timeout", "0", "c4.large"},
			env:  []string{"FAKE_WAIT_FAIL=c4.large=2", "FAKE_REJECT=c4.large=2"},
			rows: []string{`c4\.large +3 +ok +i-c4\.large-3`},
			calls: map[string]int{
				"run-instances --instance-type c4.large ":                               3,
				"ec2 wait instance-terminated ":                                         3,
				"ec2 terminate-instances --instance-ids i-c4.large-1":                   1,
				"ec2 terminate-instances --instance-ids i-c4.large-2":                   1,
				"ec2 terminate-instances --instance-ids i-c4.large-3":                   0,
				"ec2 get-console-output ":                                               0,
				"s3 cp --recursive --only-show-errors s3://b/p/c4.large/i-c4.large-3/ ": 1,
			},
		},
		{
			name:  "timeouts exhaust retries",
			args:  []string{"--retries", "2", "--timeout", "0", "c4.large"},
			env:   []string{"FAKE_WAIT_FAIL=c4.large=9", "FAKE_REJECT=c4.large=9"},
			code:  1,
			rows:  []string{`c4\.large +3 +timeout +i-c4\.large-3`},
			calls: map[string]int{"run-instances ": 3, "ec2 terminate-instances ": 3, "s3 cp ": 0},
		},
		{
			// Ran past the timeout but uploaded its results: no relaunch.
			name:  "timeout with results",
			args:  []string{"--retries", "2", "--timeout", "0", "c4.large"},
			env:   []string{"FAKE_WAIT_FAIL=c4.large=1"},
			rows:  []string{`c4\.large +1 +ok +i-c4\.large-1`},
			calls: map[string]int{"run-instances ": 1, "ec2 terminate-instances ": 1, "s3 cp ": 1},
		},
		{
			name: "count",
			args: []string{"--count", "2", "--key-name", "k", "--subnet", "subnet-1", "--security-group", "sg-1", "--ami", "ami-123", "t4g.micro"},
			rows: []string{`t4g\.micro +1 +ok +i-t4g\.micro-1`, `t4g\.micro +1 +ok +i-t4g\.micro-2`},
			calls: map[string]int{
				"run-instances --instance-type t4g.micro --image-id ami-123 ":   2,
				" --key-name k --subnet-id subnet-1 --security-group-ids sg-1 ": 2,
				"s3 cp ": 2,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bin, dir := fake(t)
			out := filepath.Join(t.TempDir(), "results")
			args := append([]string{"--bucket", "b", "--prefix", "p", "--iam-profile", "w", "--out", out}, tt.args...)
			r := run(t, bin, append([]string{"FAKE_AWS_DIR=" + dir}, tt.env...), "launch.sh", args...)
			if r.code != tt.code {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.code, r.stdout, r.stderr)
			}
			checkRows(t, r.stdout, tt.rows...)
			if !tt.noisy {
				checkLines(t, r.stderr, "launch: ")
			}
			if tt.code != 0 && !strings.Contains(r.stderr, " instances left no results\n") {
				t.Errorf("stderr does not say that instances left no results:\n%s", r.stderr)
			}
			log := calls(t, dir)
			for s, n := range tt.calls {
				if got := len(matching(log, s)); got != n {
					t.Errorf("%d calls with %q, want %d; calls:\n%s", got, s, n, strings.Join(log, "\n"))
				}
			}
		})
	}
}

func TestLaunchDryRun(t *testing.T) {
	bin, dir := fake(t)
	out := filepath.Join(t.TempDir(), "results")
	r := run(t, bin, []string{"FAKE_AWS_DIR=" + dir, "AESBENCH_BUCKET=b"}, "launch.sh",
		"--dry-run", "--iam-profile", "w", "--prefix", "p", "--out", out, "c4.large", "m6g.large")
	if r.code != 0 {
		t.Fatalf("exit status %d, want 0\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if log := calls(t, dir); log != nil {
		t.Errorf("dry run called aws:\n%s", strings.Join(log, "\n"))
	}
	for _, s := range []string{
		"aws ec2 run-instances --instance-type c4.large --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --count 1 --instance-initiated-shutdown-behavior terminate --user-data file://",
		"aws ec2 run-instances --instance-type m6g.large --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64 ",
		"aws ec2 wait instance-terminated --instance-ids i-dryrun\n",
		"aws s3 ls s3://b/p/c4.large/i-dryrun/\n",
		"aws s3 cp --recursive --only-show-errors s3://b/p/m6g.large/i-dryrun/ " + out + "/m6g.large/i-dryrun/\n",
	} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
		}
	}
	checkRows(t, r.stdout, `c4\.large +1 +ok +i-dryrun`)
	checkLines(t, r.stderr, "launch: ")
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("dry run made %s (err %v)", out, err)
	}
}

func TestLaunchUsage(t *testing.T) {
	bin, dir := fake(t)
	ok := []string{"--bucket", "b", "--iam-profile", "w"}
	tests := []struct {
		name string
		args []string
		want string // in the message
	}{
		{"unknown flag", append([]string{"--bogus"}, append(ok, "c4.large")...), "unknown flag --bogus"},
		{"no instance type", ok, "no instance type"},
		{"missing value", append(ok, "c4.large", "--retries"), "--retries needs a value"},
		{"bad retries", append(ok, "--retries", "x", "c4.large"), "--retries wants a whole number"},
		{"zero count", append(ok, "--count=0", "c4.large"), "--count wants a whole number >= 1"},
		{"not a type", append(ok, "c4 large"), "is not an instance type"},
		{"no bucket", []string{"--iam-profile", "w", "c4.large"}, "--bucket"},
		{"no instance profile", []string{"--bucket", "b", "c4.large"}, "--iam-profile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, bin, []string{"FAKE_AWS_DIR=" + dir}, "launch.sh", tt.args...)
			if r.code != 2 {
				t.Errorf("exit status %d, want 2", r.code)
			}
			if r.stdout != "" {
				t.Errorf("stdout not empty:\n%s", r.stdout)
			}
			if !strings.HasPrefix(r.stderr, "launch: ") || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr is not one line \"launch: ...%s...\":\n%s", tt.want, r.stderr)
			}
		})
	}
	if log := calls(t, dir); log != nil {
		t.Errorf("usage errors called aws:\n%s", strings.Join(log, "\n"))
	}

	r := run(t, bin, nil, "launch.sh", "--help")
	if r.code != 0 || !strings.Contains(r.stdout, "Usage: scripts/launch.sh [flags] INSTANCE_TYPE...") || !strings.Contains(r.stdout, "--retries N") {
		t.Errorf("--help: exit status %d, stdout:\n%s", r.code, r.stdout)
	}
}

func TestShellcheck(t *testing.T) {
	sc, err := exec.LookPath("shellcheck")
	if err != nil {
		t.Skip("shellcheck is not installed")
	}
	files, err := filepath.Glob("*.sh")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts (%v)", err)
	}
	out, err := exec.CommandContext(t.Context(), sc, files...).CombinedOutput()
	if err != nil {
		t.Errorf("shellcheck %s: %v\n%s", strings.Join(files, " "), err, out)
	}
}
