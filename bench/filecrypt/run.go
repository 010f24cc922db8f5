package filecrypt

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// Config says how to measure the whole-file workload.
type Config struct {
	Count int  // runs per file, algorithm and engine (at least 1)
	Cold  bool // evict the input from the page cache before each run
	Fsync bool // count the output's fsync in the time
	// OpenSSL, when set, is the openssl binary whose enc is timed beside
	// Go on the same files ("" for Go alone).
	OpenSSL string
	// OpenSSLEnv is added to openssl's environment, e.g. an
	// OPENSSL_ia32cap setting that turns off its AES-NI.
	OpenSSLEnv []string
	// Progress, when set, is called before each run with the runs done so
	// far, the runs in all, and what this one does.
	Progress func(done, total int, what string)
	// Note, when set, is told of every algorithm or engine skipped, and why.
	Note func(msg string)
}

// ErrBadFile is wrapped by Check for a path that cannot be measured:
// missing, not a regular file, or empty.
var ErrBadFile = errors.New("not a file to measure")

// Check returns the size of the regular file at path, or an error
// wrapping ErrBadFile when there is nothing there to measure.
func Check(path string) (int64, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return 0, fmt.Errorf("%s: %w: no such file", path, ErrBadFile)
	case err != nil:
		return 0, fmt.Errorf("%s: %w", path, err)
	case fi.IsDir():
		return 0, fmt.Errorf("%s: %w: it is a directory", path, ErrBadFile)
	case !fi.Mode().IsRegular():
		return 0, fmt.Errorf("%s: %w: not a regular file", path, ErrBadFile)
	case fi.Size() == 0:
		return 0, fmt.Errorf("%s: %w: it is empty, nothing to encrypt", path, ErrBadFile)
	}
	return fi.Size(), nil
}

// freeSpace is the space an unprivileged user may still use in dir
// (statFree, per OS); a variable so tests can fake a full disk.
var freeSpace = statFree

// ErrNoSpace is wrapped by Run when the input's filesystem has no room
// for the ciphertext.
var ErrNoSpace = errors.New("not enough free space for the ciphertext")

// ErrChanged is wrapped by Run when an input file changes while it is
// measured (a log still being written, say): its later runs would time
// another file, and its ciphertext would not match the hash taken first.
var ErrChanged = errors.New("changed during the run")

// stillCached is the share of a file's pages that may stay in memory
// after an eviction for its run to count as cold.
const stillCached = 0.01

// Run measures the time to read each file, encrypt it with each of
// algos and write the ciphertext beside it, under a hidden temporary name
// in the same directory: Count runs per engine, taken alternately (Go, then
// openssl enc when cfg.OpenSSL is set). After each run, outside the
// timing, the ciphertext is decrypted and its SHA-256 compared with the
// input's, then deleted; a mismatch is an error. bench.XTS is skipped (it is for
// sectors, not files), and so is openssl for AEADs (openssl enc refuses
// them), with a note.
//
// It checks every file first (Check) and the free space beside it, and
// after each run that the file has not changed (ErrChanged). With
// cfg.Cold, a file whose pages stay in memory after eviction (a tmpfs
// keeps them all) is measured warm and labelled so, with a note. The
// ciphertext has no name while it is written (fileRun): however the run
// ends, Ctrl-C, an error or kill -9, no ciphertext is left behind.
func Run(ctx context.Context, paths []string, algos []*bench.Algorithm, cfg Config) ([]result.FileMeasurement, error) {
	if cfg.Count < 1 {
		return nil, fmt.Errorf("count %d: need at least one run", cfg.Count)
	}
	note := func(format string, args ...any) {
		if cfg.Note != nil {
			cfg.Note(fmt.Sprintf(format, args...))
		}
	}
	var use []*bench.Algorithm
	for _, a := range algos {
		if a.Mode == bench.XTS {
			note("file: skipping %s: it encrypts disk sectors, not files", a.Name)
			continue
		}
		use = append(use, a)
	}
	sizes := make([]int64, len(paths))
	for i, p := range paths {
		var err error
		if sizes[i], err = Check(p); err != nil {
			return nil, fmt.Errorf("file %w", err)
		}
	}
	if err := bench.VerifyAll(use); err != nil {
		return nil, err
	}
	engines := func(a *bench.Algorithm) []result.Engine {
		if cfg.OpenSSL != "" && opensslEncName(a) != "" {
			return []result.Engine{result.EngineGo, result.EngineOpenSSL}
		}
		return []result.Engine{result.EngineGo}
	}
	done, total := 0, 0
	for _, a := range use {
		total += len(paths) * cfg.Count * len(engines(a))
		if cfg.OpenSSL != "" && opensslEncName(a) == "" {
			note("file: openssl enc does not do %s (only its CBC and CTR ciphers are timed): Go only", a.Name)
		}
	}
	var out []result.FileMeasurement
	for i, path := range paths {
		if err := checkSpace(path, sizes[i]); err != nil {
			return nil, err
		}
		fi, err := os.Stat(path) // what every run must find again
		if err != nil {
			return nil, fmt.Errorf("file %s: %w", path, err)
		}
		want, err := fileSHA256(ctx, path)
		if err != nil {
			return nil, fmt.Errorf("file %s: %w", path, err)
		}
		warm := false // a --cold file that eviction left in memory, noted once
		for _, a := range use {
			engines := engines(a)
			ms := make([]result.FileMeasurement, len(engines))
			for e, eng := range engines {
				ms[e] = result.FileMeasurement{Engine: eng, Algo: a.Name, Path: path, Bytes: sizes[i], Cold: cfg.Cold, Fsync: cfg.Fsync}
			}
			for run := range cfg.Count {
				for e, eng := range engines {
					if cfg.Progress != nil {
						cfg.Progress(done, total, fmt.Sprintf("%s %s (%s) run %d/%d", filepath.Base(path), a.Name, eng, run+1, cfg.Count))
					}
					done++
					secs, cached, err := fileRun(ctx, a, eng, path, fi, want, cfg)
					if err != nil {
						return nil, fmt.Errorf("file %s: %s (%s): %w", path, a.Name, eng, err)
					}
					ms[e].SamplesSeconds = append(ms[e].SamplesSeconds, secs)
					if cached > stillCached {
						ms[e].Cold = false
						if !warm {
							warm = true
							note("file: %s stays in memory after eviction (%.0f%% of its pages; a tmpfs keeps them all): its runs are warm, and labelled so", path, 100*cached)
						}
					}
				}
			}
			for e := range ms {
				ms[e].Verified = true // every run's ciphertext was: fileRun fails otherwise
				ms[e].Summarize()
			}
			out = append(out, ms...)
		}
	}
	if cfg.Progress != nil {
		cfg.Progress(total, total, "files done")
	}
	return out, nil
}

// Preflight checks, before anything is measured, what Run would otherwise
// find wrong only when it comes to a file, after the rest of a run: each
// path is a file to measure (Check) that can be read, its filesystem has
// room for the ciphertext, and its directory takes the ciphertext's
// temporary file (one is created and removed at once: a read-only
// directory, or a name too long, fails here).
func Preflight(paths []string) error {
	for _, path := range paths {
		size, err := Check(path)
		if err != nil {
			return fmt.Errorf("file %w", err)
		}
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("file %s: %w", path, bare(err))
		}
		f.Close()
		if err := checkSpace(path, size); err != nil {
			return err
		}
		dir := filepath.Dir(path)
		tmp, err := os.CreateTemp(dir, tempPattern(path))
		if err != nil {
			return fmt.Errorf("file %s: cannot write its ciphertext in %s: %w", path, dir, bare(err))
		}
		tmp.Close()
		os.Remove(tmp.Name())
	}
	return nil
}

// bare strips the path from a file system error, the temporary file's.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// maxName is the longest file name most filesystems take (NAME_MAX).
const maxName = 255

// tempPattern is the os.CreateTemp pattern of the ciphertext of the file
// at path: hidden, beside it, ".NAME.aesbench-*.tmp", with NAME cut so
// that the whole fits in maxName bytes (the * takes up to 10 digits).
func tempPattern(path string) string {
	const affixes = len(".") + len(".aesbench-") + 10 + len(".tmp")
	name := filepath.Base(path)
	if len(name) > maxName-affixes {
		n := maxName - affixes
		for n > 0 && !utf8.RuneStart(name[n]) {
			n--
		}
		name = name[:n]
	}
	return "." + name + ".aesbench-*.tmp"
}

// checkSpace fails when path's directory cannot take a ciphertext of a
// file of size bytes: the size, the most padding or tags any algorithm
// adds, and a chunk to spare.
func checkSpace(path string, size int64) error {
	dir := filepath.Dir(path)
	avail, err := freeSpace(dir)
	if err != nil {
		return fmt.Errorf("file %s: free space in %s: %w", path, dir, err)
	}
	need := uint64(size) + uint64(chunks(size))*maxOverhead + ChunkSize
	if avail < need {
		return fmt.Errorf("file %s: %w in %s: need %d bytes, %d available", path, ErrNoSpace, dir, need, avail)
	}
	return nil
}

// fileRun times one run of one engine and verifies its ciphertext, and
// returns the seconds it took and, with cfg.Cold, the share of the
// input's pages that eviction left in memory (0 without). The ciphertext
// goes to a hidden temporary file beside the input that loses its name
// as soon as it is made: written and read back through the open file, it
// is gone when fileRun returns or the process dies, kill -9 included.
// Where an open file cannot be removed (Windows), it is removed on
// return. The input must still be as fi found it afterwards (ErrChanged).
func fileRun(ctx context.Context, a *bench.Algorithm, engine result.Engine, path string, fi os.FileInfo, want [32]byte, cfg Config) (secs, cached float64, err error) {
	fc, err := NewCipher(a) // a fresh key per run: no nonce is ever reused
	if err != nil {
		return 0, 0, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPattern(path))
	if err != nil {
		return 0, 0, fmt.Errorf("write ciphertext: %w", err)
	}
	unnamed := os.Remove(tmp.Name()) == nil
	defer func() {
		tmp.Close()
		if !unnamed {
			os.Remove(tmp.Name()) // closed first: Windows removes no open file
		}
	}()
	if cfg.Cold {
		if cached, err = evict(path); err != nil {
			return 0, 0, fmt.Errorf("--cold: %w", err)
		}
	}
	start := time.Now()
	if engine == result.EngineOpenSSL {
		err = fc.opensslEncrypt(ctx, cfg.OpenSSL, cfg.OpenSSLEnv, path, tmp, cfg.Fsync)
	} else {
		err = fc.encryptTo(ctx, path, tmp, cfg.Fsync)
	}
	secs = time.Since(start).Seconds()
	if err != nil {
		return 0, 0, err
	}
	if err := unchanged(path, fi); err != nil {
		return 0, 0, err
	}
	got, err := fc.decryptSHA256(ctx, tmp)
	if err != nil {
		return 0, 0, err
	}
	if got != want {
		return 0, 0, fmt.Errorf("verify: %w: SHA-256 of the decrypted ciphertext differs from the input's", ErrCorrupt)
	}
	return secs, cached, nil
}

// unchanged fails, wrapping ErrChanged, unless the file at path has the
// size and modification time it had in fi.
func unchanged(path string, fi os.FileInfo) error {
	now, err := os.Stat(path)
	switch {
	case err != nil:
		return fmt.Errorf("%w: %w", ErrChanged, err)
	case now.Size() != fi.Size():
		return fmt.Errorf("%w: %d bytes, now %d", ErrChanged, fi.Size(), now.Size())
	case !now.ModTime().Equal(fi.ModTime()):
		return fmt.Errorf("%w: modified at %s", ErrChanged, now.ModTime().UTC().Format(time.RFC3339Nano))
	}
	return nil
}
