package main

import (
	"fmt"
	"slices"

	"github.com/aesbench/aesbench/bench/result"
)

// coverage counts how often a run's rerun interval of a cell held
// another run's median of it, over all ordered pairs of runs, and by how
// many runs apart the two were. A rerun interval is for the next run: a
// run 2 or more later meets a host that has had longer to move, so the
// aim of 90% over all pairs asks more of it than it claims, and the
// next-run figure is the one its 95% speaks of.
//
// Its clock figures ask where the misses came from: the same pairs, the
// other run's median scaled by the two runs' one-thread ADD chains (the
// core's clock as each run saw it), as if the rerun had met the clock
// of the run. Where coverage falls short and the clock-held coverage
// does not, the runs' figures moved with the host's clock, between the
// runs, where no run can see it; the stated interval is still of the
// figures as measured.
type coverage struct {
	held, pairs     int
	heldAt, pairsAt []int // by runs apart, from 1; index 0 unused

	clockHeld, clockPairs int // as held and pairs, the clock held; 0 pairs when a run has no chain
	clockHeldNext         int // of the clock-held pairs of the next run (pairsAt[1] of them)
}

// coverageOf counts the coverage of rs's rerun intervals. The runs hold
// the same cells in the same order.
func coverageOf(rs []*result.Results) coverage {
	c := coverage{heldAt: make([]int, len(rs)), pairsAt: make([]int, len(rs))}
	ghz := make([]float64, len(rs)) // each run's one-thread ADD chain; 0 for none
	for i, r := range rs {
		if ref := r.OneThreadRef(); ref != nil {
			ghz[i] = ref.GHz
		}
	}
	if slices.Contains(ghz, 0) {
		clear(ghz) // the clock-held figures are of all the pairs or none
	}
	for cell := range rs[0].Measurements {
		for i, r := range rs {
			m := &r.Measurements[cell]
			for j, o := range rs {
				if i == j {
					continue
				}
				gap := max(i-j, j-i)
				c.pairs++
				c.pairsAt[gap]++
				holds := func(med float64) bool {
					return m.RerunPct >= 0 && m.RerunLowKBps <= med && med <= m.RerunHighKBps
				}
				med := o.Measurements[cell].KBps
				if holds(med) {
					c.held++
					c.heldAt[gap]++
				}
				if ghz[i] > 0 && ghz[j] > 0 {
					c.clockPairs++
					if holds(med * ghz[i] / ghz[j]) {
						c.clockHeld++
						if gap == 1 {
							c.clockHeldNext++
						}
					}
				}
			}
		}
	}
	return c
}

// byGap is the coverage by runs apart as lines of at most width columns
// after indent: "next run 95.8%, 2 runs apart 93.9%, ...".
func (c coverage) byGap(indent string, width int) []string {
	var parts []string
	for gap := 1; gap < len(c.pairsAt); gap++ {
		if c.pairsAt[gap] == 0 {
			continue
		}
		what := fmt.Sprintf("%d runs apart", gap)
		if gap == 1 {
			what = "next run"
		}
		parts = append(parts, fmt.Sprintf("%s %.1f%%", what, pct(c.heldAt[gap], c.pairsAt[gap])))
	}
	var lines []string
	line := ""
	for i, p := range parts {
		if i < len(parts)-1 {
			p += ","
		}
		switch {
		case line == "":
			line = p
		case len(indent)+len(line)+1+len(p) > width:
			lines = append(lines, indent+line)
			line = p
		default:
			line += " " + p
		}
	}
	if line != "" {
		lines = append(lines, indent+line)
	}
	return lines
}
