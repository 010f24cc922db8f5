package unit

import "time"

// KBps converts bytes in a duration to kB/s: 1000s of bytes per second,
// the unit of openssl speed and of every aesbench throughput.
func KBps(bytes int64, d time.Duration) float64 {
	return KBpsSeconds(float64(bytes), d.Seconds())
}

// KBpsSeconds is KBps for a duration in seconds.
func KBpsSeconds(bytes, seconds float64) float64 { return bytes / seconds / 1000 }
