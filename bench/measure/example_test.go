package measure_test

import (
	"context"
	"fmt"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/measure"
	"github.com/aesbench/aesbench/bench/result"
)

// Measure AES-256-GCM at 1 KiB on this host, as aesbench run does, and
// read the cell back from the results.
func ExampleHost() {
	algos, _ := bench.ParseAlgos("aes-256-gcm")
	cells, _ := bench.Cells(algos, []result.Direction{result.Encrypt}, []int{1024}, nil)
	res, err := measure.Host(context.Background(), measure.Options{
		Label:  "example",
		Cells:  cells,
		Count:  6,
		Sample: 5 * time.Millisecond,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	m := res.Find(result.Key{Engine: result.EngineGo, Algo: "aes-256-gcm", Direction: result.Encrypt, Size: 1024})
	fmt.Println(res.Schema, res.Label, m.Key(), len(m.SamplesKBps), "samples", m.KBps > 0, m.AEADMode)
	// Output: aesbench/v1 example aes-256-gcm, 1024 bytes 6 samples true seal
}
