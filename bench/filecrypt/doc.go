// Package filecrypt times what a user waits for: reading a whole file,
// encrypting it and writing the ciphertext beside it (Run).
//
// Cipher (format.go) fixes the ciphertext format per mode: one CBC chain
// with PKCS#7 padding, as openssl enc writes; sealed 1 MiB chunks for
// AEADs, whose nonce and additional data catch truncation and reordering.
// Cipher.Encrypt (pipe.go) pipelines reading, encryption and writing over
// a few reused buffers; each ciphertext is decrypted and checked against
// the input's SHA-256 after the timing. A ciphertext has no name while it
// exists (an open file, removed as it is made: run.go's fileRun), so no
// way the process ends leaves one behind. openssl enc is timed beside it
// (openssl.go) where it can do the mode, writing its standard output.
package filecrypt
