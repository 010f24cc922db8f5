package measure

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// TestHostRefusesAnAlgorithmFailingItsKAT: a copy of aes-128-cbc that
// runs as CTR under the same name measures fine, but is not the cipher
// its name says; Host must refuse it, not measure it.
func TestHostRefusesAnAlgorithmFailingItsKAT(t *testing.T) {
	a, err := bench.Lookup("aes-128-cbc")
	if err != nil {
		t.Fatal(err)
	}
	bad := *a
	bad.Mode, bad.Block = bench.CTR, 1
	cells, err := bench.Cells([]*bench.Algorithm{&bad}, []result.Direction{result.Encrypt}, []int{64}, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Host(context.Background(), Options{Label: "kat", Cells: cells, Count: 1, Sample: time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "aes-128-cbc: known-answer test") {
		t.Fatalf("Host(wrong cipher) = %v, %v; want a known-answer test error", res, err)
	}
}
