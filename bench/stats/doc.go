// Package stats holds aesbench's statistics: what a figure is, how sure
// it is, and when two figures differ.
//
// A cell's figure is the median of its samples. Two intervals come with
// it. MedianCI is the 95% confidence interval of the median, exactly as
// benchstat computes it (golang.org/x/perf/benchmath): it bounds the
// true median. RerunInterval is the 95% prediction interval of a rerun's
// median: where the median of another run of as many samples falls, by
// batch means of the cell's samples; Host.RerunInterval draws it against
// the host factor that all the run's cells saw round by round, and the
// host's drift beyond the run (host.go). That one is the interval
// aesbench states, because it is the question a user asks ("if I run
// it again?"), and on a shared host the confidence interval does not
// answer it (rerun.go). Noisy is the one rule for a figure too loose to
// rest on.
//
// Two figures are compared three ways, by how they were measured:
// CompareSamples, the U test and its interval, as benchstat, for two
// cells of one run; CompareRuns (CompareRunsOn, against each run's host
// factor), that and the rerun intervals, for separate runs, which carry
// the host's drift between them; and
// ComparePaired, the median of round-by-round ratios and a sign test,
// for the two sides of one interleaved run, whose drift cancels. Each
// gives a Ratio with a 95% interval that excludes 1 exactly when the
// difference is significant at Alpha.
//
// Nothing here measures or reads a clock; every function is a pure
// function of its samples, tested on known answers and in seeded
// simulations.
package stats
