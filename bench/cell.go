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

// String names the cell as result.Key does.
func (c Cell) String() string {
	return result.Key{Engine: result.EngineGo, Algo: c.Algo.Name, Direction: c.Dir, Size: c.Size, Threads: max(c.Threads, 1)}.String()
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
