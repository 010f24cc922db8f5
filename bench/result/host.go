package result

import "github.com/aesbench/aesbench/bench/stats"

// Hosts is the host's speed round by round, and its drift, as r's cells
// of each engine saw it (stats.HostOf): a run samples its cells in
// rounds, sample t of every cell in round t, the go engine's in rounds
// of their own, openssl's in theirs. An engine whose cells are too few
// for it has the zero stats.Host, as has an engine r did not measure.
// A cell's rerun interval, the one aesbench states, is
// Hosts()[m.Engine].RerunInterval(m.SamplesKBps, 0); take Hosts once
// for all of r's cells.
func (r *Results) Hosts() map[Engine]stats.Host {
	by := map[Engine][]Measurement{}
	for _, m := range r.Measurements {
		by[m.Engine] = append(by[m.Engine], m)
	}
	hosts := make(map[Engine]stats.Host, len(by))
	for e, ms := range by {
		hosts[e] = HostOf(ms)
	}
	return hosts
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

// Summarize summarizes every cell of r (Measurement.SummarizeOn), its
// rerun interval drawn against the host factor of its engine's cells,
// and its noisy mark by r's NoisyPct: what a run does once all its cells
// are measured.
func (r *Results) Summarize() {
	hosts := r.Hosts()
	for i := range r.Measurements {
		m := &r.Measurements[i]
		m.SummarizeOn(r.NoisyPct, hosts[m.Engine])
	}
}
