package result

import "testing"

func TestScaling(t *testing.T) {
	r := &Results{
		Measurements: []Measurement{
			{Engine: "go", Algo: "aes-256-gcm", Direction: Encrypt, Size: 16384, Threads: 1, KBps: 5e6},
			{Engine: "go", Algo: "aes-256-gcm", Direction: Encrypt, Size: 16384, Threads: 2, KBps: 9e6},
			{Engine: "go", Algo: "aes-256-gcm", Direction: Encrypt, Size: 256, Threads: 2, KBps: 4e6}, // no one-thread cell
			{Engine: "go", Algo: "aes-256-gcm", Direction: Decrypt, Size: 16384, Threads: 4, KBps: 8e6},
			{Engine: "go", Algo: "aes-256-gcm", Direction: Decrypt, Size: 16384, Threads: 1, KBps: 4e6},
		},
		HostRef: []HostRef{{Threads: 1, GHz: 3.5}, {Threads: 2, GHz: 5.25}},
	}
	tests := []struct {
		m      int // index into r.Measurements
		want   float64
		wantOK bool
	}{
		{0, 0, false}, // one thread: no scaling
		{1, 1.8, true},
		{2, 0, false},
		{3, 2, true},
	}
	for _, tt := range tests {
		got, ok := r.ThreadScaling(&r.Measurements[tt.m])
		if ok != tt.wantOK || !near(got, tt.want) {
			t.Errorf("ThreadScaling(%+v) = %v, %v; want %v, %v", r.Measurements[tt.m], got, ok, tt.want, tt.wantOK)
		}
	}
	for _, tt := range []struct {
		threads int
		want    float64
		wantOK  bool
	}{{1, 0, false}, {2, 1.5, true}, {4, 0, false}} {
		got, ok := r.HostScaling(tt.threads)
		if ok != tt.wantOK || !near(got, tt.want) {
			t.Errorf("HostScaling(%d) = %v, %v; want %v, %v", tt.threads, got, ok, tt.want, tt.wantOK)
		}
	}
	if _, ok := (&Results{}).HostScaling(2); ok {
		t.Error("HostScaling of results without a host reference says ok")
	}
}

func TestCoreShare(t *testing.T) {
	for _, tt := range []struct {
		r      Results
		want   float64
		wantOK bool
	}{
		{Results{ClockHz: 3.5e9, HostRef: []HostRef{{Threads: 1, GHz: 1.75}, {Threads: 2, GHz: 5}}}, 0.5, true},
		{Results{ClockHz: 3.5e9, HostRef: []HostRef{{Threads: 2, GHz: 5}}}, 0, false},
		{Results{HostRef: []HostRef{{Threads: 1, GHz: 1.75}}}, 0, false}, // clock unknown
		{Results{ClockHz: 3.5e9}, 0, false},                              // an older file
	} {
		got, ok := tt.r.CoreShare()
		if ok != tt.wantOK || !near(got, tt.want) {
			t.Errorf("CoreShare(%+v) = %v, %v; want %v, %v", tt.r, got, ok, tt.want, tt.wantOK)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
