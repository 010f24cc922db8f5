// Package report turns aesbench results into what people read: the
// openssl-speed-style table of one run, side-by-side comparisons of hosts
// with ratios, and charts. Every figure it prints names its unit: kB/s is
// 1000s of bytes per second, the unit of openssl speed.
package report
