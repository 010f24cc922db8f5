package result

import (
	"strings"
	"testing"
)

func TestResultsRoundTrip(t *testing.T) {
	path := t.TempDir() + "/r.json"
	r := &Results{Schema: Schema, Label: "knight", Count: 1, Measurements: []Measurement{{Engine: "go", Algo: "aes-256-cbc", Direction: Encrypt, Size: 256, Threads: 1, SamplesKBps: []float64{1}, KBps: 1, MinKBps: 1, MaxKBps: 1}}}
	if err := r.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	got, err := Read(path)
	if err != nil || got.Label != "knight" || got.Find(Key{Engine: EngineGo, Algo: "aes-256-cbc", Direction: Encrypt, Size: 256}) == nil {
		t.Fatalf("Read = %+v, %v", got, err)
	}
	for _, bad := range []string{`{}`, `{"schema":"other/v1"}`, `not json`, `{"schema":"aesbench/v1","measurements":[{"algo":"x"}]}`} {
		if _, err := Parse("bad.json", []byte(bad)); err == nil || !strings.Contains(err.Error(), "not an aesbench results file") {
			t.Errorf("Parse(%s) = %v", bad, err)
		}
	}
}
