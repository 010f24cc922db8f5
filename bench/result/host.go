package result

import "github.com/aesbench/aesbench/bench/stats"

// Host is the host's speed round by round, and its drift, as r's cells
// of engine e saw it (stats.HostOf): a run samples its cells in rounds,
// sample t of every cell in round t, the go engine's in rounds of its
// own, openssl's in its. The zero stats.Host when they are too few.
func (r *Results) Host(e Engine) stats.Host {
	var ms []Measurement
	for _, m := range r.Measurements {
		if m.Engine == e {
			ms = append(ms, m)
		}
	}
	return HostOf(ms)
}

// HostOf is the host factor of ms, cells of one engine sampled in the
// same rounds (stats.HostOf): a run's, or the cells of one so far.
func HostOf(ms []Measurement) stats.Host {
	cells := make([][]float64, len(ms))
	for i := range ms {
		cells[i] = ms[i].SamplesKBps
	}
	return stats.HostOf(cells)
}

// RerunInterval is the 95% rerun interval of m, one of r's cells, drawn
// against the host factor of the cells of its engine
// (stats.Host.RerunInterval): the interval aesbench states.
func (r *Results) RerunInterval(m *Measurement) stats.CI {
	return r.Host(m.Engine).RerunInterval(m.SamplesKBps, 0)
}

// Summarize summarizes every cell of r (Measurement.SummarizeOn), its
// rerun interval drawn against the host factor of its engine's cells,
// and its noisy mark by r's NoisyPct: what a run does once all its cells
// are measured.
func (r *Results) Summarize() {
	hosts := map[Engine]stats.Host{}
	for i := range r.Measurements {
		m := &r.Measurements[i]
		h, ok := hosts[m.Engine]
		if !ok {
			h = r.Host(m.Engine)
			hosts[m.Engine] = h
		}
		m.SummarizeOn(r.NoisyPct, h)
	}
}
