package openssl

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

func TestOpenSSLSpeedArgs(t *testing.T) {
	cbc, _ := bench.Lookup("aes-256-cbc")
	gcm, _ := bench.Lookup("aes-128-gcm")
	tests := []struct {
		a       *bench.Algorithm
		dir     result.Direction
		bytes   int
		threads int
		cpuTime bool
		want    string
	}{
		{cbc, result.Encrypt, 0, 1, false, "speed -mr -elapsed -evp aes-256-cbc -seconds 3"},
		{cbc, result.Decrypt, 0, 1, false, "speed -mr -elapsed -evp aes-256-cbc -seconds 3 -decrypt"},
		{gcm, result.Decrypt, 48, 2, false, "speed -mr -elapsed -multi 2 -evp aes-128-gcm -seconds 3 -bytes 48 -decrypt"},
		{cbc, result.Encrypt, 16, 1, true, "speed -mr -evp aes-256-cbc -seconds 3 -bytes 16"},
	}
	for _, tt := range tests {
		if got := strings.Join(opensslSpeedArgs(tt.a, tt.dir, 3, tt.bytes, tt.threads, tt.cpuTime), " "); got != tt.want {
			t.Errorf("opensslSpeedArgs(%s, %s, bytes %d, threads %d, cpu %v) = %q, want %q", tt.a.Name, tt.dir, tt.bytes, tt.threads, tt.cpuTime, got, tt.want)
		}
	}
}

// TestRunOpenSSLMissingSize runs a fake openssl whose full run leaves out
// sizes it was asked for: an error, not a table with holes.
func TestRunOpenSSLMissingSize(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	path := filepath.Join(t.TempDir(), "openssl")
	script := "#!/bin/sh\necho +H:16:64\necho +F:25:AES-256-CBC:16000:64000\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cbc, _ := bench.Lookup("aes-256-cbc")
	cells, err := bench.Cells([]*bench.Algorithm{cbc}, []result.Direction{result.Encrypt}, bench.DefaultSizes, nil)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := Run(context.Background(), cells, "OpenSSL 3.0.19", Config{Path: path, Seconds: 1, Count: 1})
	if err == nil || !strings.Contains(err.Error(), "0 of 1 samples of 256 bytes") {
		t.Fatalf("Run = %+v, %v; want an error about the missing 256 bytes", ms, err)
	}
}

// TestParseSpeedRejectsBadFigures: -mr lines whose figures are negative
// or not as many as +H announced are not openssl speed output; a human
// row with a negative figure is not a row.
func TestParseSpeedRejectsBadFigures(t *testing.T) {
	for _, in := range []string{
		"+H:16\n+F:1:aes-256-cbc:-5.0\n",
		"+H:16:64\n+F:1:aes-256-cbc:1.0:2.0:3.0\n",
		"+H:16:64\n+F:1:aes-256-cbc:1.0\n",
		"type 16 bytes\naes-256 cbc -5.00k\n",
	} {
		if so, err := ParseSpeed(strings.NewReader(in)); !errors.Is(err, ErrNotSpeed) {
			t.Errorf("ParseSpeed(%q) = %+v, %v; want ErrNotSpeed", in, so, err)
		}
	}
}
