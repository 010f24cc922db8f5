package bench

import (
	"fmt"

	"github.com/aesbench/aesbench/bench/result"
)

// Cell is one entry of the table to measure.
type Cell struct {
	Algo    *Algorithm
	Dir     result.Direction
	Size    int
	Threads int // workers that measure the cell together (see Group); 0 or 1: one
}

func (c Cell) String() string {
	s := fmt.Sprintf("%s %s %d bytes", c.Algo.Name, c.Dir, c.Size)
	if c.Threads > 1 {
		s += fmt.Sprintf(" on %d threads", c.Threads)
	}
	return s
}

// Cells lists every combination of algorithm, direction, thread count and
// size, in that order of nesting; no threads means one. A size an
// algorithm cannot take is an error, never rounded.
func Cells(algos []*Algorithm, dirs []result.Direction, sizes, threads []int) ([]Cell, error) {
	if len(threads) == 0 {
		threads = []int{1}
	}
	var cells []Cell
	for _, a := range algos {
		for _, d := range dirs {
			for _, n := range threads {
				if n < 1 {
					return nil, fmt.Errorf("threads %d: need at least one", n)
				}
				for _, s := range sizes {
					if err := a.CheckSize(s); err != nil {
						return nil, err
					}
					cells = append(cells, Cell{a, d, s, n})
				}
			}
		}
	}
	return cells, nil
}
