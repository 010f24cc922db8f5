package report_test

import (
	"fmt"
	"log"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/report"
)

// Compare two hosts at 256-byte messages: the baseline, knight, is how
// many times faster than padawan, algorithm by algorithm.
func ExampleCompare() {
	var rs []*result.Results
	for _, path := range []string{"testdata/knight.json", "testdata/padawan.json"} {
		r, err := result.Read(path)
		if err != nil {
			log.Fatal(err)
		}
		rs = append(rs, r)
	}
	c, err := report.Compare(rs, report.CompareOptions{Sizes: []int{256}})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range c.Rows {
		fmt.Printf("%-18s %s %.2fx\n", r.RowLabel(), c.RatioHeader(0), r.Ratios[0])
	}
	// Output:
	// aes-256-cbc        knight/padawan 5.26x
	// aes-256-gcm        knight/padawan 23.75x
	// 3des-cbc           knight/padawan 0.95x
	// chacha20-poly1305  knight/padawan 1.38x
}
