package filecrypt

import (
	"context"
	"os"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/aesbench/aesbench/bench"
)

// onTmpfs reports whether dir lives in memory.
func onTmpfs(t *testing.T, dir string) bool {
	t.Helper()
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	return st.Type == unix.TMPFS_MAGIC
}

// TestEvictAFileJustWritten: evict writes a file's dirty pages back
// before it drops them, so that a file just written (as aesbench logs
// leaves the corpus) is out of memory afterwards. Without the writeback
// half of a fresh 16 MiB file stayed cached here.
func TestEvictAFileJustWritten(t *testing.T) {
	dir := t.TempDir()
	if onTmpfs(t, dir) {
		t.Skip(dir + " is a tmpfs: nothing can be evicted")
	}
	in, _ := writeRandom(t, dir, "in", 16<<20)
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if before, err := cachedShare(f); err != nil || before < 0.5 {
		t.Fatalf("a file just written: %.0f%% cached, %v; want most of it", 100*before, err)
	}
	cached, err := evict(in)
	if err != nil {
		t.Fatal(err)
	}
	if cached > stillCached {
		t.Errorf("evict left %.1f%% of a file just written in the page cache, want at most %.0f%%", 100*cached, 100*stillCached)
	}
}

// TestColdOnTmpfsIsLabelledWarm: a --cold run of a file that eviction
// leaves in memory is labelled warm (Cold false), with a note, rather
// than claiming a cold read it did not have.
func TestColdOnTmpfsIsLabelledWarm(t *testing.T) {
	const shm = "/dev/shm"
	if fi, err := os.Stat(shm); err != nil || !fi.IsDir() || !onTmpfs(t, shm) {
		t.Skip("no tmpfs at " + shm)
	}
	dir, err := os.MkdirTemp(shm, "aesbench-test-")
	if err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	in, _ := writeRandom(t, dir, "in", 100000)
	algos, err := bench.ParseAlgos("aes-128-ctr")
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	ms, err := Run(context.Background(), []string{in}, algos, Config{Count: 2, Cold: true, Note: func(s string) { notes = append(notes, s) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Cold {
		t.Errorf("measurements %+v: want one, labelled warm", ms)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "stays in memory after eviction (100% of its pages") {
		t.Errorf("notes %q: want one that the file stays in memory", notes)
	}
	assertOnly(t, dir, "in")
}
