package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench/openssl"
	"github.com/aesbench/aesbench/bench/result"
)

// TestRunBothEngines measures one algorithm with Go and with the openssl
// on PATH and checks that the table has a row of each.
func TestRunBothEngines(t *testing.T) {
	if testing.Short() {
		t.Skip("runs openssl speed")
	}
	if _, err := openssl.Find(""); err != nil {
		t.Skip(err)
	}
	out := filepath.Join(t.TempDir(), "r.json")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"run", "--engine", "go,openssl", "--algos", "aes-256-gcm",
		"--time", "1s", "--count", "1", "--sizes", "16,256", "--out", out}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	for _, row := range []string{"aes-256-gcm (go)", "aes-256-gcm (openssl)"} {
		if !strings.Contains(stdout.String(), row) {
			t.Errorf("table lacks row %q:\n%s", row, stdout.String())
		}
	}
	res, err := result.Read(out)
	if err != nil {
		t.Fatal(err)
	}
	if res.OpenSSL == nil || !strings.HasPrefix(res.OpenSSL.Version, "OpenSSL ") || res.OpenSSL.Timing != "elapsed" {
		t.Errorf("results openssl info %+v", res.OpenSSL)
	}
	for _, eng := range result.Engines {
		for _, size := range []int{16, 256} {
			m := res.Find(result.Key{Engine: eng, Algo: "aes-256-gcm", Direction: result.Encrypt, Size: size})
			if m == nil || m.KBps <= 0 {
				t.Errorf("%s %d bytes: %+v", eng, size, m)
				continue
			}
			want := result.AEADModeSeal
			if eng == "openssl" {
				want = openssl.AEADMode(res.OpenSSL.Version, "aes-256-gcm")
			}
			if m.AEADMode != want {
				t.Errorf("%s: aead mode %q, want %q", eng, m.AEADMode, want)
			}
		}
	}
}

func TestRunRejectsBadEngine(t *testing.T) {
	for _, args := range [][]string{{"--engine", "gnutls"}, {"--engine", ","}, {"--aead-mode", "stream"}} {
		err := run(context.Background(), append([]string{"run"}, args...), &bytes.Buffer{}, &bytes.Buffer{})
		var ue *usageError
		if !errors.As(err, &ue) {
			t.Errorf("run %v: %v, want a usage error", args, err)
		}
	}
}

func TestImport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "knight.json")
	files := []string{"../../bench/openssl/testdata/layout-1.0.1-knight.txt", "../../bench/openssl/testdata/openssl-3.0.19-mr-aes-256-gcm.txt"}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), append([]string{"import", "--label", "knight", "--out", out}, files...), &stdout, &stderr); err != nil {
		t.Fatalf("import: %v", err)
	}
	res, err := result.Read(out)
	if err != nil {
		t.Fatal(err)
	}
	if res.Source != "imported" || res.Label != "knight" || res.OpenSSL == nil || res.OpenSSL.Version != "OpenSSL 1.0.1e 11 Feb 2013" {
		t.Errorf("results header %+v, openssl %+v", res, res.OpenSSL)
	}
	// 5 sizes of 3des and aes-256-cbc, 6 of aes-256-gcm.
	if len(res.Measurements) != 16 {
		t.Errorf("%d measurements, want 16", len(res.Measurements))
	}
	if want := "aesbench: imported 16 figures from 2 files into " + out; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr %q, want it to start %q", stderr.String(), want)
	}
	stderr.Reset()
	if err := run(context.Background(), []string{"import", "--label", "knight", "--out", out, files[1]}, &stdout, &stderr); err != nil {
		t.Fatalf("import: %v", err)
	}
	if want := "aesbench: imported 6 figures from 1 file into "; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr %q, want it to start %q", stderr.String(), want)
	}
	m := res.Find(result.Key{Engine: result.EngineOpenSSL, Algo: "aes-256-cbc", Direction: result.Encrypt, Size: 256})
	if m == nil || m.KBps != 80061.95 || len(m.SamplesKBps) != 1 {
		t.Errorf("aes-256-cbc at 256 bytes: %+v, want 80061.95 kB/s, one sample", m)
	}
	if m := res.Find(result.Key{Engine: result.EngineOpenSSL, Algo: "3des-cbc", Direction: result.Encrypt, Size: 16}); m == nil || m.KBps != 22514.98 {
		t.Errorf("3des-cbc at 16 bytes: %+v", m)
	}
}

// TestImportMultiAndDecrypt imports openssl speed -multi 2 output, whose
// figure is the two processes' aggregate, one and two processes side by
// side, and -decrypt output, which only the flag can tell.
func TestImportMultiAndDecrypt(t *testing.T) {
	dir := t.TempDir()
	files := []string{"../../bench/openssl/testdata/openssl-3.0.19-multi2-aes-256-gcm.txt", "../../bench/openssl/testdata/openssl-3.0.19-mr-aes-256-gcm.txt"}
	for _, tt := range []struct {
		args []string
		dir  result.Direction
	}{{nil, result.Encrypt}, {[]string{"--decrypt"}, result.Decrypt}} {
		out := filepath.Join(dir, string(tt.dir)+".json")
		args := append(append([]string{"import", "--label", "multi", "--out", out}, tt.args...), files...)
		if err := run(context.Background(), args, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
			t.Fatalf("import %q: %v", tt.args, err)
		}
		res, err := result.Read(out)
		if err != nil {
			t.Fatal(err)
		}
		two := res.Find(result.Key{Engine: result.EngineOpenSSL, Algo: "aes-256-gcm", Direction: tt.dir, Size: 16384, Threads: 2})
		one := res.Find(result.Key{Engine: result.EngineOpenSSL, Algo: "aes-256-gcm", Direction: tt.dir, Size: 16384, Threads: 1})
		if two == nil || two.KBps != 5872451.58 || one == nil || one.KBps <= 0 {
			t.Errorf("import %q: aes-256-gcm at 16 KiB on 2 processes %+v, on one %+v", tt.args, two, one)
		}
		for _, m := range res.Measurements {
			if m.Direction != tt.dir {
				t.Errorf("import %q: %s %d is %s", tt.args, m.Algo, m.Size, m.Direction)
			}
		}
	}
}

func TestImportRejects(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.json")
	knight := "../../bench/openssl/testdata/layout-1.0.1-knight.txt"
	tests := []struct {
		args  []string
		usage bool
	}{
		{[]string{"--label", "x", "--out", out, "../../bench/openssl/testdata/bad/not-speed.txt"}, false},
		{[]string{"--label", "x", "--out", out, knight, knight}, false}, // every cell twice
		{[]string{"--label", "x", "--out", out, "../../bench/openssl/testdata/openssl-3.0.19-mr-multi2-child-killed.txt"}, false},
		{[]string{"--label", "x", "--out", out, filepath.Join(dir, "missing.txt")}, false},
		{[]string{"--out", out, knight}, true},
		{[]string{"--label", "x"}, true},
	}
	for _, tt := range tests {
		err := run(context.Background(), append([]string{"import"}, tt.args...), &bytes.Buffer{}, &bytes.Buffer{})
		var ue *usageError
		if err == nil || errors.As(err, &ue) != tt.usage {
			t.Errorf("import %v: %v, want usage error %v", tt.args, err, tt.usage)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("import %v left %s", tt.args, out)
		}
	}
}
