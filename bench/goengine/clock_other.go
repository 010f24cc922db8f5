//go:build !amd64 && !arm64

package goengine

// clockSupported: on this architecture aesbench has no ADD chain, so it
// makes no estimate of the clock and reports no cycles per byte, rather
// than guess.
const clockSupported = false

func addChain(n uint64)    { panic("no clock estimate on this architecture") }
func aesencChain(n uint64) { panic("no AESENC chain on this architecture") }

func aesencLatencySupported() bool { return false }
