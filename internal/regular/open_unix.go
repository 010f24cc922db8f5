//go:build unix

package regular

import (
	"os"
	"syscall"
)

// openFlags open a file without waiting: a named pipe's open would block
// until a writer came.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
