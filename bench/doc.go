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
