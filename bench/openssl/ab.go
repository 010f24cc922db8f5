package openssl

import (
	"context"
	"math/rand/v2"
	"slices"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
)

// RunAB measures cells with openssl speed on two sides in the same
// rounds, as Run measures one: cfg.Count rounds, each round every
// invocation of Run's once on each side, the invocations in a random
// order and, for each, which side goes first at random (rng), so that
// run i of a cell on one side and run i on the other are seconds apart
// and pair. The sides differ only in the environment of their openssl
// child, env[0] and env[1] (added to this process's; OPENSSL_ia32cap is
// read when openssl starts), over cfg.Env. An algorithm the openssl
// lacks is reported to cfg.Warn once and left out on both sides.
// cfg.Progress counts the invocations of both sides.
func RunAB(ctx context.Context, cells []bench.Cell, version string, cfg Config, env [2][]string, rng *rand.Rand) (a, b []result.Measurement, err error) {
	if err := cfg.check(); err != nil {
		return nil, nil, err
	}
	p := newPlan(cells, 2)
	type step struct {
		g     *group
		bytes int
	}
	var steps []step
	for _, g := range p {
		for _, bytes := range g.plan {
			steps = append(steps, step{g, bytes})
		}
	}
	total := 2 * len(steps) * cfg.Count
	done := 0
	for range cfg.Count {
		for _, i := range rng.Perm(len(steps)) {
			st := steps[i]
			first := rng.IntN(2)
			for _, side := range []int{first, 1 - first} {
				if !st.g.skip {
					c := cfg
					c.Env = append(slices.Clone(cfg.Env), env[side]...)
					if err := st.g.invoke(ctx, c, st.bytes, side); err != nil {
						return nil, nil, err
					}
				}
				done++
				if cfg.Progress != nil {
					cfg.Progress(done, total, st.g.what(cfg, st.bytes))
				}
			}
		}
	}
	if a, err = p.measurements(0, version, cfg); err != nil {
		return nil, nil, err
	}
	if b, err = p.measurements(1, version, cfg); err != nil {
		return nil, nil, err
	}
	return a, b, nil
}
