package goengine

import "golang.org/x/sys/cpu"

// clockSupported: amd64 has the ADD chain of clock_amd64.s.
const clockSupported = true

func addChain(n uint64)
func aesencChain(n uint64)

// aesencLatencySupported reports whether the AESENC chain can run: the
// CPU has AES-NI (whether or not Go uses it).
func aesencLatencySupported() bool { return cpu.X86.HasAES }
