package main

import (
	"fmt"
	"strings"

	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
)

// trend returns each run's speed over the first run's: the median over
// the cells of their medians' ratio, and the ratio of the one-thread ADD
// chains (nil when a run has none).
func trend(rs []*result.Results) (speed, chain []float64) {
	ghz := func(r *result.Results) float64 {
		if ref := r.OneThreadRef(); ref != nil {
			return ref.GHz
		}
		return 0
	}
	for _, r := range rs {
		var ratios []float64
		for c, m := range r.Measurements {
			if base := rs[0].Measurements[c].KBps; base > 0 && m.KBps > 0 {
				ratios = append(ratios, m.KBps/base)
			}
		}
		speed = append(speed, stats.Median(ratios))
		if g, g0 := ghz(r), ghz(rs[0]); g > 0 && g0 > 0 {
			chain = append(chain, g/g0)
		}
	}
	if len(chain) != len(rs) {
		chain = nil
	}
	return speed, chain
}

// pcts writes ratios as signed percentages: 1.003 as +0.3%.
func pcts(xs []float64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprintf("%+.1f%%", 100*(x-1))
	}
	return strings.Join(s, " ")
}
