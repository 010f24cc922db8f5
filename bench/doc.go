// Package bench measures symmetric ciphers the way openssl speed does, but
// with repeated samples, and checks each cipher against published
// known-answer vectors before it measures it.
//
// One place defines how each algorithm is measured: NewOp prepares a cipher
// with a random key (crypto/rand, never printed), random input and reused
// buffers, and Op.Run processes n messages of one size in a tight loop with
// no allocation. The go test benchmarks (benchmark_test.go) and the
// command's runner (Run) both drive Op, so their figures agree.
//
// Throughput is reported in kB/s: 1000s of bytes per second, the unit of
// openssl speed. The runner takes Count samples of about SampleTime per
// cell, interleaving cells round robin so that a slow drift of a shared
// machine spreads over all cells instead of biasing one, and reports the
// median with the minimum and maximum.
//
// Only the standard library and golang.org/x/crypto implement ciphers.
package bench
