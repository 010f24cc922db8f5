package goengine

// clockSupported: arm64 has the ADD chain of clock_arm64.s.
const clockSupported = true

func addChain(n uint64)

// aesencLatencySupported: no AES latency chain on arm64 (AESE/AESMC
// fuse on many cores, so one latency figure would mislead).
func aesencLatencySupported() bool { return false }

func aesencChain(n uint64) { panic("no AESENC chain on arm64") }
