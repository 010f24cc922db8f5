package result

// The roles and modes of a Pair.
const (
	PairRoleA       = "a"
	PairRoleB       = "b"
	PairInterleaved = "interleaved"
	PairDuet        = "duet"
)

// Pair links the two results files of one same-host A/B run (aesbench
// run --interleave): both were measured in the same rounds, side by side,
// so that sample i of a cell in one file and sample i of the same cell in
// the other were taken at the same moment of the host, and their ratio
// is free of what the host did between rounds. nil in a plain run.
type Pair struct {
	ID   string `json:"id"`   // random, the same in both files
	With string `json:"with"` // the other file's label
	Role string `json:"role"` // "a" (as is) or "b" (AES-NI masked, or the same again in an A/A)
	// How the two sides shared the host: "interleaved", the two workers
	// taking turns in a random order each round (RMIT); "duet", both at
	// once, pinned to different CPUs.
	Mode string `json:"mode"`
	// SMTSiblings is true in a duet whose two CPUs may be SMT siblings of
	// one core, sharing its AES units, which biases the comparison.
	SMTSiblings bool `json:"smt_siblings,omitempty"`
	// FileRounds is true when the files too were timed in rounds, run i
	// of a file in one results file and run i of it in the other in the
	// same round, so that they pair as the cells' samples do; false
	// (absent) when the run timed no file, or in a file written before
	// aesbench timed them in rounds.
	FileRounds bool `json:"file_rounds,omitempty"`
}

// PairedWith reports whether r and s are the two sides of one same-host
// A/B run.
func (r *Results) PairedWith(s *Results) bool {
	return r.Pair != nil && s.Pair != nil && r.Pair.ID == s.Pair.ID && r.Pair.Role != s.Pair.Role
}

// FilesPairedWith reports whether r's file runs pair with s's, run i
// with run i: r and s are the two sides of one same-host A/B run that
// timed its files in rounds.
func (r *Results) FilesPairedWith(s *Results) bool {
	return r.PairedWith(s) && r.Pair.FileRounds && s.Pair.FileRounds
}
