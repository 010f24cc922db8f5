//go:build !linux

package goengine

import "errors"

// PinProcess is Linux only.
func PinProcess(cpus ...int) error { return errors.New("pinning a process to a CPU needs Linux") }

// AllowedCPUs is Linux only: elsewhere nil, and nothing is pinned.
func AllowedCPUs() []int { return nil }

// DuetCPUs is Linux only: elsewhere there is no duet.
func DuetCPUs() (a, b int, maySiblings, ok bool) { return 0, 0, false, false }
