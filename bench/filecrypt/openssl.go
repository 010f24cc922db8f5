package filecrypt

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/openssl"
)

// opensslEncName is the name openssl enc knows algorithm a by, or "" when
// openssl enc cannot do it: it refuses bench.AEAD modes, and bench.XTS is for sectors.
func opensslEncName(a *bench.Algorithm) string {
	if a.Mode != bench.CBC && a.Mode != bench.CTR {
		return ""
	}
	return openssl.Cipher(a) // enc and speed -evp share the EVP names
}

// encTimeout is how long openssl enc may take over a file of size bytes:
// a minute, and a second a megabyte (3DES, the slowest, does 30 here).
// One that hangs is killed after it instead of holding the run for ever.
// A variable, so that a test of a hung openssl waits a moment.
var encTimeout = func(size int64) time.Duration {
	return time.Minute + time.Duration(size/1e6)*time.Second
}

// opensslEncrypt runs openssl enc on in with fc's key and IV, writing its
// standard output, dst: an open file, so that the ciphertext needs no
// name. With fsync, dst is synced after openssl exits, inside the
// caller's timing. The key and IV go on openssl's command line, where other users
// of the host can see them in ps: acceptable only because they are
// throwaway random keys for one benchmark run, never used for real data
// and never printed by aesbench.
func (fc *Cipher) opensslEncrypt(ctx context.Context, opensslPath string, env []string, in string, dst *os.File, fsync bool) error {
	name := opensslEncName(fc.Algo)
	if name == "" {
		return fmt.Errorf("openssl enc does not do %s", fc.Algo.Name)
	}
	fi, err := os.Stat(in)
	if err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	timeout := encTimeout(fi.Size())
	cmd, tctx, cancel := openssl.Command(ctx, timeout, opensslPath, env, "enc", "-"+name, "-e",
		"-K", hex.EncodeToString(fc.key), "-iv", hex.EncodeToString(fc.iv),
		"-in", in)
	defer cancel()
	cmd.Stdout = dst // a file: openssl writes it itself, no copy
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if cerr := openssl.ChildErr(ctx, tctx, timeout, "openssl enc", err); cerr != nil {
			return cerr
		}
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return fmt.Errorf("openssl enc -%s: %w: %s", name, err, msg)
	}
	if fsync {
		if err := dst.Sync(); err != nil {
			return fmt.Errorf("write ciphertext: %w", err)
		}
	}
	return nil
}
