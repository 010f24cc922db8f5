// Package goengine measures cells of the cipher suite with Go's crypto in
// this process, the way openssl speed does but with repeated samples.
//
// Throughput is reported in kB/s: 1000s of bytes per second, the unit of
// openssl speed. Run takes Count samples of about SampleTime per cell,
// interleaving cells round robin so that a slow drift of a shared machine
// spreads over all cells instead of biasing one, and reports the median
// with the minimum and maximum, its 95% confidence interval (bench/stats,
// as benchstat computes it) and its 95% rerun interval, where a rerun's
// median falls (stats.RerunInterval). Under Config.Precision the runner
// keeps taking rounds, still round robin, over only the cells whose rerun
// interval is wider than asked and whose time budget is not spent.
// Every sample gets a fresh Group, at new addresses (Layouts), so that
// where memory landed, which a rerun draws anew, is part of the samples'
// spread that the intervals see.
//
// A cell with Threads above one is measured by a Group of workers, each
// with its own Op on its own locked OS thread, released together at a
// barrier for every sample; the rounds also sample the host's own
// scaling, a dependent ADD chain on as many threads (hostref.go), so that
// a cipher's scaling can be read against what the host's vCPUs allow. The
// core clock is estimated by a dependent ADD chain in assembly (clock.go),
// for cycles per byte and, for AES-CBC encryption, the AESENC latency
// bound. MeasureCPUs times each CPU alone, pinned (probe --cpus).
package goengine
