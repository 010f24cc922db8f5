// Package measure is aesbench's run as a library call: Host measures this
// host into a results file's contents, Import turns saved openssl speed
// outputs into one. cmd/aesbench only parses flags into Options, picks
// paths and prints; any Go program can measure a host the same way.
//
// Host checks what it can before it measures (the known-answer vectors of
// every algorithm, the openssl binary and its mask, the files), then runs
// the engines one after the other: the go engine (goengine.Run, with the
// host's own ADD-chain reference), openssl speed (openssl.Run) and the
// whole-file workload (filecrypt.Run). It estimates the core clock before
// and after, for cycles per byte. What a reader must know about the
// figures (noisy cells, a host short of cores, AEAD modes that differ
// between engines, a clock that moved) becomes Results.Warnings, saved in
// the JSON; progress goes through the small Progress interface.
package measure
