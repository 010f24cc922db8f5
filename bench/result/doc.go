// Package result is the aesbench results schema ("schema": "aesbench/v1"):
// the one contract that outlives a run. A results file is one Results,
// written by aesbench run or import as indented JSON, read back by
// compare and report, possibly on another host and by a later version.
//
// The reference:
//
//   - Results: the host (label, probe, Go version, GODEBUG, whether AES-NI
//     was masked), how it was measured (sample length, count, the noisy
//     and precision settings, the core clock), the cells (Measurements),
//     the whole-file workloads (Files), the host's own ADD-chain reference
//     (HostRef), what a reader must know (Warnings), and, for imported
//     openssl speed output, Source and OpenSSL.
//   - Measurement: one cell, named by its Key (engine, algorithm,
//     direction, size, threads), with every sample in kB/s (1000s of
//     bytes per second, plaintext bytes, as openssl speed counts them),
//     their median, minimum, maximum and the median's 95% interval.
//   - FileMeasurement: one file workload in seconds of wall time.
//
// Engine, Direction, AEADMode and Source are typed: compare them with the
// constants here, never with string literals. Later versions add fields
// and never rename or drop one; a field an older file lacks reads as its
// zero value, which each field's comment says how to read ("unknown" is
// 0, "" or absent). Read and Parse check what they accept; WriteFile
// writes atomically (internal/atomicfile).
//
// The package is light on purpose: it links neither the measuring engine
// nor charts nor the AWS SDK, so any reader of results files can use it.
package result
