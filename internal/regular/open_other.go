//go:build !unix

package regular

import "os"

// openFlags open a file. ReadFile's stat before the open keeps named pipes
// out.
const openFlags = os.O_RDONLY
