//go:build !linux

package goengine

import "time"

// pinSupported: no thread pinning outside Linux, so no per-CPU figures.
const pinSupported = false

func allowedCPUs() ([]int, error) { return nil, ErrNoCPUPinning }

func pinThread(int) error { return ErrNoCPUPinning }

func threadRunDelay() (time.Duration, bool) { return 0, false }
