package report

import (
	"bytes"
	"testing"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
	"github.com/aesbench/aesbench/bench/unit"
)

func TestWriteFileTable(t *testing.T) {
	fm := func(engine result.Engine, algo string, secs ...float64) result.FileMeasurement {
		m := result.FileMeasurement{Engine: engine, Algo: algo, Path: "logs/app.log.gz", Bytes: 80_000_000, Cold: true, SamplesSeconds: secs, Verified: true}
		m.Seconds, m.MinSeconds, m.MaxSeconds = stats.Median(secs), min(secs[0], secs[1], secs[2]), max(secs[0], secs[1], secs[2])
		m.KBps = unit.KBpsSeconds(float64(m.Bytes), m.Seconds)
		return m
	}
	other := func(m result.FileMeasurement) result.FileMeasurement { // a tenth the size
		m.Path, m.Bytes, m.Cold = "logs/small.log.gz", 8_000_000, true
		m.KBps = unit.KBpsSeconds(float64(m.Bytes), m.Seconds)
		return m
	}
	warm := func(m result.FileMeasurement) result.FileMeasurement { // on a tmpfs, under --cold
		m.Path, m.Cold = "/dev/shm/small.log.gz", false
		return m
	}
	tests := []struct {
		name string
		res  *result.Results
	}{
		{"files", &result.Results{Files: []result.FileMeasurement{
			fm("go", "aes-256-cbc", 0.41, 0.39, 0.52),
			fm("openssl", "aes-256-cbc", 0.44, 0.45, 0.43),
			fm("go", "aes-256-gcm", 0.12, 0.11, 0.13),
			fm("go", "3des-cbc", 4.4, 4.1, 4.9),
		}}},
		{"two-files", &result.Results{Files: []result.FileMeasurement{
			fm("go", "aes-256-cbc", 0.41, 0.39, 0.52),
			other(fm("go", "aes-256-cbc", 0.04, 0.05, 0.03)),
			fm("go", "chacha20-poly1305", 0.12, 0.11, 0.13),
			other(fm("go", "chacha20-poly1305", 0.012, 0.011, 0.013)),
		}}},
		{"one-warm", &result.Results{Files: []result.FileMeasurement{
			fm("go", "aes-256-cbc", 0.41, 0.39, 0.52),
			warm(other(fm("go", "aes-256-cbc", 0.04, 0.05, 0.03))),
		}}},
		{"none", &result.Results{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteFileTable(&b, tt.res); err != nil {
				t.Fatal(err)
			}
			golden(t, "filetable-"+tt.name+".txt", b.Bytes())
		})
	}
}
