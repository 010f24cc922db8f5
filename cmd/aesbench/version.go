package main

import (
	"runtime"
	"runtime/debug"
)

func versionString() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	return "aesbench " + v + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
}
