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
// Each median comes with its 95% confidence interval, computed as
// benchstat does (golang.org/x/perf/benchmath, AssumeNothing): it needs 6
// samples to be bounded at all, is the samples' range at 6 or 7, and lies
// inside the range from 9. Under Config.Precision the runner keeps taking
// rounds, still round robin, over only the cells whose interval is wider
// than asked and whose time budget is not spent. A cell with Threads above
// one is measured by a Group of workers, each with its own Op on its own
// locked OS thread, released together at a barrier for every sample; the
// rounds that sample such cells also sample the host's own scaling, a
// dependent ADD chain on as many threads (result.HostRef, hostref.go), so that a
// cipher's scaling can be read against what the host's vCPUs allow. The
// core clock is
// estimated by a dependent ADD chain in assembly (clock.go), for cycles
// per byte and, for AES-CBC encryption, the AESENC latency bound.
//
// The whole-file workload (RunFiles, file.go) times what a user waits for:
// reading a file, encrypting it and writing the ciphertext beside it.
// FileCipher (filecrypt.go) fixes the ciphertext format per mode (one CBC
// chain with PKCS#7 padding, as openssl enc writes; sealed 1 MiB chunks
// for AEADs); EncryptFile (filepipe.go) pipelines reading, encryption and
// writing over a few reused buffers; each ciphertext is decrypted and
// checked against the input's SHA-256 after the timing, then deleted.
// openssl enc is timed beside it (fileopenssl.go) where it can do the mode.
//
// Only the standard library and golang.org/x/crypto implement ciphers.
package bench
