package bench

import "slices"

// Median returns the median of xs (the mean of the middle two for an even
// count); 0 for none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// summarize fills the median, minimum and maximum from the samples.
func (m *Measurement) summarize() {
	m.KBps = Median(m.SamplesKBps)
	m.MinKBps = slices.Min(m.SamplesKBps)
	m.MaxKBps = slices.Max(m.SamplesKBps)
}
