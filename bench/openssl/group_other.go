//go:build !unix

package openssl

import "os/exec"

// ownGroup: outside Unix there are no process groups to kill; a
// cancellation kills openssl alone (exec.CommandContext's default).
func ownGroup(*exec.Cmd) {}
