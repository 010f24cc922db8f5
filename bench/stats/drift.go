package stats

// BeyondDrift asks whether a significant difference r between two
// separate runs is more than the host's own drift between them, d: the
// same ratio, taken of work that neither configuration changes (a
// dependent ADD chain timed beside the cells), between the same two
// runs. When d is significant too and r's interval overlaps d's, the
// cells moved no more than the host did, and r is marked WithinDrift,
// no longer significant. It only ever takes significance away, never
// adds it: a cipher need not slow as the chain does, so the chain's
// ratio is not divided out of r's, only held against it. An unbounded
// interval counts as its ratio alone.
//
// Measured on a shared 2-vCPU VM: over 8 back-to-back runs, compare
// without it called 11 of 168 cells different, all 11 in the 4 of 7
// pairs whose chains differed significantly. Over three sets of 6, 8 and
// 10 back-to-back runs (21 pairs, 504 cells), it took the cells called
// different from 46 to 13, while a true 5% slowdown put into the second
// run of each pair was found in 408 cells with it, 409 without, and a 3%
// one in 340 and 363.
func (r Ratio) BeyondDrift(d Ratio) Ratio {
	if !r.Significant() || !d.Significant() {
		return r
	}
	lo, hi := r.Lo, r.Hi
	if !r.Bounded() {
		lo, hi = r.Ratio, r.Ratio
	}
	dlo, dhi := d.Lo, d.Hi
	if !d.Bounded() {
		dlo, dhi = d.Ratio, d.Ratio
	}
	r.WithinDrift = lo <= dhi && dlo <= hi
	return r
}
