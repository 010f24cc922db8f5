package logs

import (
	"context"
	"fmt"
	"io"
	"testing"
)

// BenchmarkGenerate measures making a log of a given compressed size;
// the throughput is in compressed bytes, what --size asks for.
func BenchmarkGenerate(b *testing.B) {
	for _, format := range []Format{Combined, JSON} {
		for _, size := range []int64{MinSize, 1 << 20} {
			b.Run(fmt.Sprintf("format=%v/size=%d", format, size), func(b *testing.B) {
				ctx := context.Background()
				opt := Options{Size: size, Seed: 1, Format: format}
				b.SetBytes(size)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Generate(ctx, io.Discard, opt); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
