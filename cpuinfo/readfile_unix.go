//go:build unix

package cpuinfo

import (
	"os"
	"syscall"
)

// openFlags opens a cpuinfo file without waiting: a FIFO's open would
// block until a writer came.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
