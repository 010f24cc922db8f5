// Package bench is aesbench's cipher suite: what is measured, and how one
// message of each algorithm is processed. It checks each cipher against
// published known-answer vectors before anything measures it.
//
// One place defines how each algorithm is measured: NewOp prepares a cipher
// with a random key (crypto/rand, never printed), random input and reused
// buffers, and Op.Run processes n messages of one size in a tight loop with
// no allocation. The go test benchmarks (benchmark_test.go) and the Go
// engine (bench/goengine) both drive Op, so their figures agree. A Cell is
// one entry of the table to measure: an algorithm, a direction, a message
// size and a thread count; both engines take cells.
//
// The packages below it each hold one concern: bench/goengine measures
// cells with Go's crypto (runner, threads, host reference, clock),
// bench/openssl with openssl speed, bench/filecrypt times whole files,
// bench/stats and bench/unit hold the statistics and units,
// bench/result is the results schema, and bench/measure puts them
// together as aesbench run does.
//
// Only the standard library and golang.org/x/crypto implement ciphers.
package bench
