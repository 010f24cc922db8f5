//go:build !unix

package cpuinfo

import "os"

// openFlags opens a cpuinfo file. ReadFile's stat before the open keeps
// FIFOs out.
const openFlags = os.O_RDONLY
