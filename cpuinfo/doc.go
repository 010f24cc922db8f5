// Package cpuinfo tells whether a host has hardware AES and whether Go's
// crypto will use it.
//
// It reads two witnesses and reports where they disagree:
//
//   - the CPUID instruction, through github.com/klauspost/cpuid/v2: what
//     the processor says of itself, which is what Go's runtime reads too;
//   - the operating system's /proc/cpuinfo: the x86 "flags" line or the
//     arm64 "Features" line, matched as whole words, so that neither a
//     model name nor another flag that contains "aes" (vaes, say) counts
//     as AES-NI.
//
// A saved /proc/cpuinfo of another host can be judged on its own
// (FromFile): the report then describes that host only, and says nothing
// of this process. Every cpuinfo file, /proc/cpuinfo included, is read by
// ReadFile, which refuses FIFOs, devices and files over MaxFileSize.
//
// Whether Go will use the hardware is decided as Go's crypto/aes decides
// it (aes with sse4.1 and ssse3 on amd64, aes on arm64; GCM also needs
// pclmulqdq or pmull), after the GODEBUG cpu.* options that the runtime
// reads at process start (cpu.aes=off, cpu.pclmulqdq=off, cpu.all=off).
package cpuinfo
