package measure

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/goengine"
	"github.com/aesbench/aesbench/bench/result"
)

// cells returns the cells of algo at size, encrypting on one thread.
func cells(t *testing.T, algo string, size int) []bench.Cell {
	t.Helper()
	a, err := bench.Lookup(algo)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := bench.Cells([]*bench.Algorithm{a}, []result.Direction{result.Encrypt}, []int{size}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// TestHostRefusesSampleTimesOutOfBounds: a sample of 1 ns is one message
// timed by the clock, one of 1000 hours a slip; neither is measured.
func TestHostRefusesSampleTimesOutOfBounds(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{time.Nanosecond, "sample time 1ns: below 1ms"},
		{999 * time.Microsecond, "below 1ms"},
		{-time.Second, "below 1ms"},
		{1000 * time.Hour, "sample time 1000h0m0s: above 10m0s"},
	} {
		p := &recorder{}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // should it measure after all
		_, err := Host(ctx, Options{Label: "x", Cells: cells(t, "aes-128-ctr", 16), Count: 1, Sample: tt.d, Progress: p})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("sample %v: %v, want %q", tt.d, err, tt.want)
		}
		if p.updates > 0 {
			t.Errorf("sample %v: %d samples taken before the refusal", tt.d, p.updates)
		}
		cancel()
	}
}

// recorder is a Progress that counts updates and keeps notes.
type recorder struct {
	updates int
	notes   []string
}

func (r *recorder) Update(int, int, string) { r.updates++ }
func (r *recorder) Note(msg string)         { r.notes = append(r.notes, msg) }

// TestHostChecksBeforeMeasuring gives Host a run of ten-minute samples
// that must fail on something it can check first: it must fail at once,
// having measured nothing, not after the go engine (the deadline of 30 s
// would then end it with the wrong error).
func TestHostChecksBeforeMeasuring(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	if err := os.WriteFile(good, []byte("some log lines\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	notOpenSSL := filepath.Join(dir, "openssl")
	if err := os.WriteFile(notOpenSSL, []byte("#!/bin/sh\necho LibreSSL 3.8.2\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "no-openssl")
	both := []result.Engine{result.EngineGo, result.EngineOpenSSL}
	tests := []struct {
		name string
		o    Options
		want string
	}{
		{"openssl engine, no such openssl", Options{Engines: both, OpenSSL: missing}, "openssl: exec: \"" + missing + "\""},
		{"openssl engine, not an openssl", Options{Engines: both, OpenSSL: notOpenSSL}, `"LibreSSL 3.8.2" is not an OpenSSL version`},
		{"file, empty", Options{Files: []string{good, empty}}, "file " + empty + ": not a file to measure: it is empty"},
		{"file, no such openssl", Options{Files: []string{good}, OpenSSL: missing}, "file: openssl: exec: \"" + missing + "\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &recorder{}
			o := tt.o
			o.Label, o.Cells, o.Count, o.Sample, o.Progress = "x", cells(t, "aes-128-ctr", 16), 1, MaxSample, p
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			_, err := Host(ctx, o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%v, want %q", err, tt.want)
			}
			if p.updates > 0 {
				t.Errorf("%d samples taken before the failure", p.updates)
			}
		})
	}
}

// TestHostPins: under Options.Pin the run is confined to the CPUs given
// and says so in its results, and afterwards the process may run where
// it could before; a CPU it may not run on is refused before anything
// is measured.
func TestHostPins(t *testing.T) {
	allowed := goengine.AllowedCPUs()
	if allowed == nil {
		t.Skip("pinning needs Linux")
	}
	cpu := allowed[len(allowed)-1]
	p := &recorder{}
	res, err := Host(context.Background(), Options{Label: "x", Cells: cells(t, "aes-128-ctr", 16), Count: 4, Sample: MinSample, Pin: []int{cpu}, Progress: p})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.PinnedCPUs, []int{cpu}) {
		t.Errorf("pinned_cpus %v, want [%d]", res.PinnedCPUs, cpu)
	}
	if after := goengine.AllowedCPUs(); !slices.Equal(after, allowed) {
		t.Errorf("after the run the process may run on %v, before on %v", after, allowed)
	}
	p = &recorder{}
	_, err = Host(context.Background(), Options{Label: "x", Cells: cells(t, "aes-128-ctr", 16), Count: 1, Sample: MaxSample, Pin: []int{1 << 15}, Progress: p})
	if err == nil || !strings.Contains(err.Error(), "is not one this process may run on") || p.updates > 0 {
		t.Errorf("pin to cpu %d: %v after %d samples; want a refusal first", 1<<15, err, p.updates)
	}
	if res, err := Host(context.Background(), Options{Label: "x", Cells: cells(t, "aes-128-ctr", 16), Count: 1, Sample: MinSample}); err != nil || res.PinnedCPUs != nil {
		t.Errorf("no pin: pinned_cpus %v, %v", res.PinnedCPUs, err)
	}
}
