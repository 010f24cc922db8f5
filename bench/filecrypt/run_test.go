package filecrypt

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/internal/testfs"
)

// fileAlgos is every algorithm the file workload measures.
func fileAlgos() []*bench.Algorithm {
	var out []*bench.Algorithm
	for _, a := range bench.Algorithms() {
		if a.Mode != bench.XTS {
			out = append(out, a)
		}
	}
	return out
}

// writeRandom creates a file of n random bytes in dir.
func writeRandom(t testing.TB, dir, name string, n int) (string, []byte) {
	t.Helper()
	data := make([]byte, n)
	rand.Read(data)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, data
}

// assertOnly fails if dir holds anything but the named files.
func assertOnly(t *testing.T, dir string, keep ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(keep, e.Name()) {
			t.Errorf("stray file %s left in %s", e.Name(), dir)
		}
	}
}

// fileSizes are sizes around the block and the pipeline's buffer.
var fileSizes = []int{1, 15, 16, 17, ChunkSize - 1, ChunkSize, ChunkSize + 1, 3*ChunkSize + 5}

func TestEncryptRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, size := range fileSizes {
		in, data := writeRandom(t, dir, "in", size)
		want := sha256.Sum256(data)
		for _, a := range fileAlgos() {
			t.Run(fmt.Sprintf("algo=%s/size=%d", a.Name, size), func(t *testing.T) {
				fc, err := NewCipher(a)
				if err != nil {
					t.Fatal(err)
				}
				out := filepath.Join(dir, "out")
				if err := fc.Encrypt(context.Background(), in, out, true); err != nil {
					t.Fatal(err)
				}
				defer os.Remove(out)
				ct, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if wantLen := int64(size) + fc.Overhead(int64(size)); int64(len(ct)) != wantLen {
					t.Errorf("ciphertext is %d bytes, want %d", len(ct), wantLen)
				}
				// A stream cipher's 1-byte ciphertext equals the
				// plaintext once in 256 runs; 16 bytes, never.
				if size >= 16 && bytes.Equal(ct[:size], data) {
					t.Errorf("ciphertext starts with the plaintext")
				}
				got, err := fc.DecryptSHA256(context.Background(), out)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("decrypted SHA-256 %x, want %x", got, want)
				}
			})
		}
	}
	assertOnly(t, dir, "in")
}

// TestEncryptOpenSSL checks that the bench.CBC and bench.CTR ciphertexts are the
// bytes openssl enc writes: openssl enc -d decrypts them to the input.
func TestEncryptOpenSSL(t *testing.T) {
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl not installed")
	}
	dir := t.TempDir()
	for _, size := range []int{1, 16, 17, ChunkSize + 1} {
		in, data := writeRandom(t, dir, "in", size)
		for _, a := range fileAlgos() {
			name := opensslEncName(a)
			if name == "" {
				continue
			}
			t.Run(fmt.Sprintf("algo=%s/size=%d", a.Name, size), func(t *testing.T) {
				fc, err := NewCipher(a)
				if err != nil {
					t.Fatal(err)
				}
				out, back := filepath.Join(dir, "out"), filepath.Join(dir, "back")
				defer os.Remove(out)
				defer os.Remove(back)
				if err := fc.Encrypt(context.Background(), in, out, false); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(openssl, "enc", "-d", "-"+name, "-K", hex.EncodeToString(fc.key), "-iv", hex.EncodeToString(fc.iv), "-in", out, "-out", back)
				if msg, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("openssl enc -d: %v: %s", err, msg)
				}
				got, err := os.ReadFile(back)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, data) {
					t.Errorf("openssl enc -d of the ciphertext differs from the input (%d bytes, want %d)", len(got), len(data))
				}
				// And the other way: Go decrypts what openssl enc writes.
				dst, err := os.Create(out)
				if err != nil {
					t.Fatal(err)
				}
				defer dst.Close()
				if err := fc.opensslEncrypt(context.Background(), openssl, nil, in, dst, true); err != nil {
					t.Fatal(err)
				}
				sum, err := fc.decryptSHA256(context.Background(), dst)
				if err != nil {
					t.Fatal(err)
				}
				if sum != sha256.Sum256(data) {
					t.Errorf("Go's decryption of openssl's ciphertext differs from the input")
				}
			})
		}
	}
}

// TestAEADChunksDetectTampering cuts, reorders, extends and flips the
// sealed chunks of an bench.AEAD file: each must fail to decrypt.
func TestAEADChunksDetectTampering(t *testing.T) {
	dir := t.TempDir()
	in, _ := writeRandom(t, dir, "in", 2*ChunkSize+100)
	a, _ := bench.Lookup("aes-256-gcm")
	fc, err := NewCipher(a)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if err := fc.Encrypt(context.Background(), in, out, false); err != nil {
		t.Fatal(err)
	}
	ct, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	c := ChunkSize + 16
	c0, c1, c2 := ct[:c], ct[c:2*c], ct[2*c:]
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	flipped := slices.Clone(ct)
	flipped[c+5] ^= 1
	tests := []struct {
		name string
		ct   []byte
	}{
		{"last chunk dropped", cat(c0, c1)},
		{"chunks swapped", cat(c1, c0, c2)},
		{"chunk repeated", cat(c0, c0, c1, c2)},
		{"bytes appended", cat(c0, c1, c2, []byte{1, 2, 3})},
		{"tail cut", ct[:len(ct)-1]},
		{"bit flipped", flipped},
		{"shorter than a tag", ct[:10]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := filepath.Join(dir, "bad")
			if err := os.WriteFile(bad, tt.ct, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := fc.DecryptSHA256(context.Background(), bad); !errors.Is(err, ErrCorrupt) {
				t.Errorf("DecryptSHA256 = %v, want ErrCorrupt", err)
			}
		})
	}
}

func TestNewCipherRefusesXTS(t *testing.T) {
	a, _ := bench.Lookup("aes-256-xts")
	if _, err := NewCipher(a); !errors.Is(err, ErrNotForFiles) {
		t.Errorf("NewCipher(aes-256-xts) = %v, want ErrNotForFiles", err)
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	good, _ := writeRandom(t, dir, "good", 100)
	tests := []struct {
		path, want string
	}{
		{filepath.Join(dir, "missing"), "no such file"},
		{dir, "is a directory"},
		{empty, "is empty"},
		{os.DevNull, "not a regular file"},
	}
	for _, tt := range tests {
		_, err := Check(tt.path)
		if !errors.Is(err, ErrBadFile) || !bytes.Contains([]byte(err.Error()), []byte(tt.want)) {
			t.Errorf("Check(%s) = %v, want ErrBadFile saying %q", tt.path, err, tt.want)
		}
	}
	if n, err := Check(good); n != 100 || err != nil {
		t.Errorf("Check(good) = %d, %v; want 100, nil", n, err)
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	in, _ := writeRandom(t, dir, "in", 3*ChunkSize+5)
	algos, err := bench.ParseAlgos("aes-128-ctr,aes-256-gcm,aes-256-xts")
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Count: 3, Cold: true, Fsync: true}
	if p, err := exec.LookPath("openssl"); err == nil {
		cfg.OpenSSL = p
	}
	var notes []string
	cfg.Note = func(msg string) { notes = append(notes, msg) }
	var calls, lastDone, lastTotal int
	cfg.Progress = func(done, total int, _ string) { calls++; lastDone, lastTotal = done, total }
	ms, err := Run(context.Background(), []string{in}, algos, cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"aes-128-ctr/go", "aes-256-gcm/go"}
	if cfg.OpenSSL != "" {
		want = []string{"aes-128-ctr/go", "aes-128-ctr/openssl", "aes-256-gcm/go"}
	}
	var got []string
	for _, m := range ms {
		got = append(got, m.Algo+"/"+string(m.Engine))
		if len(m.SamplesSeconds) != 3 || !m.Verified || !m.Cold || !m.Fsync || m.Bytes != 3*ChunkSize+5 || m.Path != in {
			t.Errorf("%s/%s: %+v", m.Algo, m.Engine, m)
		}
		if m.MinSeconds <= 0 || m.MinSeconds > m.Seconds || m.Seconds > m.MaxSeconds {
			t.Errorf("%s/%s: seconds %v not within min %v max %v", m.Algo, m.Engine, m.Seconds, m.MinSeconds, m.MaxSeconds)
		}
		if kbps := float64(m.Bytes) / m.Seconds / 1000; m.KBps != kbps {
			t.Errorf("%s/%s: kB/s %v, want %v", m.Algo, m.Engine, m.KBps, kbps)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("measured %v, want %v", got, want)
	}
	if !slices.ContainsFunc(notes, func(n string) bool { return bytes.Contains([]byte(n), []byte("skipping aes-256-xts")) }) {
		t.Errorf("no note about skipping bench.XTS in %q", notes)
	}
	if lastDone != lastTotal || calls != lastTotal+1 {
		t.Errorf("progress: %d calls, last %d/%d", calls, lastDone, lastTotal)
	}
	assertOnly(t, dir, "in")
}

func TestRunErrors(t *testing.T) {
	algos, _ := bench.ParseAlgos("aes-256-cbc")
	t.Run("no space", func(t *testing.T) {
		dir := t.TempDir()
		in, _ := writeRandom(t, dir, "in", 1000)
		defer func(f func(string) (uint64, error)) { freeSpace = f }(freeSpace)
		freeSpace = func(string) (uint64, error) { return 1000, nil }
		_, err := Run(context.Background(), []string{in}, algos, Config{Count: 1})
		if !errors.Is(err, ErrNoSpace) {
			t.Errorf("Run = %v, want ErrNoSpace", err)
		}
		assertOnly(t, dir, "in")
	})
	t.Run("bad file", func(t *testing.T) {
		dir := t.TempDir()
		_, err := Run(context.Background(), []string{dir}, algos, Config{Count: 1})
		if !errors.Is(err, ErrBadFile) {
			t.Errorf("Run(directory) = %v, want ErrBadFile", err)
		}
	})
	t.Run("unreadable", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("SKIP as root: permission bits do not stop root's reads")
		}
		dir := t.TempDir()
		in, _ := writeRandom(t, dir, "in", 1000)
		os.Chmod(in, 0)
		_, err := Run(context.Background(), []string{in}, algos, Config{Count: 1})
		if !errors.Is(err, os.ErrPermission) {
			t.Errorf("Run(unreadable) = %v, want permission denied", err)
		}
		assertOnly(t, dir, "in")
	})
	t.Run("unwritable directory", func(t *testing.T) {
		dir := t.TempDir()
		in, _ := writeRandom(t, dir, "in", 1000)
		testfs.ReadOnly(t, dir)
		_, err := Run(context.Background(), []string{in}, algos, Config{Count: 1})
		if !testfs.IsUnwritable(err) {
			t.Errorf("Run(unwritable dir) = %v, want permission denied", err)
		}
		assertOnly(t, dir, "in")
	})
	t.Run("read fails after output created", func(t *testing.T) {
		// A directory opens but does not read: the ciphertext, already
		// created, must be removed.
		dir := t.TempDir()
		fc, _ := NewCipher(algos[0])
		out := filepath.Join(dir, "out")
		if err := fc.Encrypt(context.Background(), dir, out, false); err == nil {
			t.Fatal("Encrypt(directory) succeeded")
		}
		assertOnly(t, dir)
	})
}

func TestRunCanceled(t *testing.T) {
	dir := t.TempDir()
	in, _ := writeRandom(t, dir, "in", 100)
	algos, _ := bench.ParseAlgos("aes-256-cbc,3des-cbc")
	ctx, cancel := context.WithCancel(context.Background())
	runs := 0
	cfg := Config{Count: 3, Progress: func(int, int, string) {
		if runs++; runs == 2 {
			cancel() // before the second run
		}
	}}
	_, err := Run(ctx, []string{in}, algos, cfg)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	assertOnly(t, dir, "in")
}

// TestEncryptCanceledMidway cancels while the pipeline runs: the error
// wraps context.Canceled and the partial ciphertext is gone.
func TestEncryptCanceledMidway(t *testing.T) {
	dir := t.TempDir()
	in, _ := writeRandom(t, dir, "in", 32*ChunkSize)
	a, _ := bench.Lookup("3des-cbc") // slow enough to catch midway
	fc, _ := NewCipher(a)
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		defer cancel()
		for range 10000 {
			if fi, err := os.Stat(out); err == nil && fi.Size() > 0 {
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	err := fc.Encrypt(ctx, in, out, false)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Encrypt = %v, want context.Canceled (did it finish before the cancel?)", err)
	}
	assertOnly(t, dir, "in")
}

// TestOpenSSLEncInterrupted: an openssl enc that dies of a Ctrl-C of its
// own (a terminal sends it to the whole process group, before aesbench's
// context is cancelled) fails the run as interrupted, wrapping
// context.Canceled, and leaves no ciphertext.
func TestOpenSSLEncInterrupted(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	in, _ := writeRandom(t, dir, "in", 1000)
	fake := filepath.Join(t.TempDir(), "openssl")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\nkill -INT $$\nsleep 5\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	algos, _ := bench.ParseAlgos("aes-128-ctr")
	_, err := Run(context.Background(), []string{in}, algos, Config{Count: 1, OpenSSL: fake})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run with an interrupted openssl enc = %v, want context.Canceled", err)
	}
	assertOnly(t, dir, "in")
}

// TestPreflight: what Run finds wrong with a file only when it comes to
// it, Preflight finds at once, and it leaves nothing behind.
func TestPreflight(t *testing.T) {
	dir := t.TempDir()
	good, _ := writeRandom(t, dir, "good", 1000)
	if err := Preflight([]string{good}); err != nil {
		t.Errorf("Preflight(good) = %v", err)
	}
	if err := Preflight([]string{good, dir}); !errors.Is(err, ErrBadFile) {
		t.Errorf("Preflight(directory) = %v, want ErrBadFile", err)
	}
	func() {
		defer func(f func(string) (uint64, error)) { freeSpace = f }(freeSpace)
		freeSpace = func(string) (uint64, error) { return 1000, nil }
		if err := Preflight([]string{good}); !errors.Is(err, ErrNoSpace) {
			t.Errorf("Preflight(full disk) = %v, want ErrNoSpace", err)
		}
	}()
	t.Run("read-only directory", func(t *testing.T) {
		ro := t.TempDir()
		in, _ := writeRandom(t, ro, "in", 1000)
		testfs.ReadOnly(t, ro)
		err := Preflight([]string{in})
		if !testfs.IsUnwritable(err) || !strings.Contains(err.Error(), "cannot write its ciphertext in "+ro) {
			t.Errorf("Preflight(read-only directory) = %v, want it unwritable", err)
		}
		assertOnly(t, ro, "in")
	})
	assertOnly(t, dir, "good")
}

// TestRunLongName measures a file whose name is as long as a name can be:
// the ciphertext's hidden temporary name beside it must still fit.
func TestRunLongName(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{strings.Repeat("a", 255), strings.Repeat("é", 127)} {
		in, _ := writeRandom(t, dir, name, 1000)
		if err := Preflight([]string{in}); err != nil {
			t.Errorf("Preflight(%d-byte name) = %v", len(name), err)
		}
		algos, _ := bench.ParseAlgos("aes-128-ctr")
		if _, err := Run(context.Background(), []string{in}, algos, Config{Count: 1}); err != nil {
			t.Errorf("Run(%d-byte name) = %v", len(name), err)
		}
		assertOnly(t, dir, name)
		os.Remove(in)
	}
}
