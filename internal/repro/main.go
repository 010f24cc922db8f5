// Command repro measures how far aesbench's figures can be trusted on
// this host, with aesbench's own library calls: it runs the suite N times
// back to back, then a same-host A/A run (both sides as is, interleaved),
// and prints
//
//   - coverage: how often one run's stated 95% interval of a cell (the
//     rerun interval, against result.Results.Hosts) holds the median of another
//     run (all ordered pairs of runs): it should hold at least 90% of the
//     time; how often it would had the host's clock held (the other
//     run's median scaled by the two runs' ADD chains: where this holds
//     and the first does not, the figures moved with the clock between
//     the runs); and, beside it, how often the confidence interval of
//     the median (benchstat's) does;
//   - spread: the run-to-run spread of each cell's medians, (max-min)/median,
//     and of its fastest samples: when the fastest moves far less than the
//     median, the host slowed a share of the rounds that changed from run
//     to run; when as much, the host itself ran faster or slower (its
//     clock: see the ADD chain's trend);
//   - trend: each run's speed over the first's (the median over the cells
//     of their medians' ratios), and the ADD chain's: a steady trend is a
//     drift of the host that no interval drawn from one run can know;
//   - width: the median half-width of the stated intervals, and of the
//     confidence intervals;
//   - false positives: the share of cells called significant when nothing
//     differs, by compare between back-to-back runs and within the A/A
//     runs (-aa of them, pooled), each with the chance that so many or
//     more come from the rate it should hold (stats.ExcessChance): one
//     A/A of 24 cells cannot tell 5% from 10%;
//   - the time taken.
//
// With -from DIR it measures nothing: it reads the runs a -keep DIR saved
// and takes this code's statistics of their samples again, so that two
// versions of the statistics can be held against the same runs.
//
// It is a benchmark of the statistics, not a test: its figures depend on
// the host and the moment (make repro).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"time"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/measure"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
	"github.com/aesbench/aesbench/report"
)

func main() {
	runs := flag.Int("runs", 5, "back-to-back runs of the suite")
	algos := flag.String("algos", "aes-256-cbc,aes-256-gcm,3des-cbc,chacha20-poly1305", "algorithms")
	sizes := flag.String("sizes", "16,64,256,1024,8192,16384", "message sizes")
	count := flag.Int("count", measure.DefaultCount, "samples per cell (run --count)")
	sample := flag.Duration("time", measure.DefaultSample, "length of one sample (run --time)")
	aesbenchBin := flag.String("aesbench", "bin/aesbench", "the aesbench binary, for the A/A run's workers")
	keep := flag.String("keep", "", "also write each run's results file (and the A/A's) into this directory")
	cpu := flag.Int("cpu", -1, "pin the back-to-back runs to this CPU (run --cpu); -1: where the OS puts them")
	aaRuns := flag.Int("aa", 3, "interleaved A/A runs, pooled; 0 for none")
	from := flag.String("from", "", "measure nothing: read the runs a -keep wrote into this directory and take this code's statistics of them")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var err error
	if *from != "" {
		err = reread(*from)
	} else {
		err = repro(ctx, *runs, *aaRuns, *algos, *sizes, *count, *sample, *aesbenchBin, *keep, *cpu)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "repro: %v\n", err)
		os.Exit(1)
	}
}

func repro(ctx context.Context, n, aaRuns int, algos, sizes string, count int, sample time.Duration, bin, keep string, cpu int) error {
	if n < 2 {
		return errors.New("need at least 2 runs")
	}
	if aaRuns < 0 {
		return errors.New("-aa: a count of A/A runs, 0 or more")
	}
	as, err := bench.ParseAlgos(algos)
	if err != nil {
		return err
	}
	ss, err := bench.ParseSizes(sizes)
	if err != nil {
		return err
	}
	cells, err := bench.Cells(as, []result.Direction{result.Encrypt}, ss, nil)
	if err != nil {
		return err
	}
	if keep != "" {
		// Made before anything is measured: a missing directory must not
		// throw away a run's figures.
		if err := os.MkdirAll(keep, 0o755); err != nil {
			return fmt.Errorf("-keep: %w", err)
		}
	}
	o := measure.Options{Cells: cells, Count: count, Sample: sample, NoisyPct: stats.DefaultNoisyPct}
	if cpu >= 0 {
		o.Pin = []int{cpu}
	}
	start := time.Now()
	var rs []*result.Results
	for i := range n {
		o.Label = fmt.Sprintf("run%d", i+1)
		t0 := time.Now()
		r, err := measure.Host(ctx, o)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "repro: run %d of %d took %.1f s\n", i+1, n, time.Since(t0).Seconds())
		rs = append(rs, r)
		if keep != "" {
			if err := r.WriteFile(filepath.Join(keep, o.Label+".json")); err != nil {
				return err
			}
		}
	}
	runsTook := time.Since(start)
	// Same-host A/As: both sides as is, interleaved round by round.
	t0 := time.Now()
	env := os.Environ()
	var aas [][2]*result.Results
	for k := range aaRuns {
		a, b, err := measure.Interleave(ctx, measure.Options{Cells: cells, Count: count, Sample: sample, NoisyPct: stats.DefaultNoisyPct},
			measure.ABOptions{Command: []string{bin, "worker"}, A: measure.Side{Label: fmt.Sprintf("aa%d-a", k+1), Env: env}, B: measure.Side{Label: fmt.Sprintf("aa%d-b", k+1), Env: env}})
		if err != nil {
			return fmt.Errorf("a/a: %w", err)
		}
		fmt.Fprintf(os.Stderr, "repro: A/A %d of %d done\n", k+1, aaRuns)
		if keep != "" {
			for _, r := range []*result.Results{a, b} {
				if err := r.WriteFile(filepath.Join(keep, r.Label+".json")); err != nil {
					return err
				}
			}
		}
		aas = append(aas, [2]*result.Results{a, b})
	}
	aaTook := time.Since(t0)
	return summary(rs, aas, count, sample, runsTook, aaTook)
}

// summary takes the statistics of back-to-back runs rs and A/A pairs aas
// and prints them; runsTook and aaTook are 0 for runs read from files.
func summary(rs []*result.Results, aas [][2]*result.Results, count int, sample, runsTook, aaTook time.Duration) error {
	n, aaRuns := len(rs), len(aas)
	if n < 2 {
		return errors.New("need at least 2 runs")
	}
	cells := rs[0].Measurements
	for _, r := range rs[1:] {
		if len(r.Measurements) != len(cells) {
			return fmt.Errorf("%s has %d cells, %s %d: not runs of one suite", r.Label, len(r.Measurements), rs[0].Label, len(cells))
		}
	}

	// Coverage, spread and width, cell by cell.
	ciHeld, pairs := 0, 0
	var spreads, fastSpreads, widths, ciWidths []float64
	for c := range rs[0].Measurements {
		var medians, fastest []float64
		for _, r := range rs {
			m := &r.Measurements[c]
			medians = append(medians, m.KBps)
			fastest = append(fastest, m.MaxKBps)
			if m.RerunPct >= 0 {
				widths = append(widths, m.RerunPct)
			}
			if m.CIPct >= 0 {
				ciWidths = append(ciWidths, m.CIPct)
			}
		}
		for i, r := range rs {
			m := &r.Measurements[c]
			for j := range rs {
				if i == j {
					continue
				}
				pairs++
				if m.CIPct >= 0 && m.CILowKBps <= medians[j] && medians[j] <= m.CIHighKBps {
					ciHeld++
				}
			}
		}
		spreads = append(spreads, spreadOf(medians))
		fastSpreads = append(fastSpreads, spreadOf(fastest))
	}

	// False positives between back-to-back runs, as compare reports them.
	// Split by whether compare warned that the host itself moved (its
	// ADD chain differing between the runs), to see what that warning
	// is worth.
	crossSig, crossN := 0, 0
	moved, movedSig, movedN := 0, 0, 0
	for i := 0; i+1 < len(rs); i++ {
		sig, cells, err := differing(rs[i], rs[i+1])
		if err != nil {
			return err
		}
		crossSig, crossN = crossSig+sig, crossN+cells
		if r, ok := report.HostMoved(rs[i], rs[i+1]); ok && r.Significant() {
			moved, movedSig, movedN = moved+1, movedSig+sig, movedN+cells
		}
	}

	aaSig, aaN := 0, 0
	for _, p := range aas {
		sig, cells, err := differing(p[0], p[1])
		if err != nil {
			return err
		}
		aaSig, aaN = aaSig+sig, aaN+cells
	}

	// Lines of at most 80 columns, for a terminal.
	fmt.Printf("repro: %d back-to-back runs of %d cells (%d samples of %v each)", n, len(cells), count, sample)
	if aaRuns > 0 {
		fmt.Printf(",\n       then %d interleaved A/A run(s)", aaRuns)
	}
	fmt.Println()
	fmt.Printf("  coverage   a run's 95%% rerun interval held another run's median\n")
	cov := coverageOf(rs)
	fmt.Printf("             %.1f%% of the time (%d of %d pairs; aim: at least 90%%):\n", pct(cov.held, cov.pairs), cov.held, cov.pairs)
	for _, l := range cov.byGap("             ", 80) {
		fmt.Println(l)
	}
	if cov.clockPairs > 0 {
		fmt.Printf("             had the clock held (each other run's median scaled by the\n")
		fmt.Printf("             two runs' ADD chains): %.1f%%, next run %.1f%%\n", pct(cov.clockHeld, cov.clockPairs), pct(cov.clockHeldNext, cov.pairsAt[1]))
	}
	fmt.Printf("             the confidence interval of the median (benchstat's): %.1f%%\n", pct(ciHeld, pairs))
	fmt.Printf("  spread     run-to-run spread of a cell's median, (max-min)/median:\n")
	fmt.Printf("             median %.1f%%, largest %.1f%%\n", 100*stats.Median(spreads), 100*slices.Max(spreads))
	fmt.Printf("             of its fastest sample: median %.1f%%, largest %.1f%%\n", 100*stats.Median(fastSpreads), 100*slices.Max(fastSpreads))
	speed, chain := trend(rs)
	fmt.Printf("  trend      each run's speed over the first's, median over the cells:\n")
	fmt.Printf("             %s\n", pcts(speed))
	if chain != nil {
		fmt.Printf("             (the ADD chain's: %s)\n", pcts(chain))
	}
	fmt.Printf("  width      median half-width of a cell's 95%% rerun interval: ±%.1f%%\n", stats.Median(widths))
	fmt.Printf("             (of its confidence interval: ±%.1f%%)\n", stats.Median(ciWidths))
	fmt.Printf("  cross-run  compare of back-to-back runs called %d of %d cells\n", crossSig, crossN)
	fmt.Printf("             significant: %.1f%% (aim: at most 10%%)\n", pct(crossSig, crossN))
	if crossSig > 0 {
		fmt.Printf("             were the rate 10%%, %d or more would come %.0f%% of the time\n", crossSig, 100*stats.ExcessChance(crossSig, crossN, 0.10))
		fmt.Printf("             (the cells taken as independent)\n")
	}
	fmt.Printf("             the host's ADD chain moved (compare warns) in %d of %d pairs\n", moved, len(rs)-1)
	if moved > 0 && moved < len(rs)-1 {
		fmt.Printf("             cells called different: %.1f%% there, %.1f%% elsewhere\n", pct(movedSig, movedN), pct(crossSig-movedSig, crossN-movedN))
	}
	if aaRuns == 0 {
		fmt.Printf("  a/a        not run (-aa 0)\n")
	} else {
		fmt.Printf("  a/a        the A/As called %d of %d cells significant: %.1f%%\n", aaSig, aaN, pct(aaSig, aaN))
		fmt.Printf("             (aim: at most 5%%)\n")
	}
	if aaSig > 0 {
		fmt.Printf("             were the rate 5%%, %d or more would come %.0f%% of the time\n", aaSig, 100*stats.ExcessChance(aaSig, aaN, stats.Alpha))
	}
	if runsTook == 0 {
		fmt.Printf("  time       not measured: runs read from files\n")
		return nil
	}
	fmt.Printf("  time       %.1f s for the runs (%.1f s each)", runsTook.Seconds(), runsTook.Seconds()/float64(n))
	if aaRuns > 0 {
		fmt.Printf(",\n             %.1f s for the A/As (%.1f s each)", aaTook.Seconds(), aaTook.Seconds()/float64(aaRuns))
	}
	fmt.Println()
	return nil
}

// reread reads the runs that -keep wrote into dir (run1.json, run2.json,
// ..., and aa1-a.json, aa1-b.json, ...), takes this code's statistics of
// every cell's samples again, and prints the summary: two versions of
// the statistics, compared on the same samples.
func reread(dir string) error {
	rs, err := rereadAll(dir, "run%d.json")
	if err != nil {
		return err
	}
	as, err := rereadAll(dir, "aa%d-a.json")
	if err != nil {
		return err
	}
	bs, err := rereadAll(dir, "aa%d-b.json")
	if err != nil {
		return err
	}
	if len(as) != len(bs) {
		return fmt.Errorf("%s: %d A/A a-sides but %d b-sides", dir, len(as), len(bs))
	}
	var aas [][2]*result.Results
	for k := range as {
		aas = append(aas, [2]*result.Results{as[k], bs[k]})
	}
	if len(rs) < 2 {
		return fmt.Errorf("%s: need run1.json and run2.json at least, as -keep writes them", dir)
	}
	return summary(rs, aas, rs[0].Count, time.Duration(rs[0].SampleSeconds*float64(time.Second)), 0, 0)
}

// rereadAll rereads the files of dir named by pattern with 1, 2, ... in
// turn, up to the first that does not exist.
func rereadAll(dir, pattern string) ([]*result.Results, error) {
	var rs []*result.Results
	for i := 1; ; i++ {
		r, err := rereadOne(filepath.Join(dir, fmt.Sprintf(pattern, i)))
		if errors.Is(err, fs.ErrNotExist) {
			return rs, nil
		}
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
}

// rereadOne reads one results file and summarizes its cells again.
func rereadOne(path string) (*result.Results, error) {
	r, err := result.Read(path)
	if err != nil {
		return nil, err
	}
	r.Summarize()
	return r, nil
}

// differing compares two results as aesbench compare does and counts
// the cells it calls significantly different, of all it compared.
func differing(a, b *result.Results) (sig, cells int, err error) {
	c, err := report.Compare([]*result.Results{a, b}, report.CompareOptions{})
	if err != nil {
		return 0, 0, err
	}
	for _, row := range c.Rows {
		cells++
		if row.RatioStats[0].Significant {
			sig++
		}
	}
	return sig, cells, nil
}

// spreadOf is the spread of xs, (max-min)/median.
func spreadOf(xs []float64) float64 {
	return (slices.Max(xs) - slices.Min(xs)) / stats.Median(xs)
}

func pct(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return 100 * float64(a) / float64(b)
}
