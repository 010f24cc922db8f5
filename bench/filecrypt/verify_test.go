package filecrypt

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// fakeOpenSSL writes a script that acts as openssl enc but copies its
// input to its output: a "ciphertext" that is the plaintext. Under CTR it
// decrypts without error, to something else than the input.
func fakeOpenSSL(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("needs a shell script")
	}
	path := filepath.Join(t.TempDir(), "openssl")
	script := `#!/bin/sh
while [ $# -gt 0 ]; do
	case "$1" in
	-in) in=$2; shift ;;
	esac
	shift
done
cat "$in"
`
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRunRejectsACiphertextThatDecryptsToSomethingElse: Run compares the
// SHA-256 of the decrypted ciphertext with the input's; a ciphertext that
// decrypts cleanly but to other bytes is an error, never a verified
// measurement, and is removed.
func TestRunRejectsACiphertextThatDecryptsToSomethingElse(t *testing.T) {
	dir := t.TempDir()
	in, _ := writeRandom(t, dir, "in", 1000)
	algos, err := bench.ParseAlgos("aes-128-ctr")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := Run(context.Background(), []string{in}, algos, Config{Count: 1, OpenSSL: fakeOpenSSL(t)})
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "SHA-256") || !strings.Contains(err.Error(), "(openssl)") {
		t.Fatalf("Run(openssl that does not encrypt) = %+v, %v; want a SHA-256 mismatch of openssl's ciphertext", ms, err)
	}
	assertOnly(t, dir, "in")
}

// TestFileRunVerifiesAgainstTheInputsSHA256 runs the Go engine against
// a wrong expected digest: the run fails.
func TestFileRunVerifiesAgainstTheInputsSHA256(t *testing.T) {
	dir := t.TempDir()
	in, data := writeRandom(t, dir, "in", 3000)
	fi, err := os.Stat(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"aes-256-cbc", "aes-128-ctr", "aes-256-gcm"} {
		a, _ := bench.Lookup(name)
		right := sha256.Sum256(data)
		if _, _, err := fileRun(context.Background(), a, result.EngineGo, in, fi, right, Config{}); err != nil {
			t.Errorf("%s: fileRun with the input's digest: %v", name, err)
		}
		wrong := right
		wrong[31] ^= 1
		if _, _, err := fileRun(context.Background(), a, result.EngineGo, in, fi, wrong, Config{}); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: fileRun with another digest = %v, want ErrCorrupt", name, err)
		}
	}
	assertOnly(t, dir, "in")
}

// TestRunRefusesAnAlgorithmFailingItsKAT: a copy of aes-128-cbc that runs
// as CTR under the same name encrypts files fine, but is not the cipher
// its name says; Run must refuse it before timing anything.
func TestRunRefusesAnAlgorithmFailingItsKAT(t *testing.T) {
	dir := t.TempDir()
	in, _ := writeRandom(t, dir, "in", 1000)
	a, _ := bench.Lookup("aes-128-cbc")
	bad := *a
	bad.Mode, bad.Block = bench.CTR, 1
	runs := 0
	ms, err := Run(context.Background(), []string{in}, []*bench.Algorithm{&bad}, Config{Count: 1, Progress: func(int, int, string) { runs++ }})
	if err == nil || !strings.Contains(err.Error(), "aes-128-cbc: known-answer test") {
		t.Fatalf("Run(wrong cipher) = %+v, %v; want a known-answer test error", ms, err)
	}
	if runs != 0 {
		t.Errorf("%d runs before refusing", runs)
	}
	assertOnly(t, dir, "in")
}
