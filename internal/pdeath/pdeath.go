// Package pdeath has the kernel signal a child process when aesbench
// ends without stopping it (kill -9, a crash), where no context is
// cancelled and no handler runs: a hung or long openssl, or a worker of
// run --interleave and its openssl, would run on without it. Linux and
// FreeBSD can (the parent-death signal); elsewhere Set does nothing.
//
// On Linux the signal comes when the OS thread that started the child
// ends, not the process (golang.org/issue/27505), and any goroutine may
// run on that thread later; FreeBSD sends it when the process ends. Go
// ends a thread only when a goroutine locked to it
// (runtime.LockOSThread) returns without unlocking it; in aesbench only
// the per-CPU timing of probe --cpus does (goengine.MeasureCPUs, its
// pinned threads gone with it), and probe starts openssl after it has
// returned, never beside it.
package pdeath
