package report

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/aesbench/aesbench/bench"
	"github.com/aesbench/aesbench/bench/result"
	"github.com/aesbench/aesbench/bench/stats"
	"github.com/aesbench/aesbench/bench/unit"
)

// Comparison is several hosts' results side by side: the model that the
// text, markdown, CSV and JSON formats and the report print. Hosts[0] is
// the baseline; every ratio says how many times faster it is than another
// host. A figure of 0 means the host did not measure that cell.
type Comparison struct {
	Hosts    []Host            `json:"hosts"`
	Sizes    []int             `json:"sizes"`    // message sizes in the table, ascending
	Rows     []CompRow         `json:"rows"`     // throughput rows
	Files    []FileRow         `json:"files"`    // whole-file workloads; empty when no host has any
	Warnings []string          `json:"warnings"` // where the runs differ in ways that skew a comparison
	Advice   []string          `json:"advice"`   // what the figures suggest
	Results  []*result.Results `json:"-"`        // the inputs, in Hosts order
	// BaselineWhy says how Hosts[0] was chosen: "chosen with --baseline",
	// "the first host with hardware AES", or "the first host".
	BaselineWhy string `json:"-"`
	// Layout is how the text and markdown tables place the hosts:
	// LayoutColumns or LayoutRows (CompareOptions.Layout resolved).
	Layout string `json:"-"`

	baselineMoved bool // the rule passed over the first host given
}

// Host is one column: a results file's host as the header describes it.
type Host struct {
	Label       string `json:"label"`        // unique among the hosts compared
	Model       string `json:"model"`        // CPU model; "" when unknown
	AESNI       string `json:"aesni"`        // "yes", "no" or "unknown": the CPU's AES instructions
	HardwareAES bool   `json:"hardware_aes"` // Go's crypto/aes ran on them in the measuring process
	Masked      bool   `json:"masked"`       // run with --no-aesni
	GoVersion   string `json:"go_version"`
	OpenSSL     string `json:"openssl"`  // "" when the results hold no openssl figures
	Instance    string `json:"instance"` // EC2 instance type from the probe; "" when unknown or not on EC2
	Source      string `json:"source"`   // "measured" or "imported"
}

// CompRow is one algorithm, direction, engine, size and thread count
// across the hosts.
type CompRow struct {
	Engine  result.Engine    `json:"engine"`
	Algo    string           `json:"algo"`
	Dir     result.Direction `json:"direction"`
	Size    int              `json:"size"`
	Threads int              `json:"threads"` // workers measured together; KBps is then their aggregate
	KBps    []float64        `json:"kbps"`    // per host, medians in kB/s; 0 when not measured
	Ratios  []float64        `json:"ratios"`  // Hosts[0]'s kB/s over Hosts[i+1]'s; 0 when either is missing
	// RatioStats say how sure each ratio is: its 95% interval and
	// whether the difference is significant.
	RatioStats []RatioStat `json:"ratio_stats"`

	samples [][]float64  // per host, the cell's samples
	hosts   []stats.Host // per host, the host factor of its run's cells of this engine
}

// FileRow is one whole-file workload across the hosts.
type FileRow struct {
	Engine  result.Engine `json:"engine"`
	Algo    string        `json:"algo"`
	Bytes   int64         `json:"bytes"`
	Cold    bool          `json:"cold"`
	Fsync   bool          `json:"fsync"`
	Seconds []float64     `json:"seconds"` // per host, median wall time; 0 when not measured
	Ratios  []float64     `json:"ratios"`  // Hosts[i+1]'s seconds over Hosts[0]'s; 0 when either is missing
	// RatioStats say how sure each ratio is, as CompRow's.
	RatioStats []RatioStat `json:"ratio_stats"`

	samples [][]float64 // per host, the runs' seconds
}

// CompareOptions choose what Compare puts in the table.
type CompareOptions struct {
	Sizes    []int  // message sizes to show; nil for every size measured
	Nearest  bool   // when no host measured the one size of Sizes, show the measured size nearest it (NearestSize) rather than fail: for a default size, not one asked for
	Baseline string // label of the baseline host; "" for the rule of Compare
	Layout   string // LayoutRows, LayoutColumns, or "" or LayoutAuto: rows for more than MaxColumnHosts hosts, or when columns would not fit TextWidth and rows are narrower
}

// Layouts of the text and markdown tables: hosts as columns (with a ratio
// column per other host), or hosts as rows (algorithms as columns).
const (
	LayoutAuto    = "auto"
	LayoutRows    = "rows"
	LayoutColumns = "columns"
)

// MaxColumnHosts is the most hosts the auto layout puts in columns.
const MaxColumnHosts = 2

// DefaultCompareSize is the size compare shows unless told otherwise: the
// 256-byte column of the knight/padawan experiment.
const DefaultCompareSize = 256

// ErrUnknownBaseline is wrapped by Compare when the baseline asked for is
// none of the hosts.
var ErrUnknownBaseline = errors.New("is none of the hosts")

// ErrSizeNotMeasured is wrapped by Compare when no host measured the
// sizes asked for: like an unknown baseline, an option that names what
// the results do not hold.
var ErrSizeNotMeasured = errors.New("no host measured")

// ErrNothingInCommon is returned by Compare for hosts that share no cell.
var ErrNothingInCommon = errors.New("results have nothing in common")

// Compare builds the comparison of rs. Labels that repeat get a suffix
// ("-2") and a warning. The baseline is o.Baseline; without it, the first
// host (in rs's order) whose Go used hardware AES and was not masked, so
// that the ratios never silently read against a host without AES; when
// no host has it, the first host, with a warning.
func Compare(rs []*result.Results, o CompareOptions) (*Comparison, error) {
	if len(rs) == 0 {
		return nil, errors.New("no results")
	}
	labels, warnings := Labels(rs, "shown")
	base, why := 0, "the first host"
	if o.Baseline != "" {
		base, why = slices.Index(labels, o.Baseline), "chosen with --baseline"
		if base < 0 {
			return nil, fmt.Errorf("baseline %q %w (%s)", o.Baseline, ErrUnknownBaseline, strings.Join(labels, ", "))
		}
	} else if len(rs) > 1 {
		base = slices.IndexFunc(rs, hardwareAES)
		why = "the first host with hardware AES"
		if base < 0 {
			base, why = 0, "the first host"
			what := "no host's Go used hardware AES"
			if !slices.ContainsFunc(rs, func(r *result.Results) bool { return r.Probe != nil }) {
				what = "no host says whether it has hardware AES (imported figures)"
			}
			warnings = append(warnings, fmt.Sprintf("%s: the baseline is the first host, %s", what, labels[0]))
		}
	}
	layout := o.Layout
	switch layout {
	case "", LayoutAuto:
		layout = LayoutColumns
		if len(rs) > MaxColumnHosts {
			layout = LayoutRows
		}
	case LayoutRows, LayoutColumns:
	default:
		return nil, fmt.Errorf("layout %q: want rows, columns or auto", o.Layout)
	}
	order := []int{base}
	for i := range rs {
		if i != base {
			order = append(order, i)
		}
	}
	c := &Comparison{BaselineWhy: why, Layout: layout, baselineMoved: base != 0 && o.Baseline == ""}
	for _, i := range order {
		c.Hosts = append(c.Hosts, hostOf(rs[i], labels[i]))
		c.Results = append(c.Results, rs[i])
	}
	c.Warnings = append(warnings, differences(c.Results, c.Hosts)...)

	measured := map[int]bool{}
	for _, r := range c.Results {
		for _, m := range r.Measurements {
			measured[m.Size] = true
		}
	}
	if o.Sizes == nil {
		for s := range measured {
			c.Sizes = append(c.Sizes, s)
		}
	} else {
		for _, s := range o.Sizes {
			if measured[s] && !slices.Contains(c.Sizes, s) {
				c.Sizes = append(c.Sizes, s)
			}
		}
	}
	slices.Sort(c.Sizes)
	c.Rows = throughputRows(c.Results, c.Sizes)
	c.Files = fileRows(c.Results)
	var all []int
	for s := range measured {
		all = append(all, s)
	}
	slices.Sort(all)
	var everySize []CompRow // the rows of every size measured, when needed
	rowsOfAll := func() []CompRow {
		if everySize == nil {
			everySize = throughputRows(c.Results, all)
		}
		return everySize
	}
	switch {
	case len(o.Sizes) == 0 || len(all) == 0:
	case o.Nearest && len(o.Sizes) == 1 && (len(c.Sizes) == 0 || len(c.Hosts) > 1 && len(comparedSizes(c.Rows)) == 0):
		// A default size that no host measured, or that the baseline
		// and no other host both did: the size nearest it at which two
		// hosts compare, or failing that, that any host measured.
		pool := all
		if len(c.Hosts) > 1 {
			if s := comparedSizes(rowsOfAll()); len(s) > 0 {
				pool = s
			}
		}
		c.Sizes = []int{NearestSize(pool, o.Sizes[0])}
		c.Rows = throughputRows(c.Results, c.Sizes)
	case len(c.Sizes) == 0:
		return nil, sizeNotMeasured(o.Sizes, all)
	}
	if len(c.Hosts) > 1 && !c.shared() {
		at := ""
		if len(o.Sizes) > 0 && len(c.Sizes) > 0 && !o.Nearest && len(comparedSizes(rowsOfAll())) > 0 { // compare --size: other sizes have some
			at = " at " + sizeList(c.Sizes) + " (--size all for every size)"
		}
		return nil, fmt.Errorf("%w: no cell measured on %s and another host%s", ErrNothingInCommon, c.Hosts[0].Label, at)
	}
	if (o.Layout == "" || o.Layout == LayoutAuto) && c.Layout == LayoutColumns {
		if cols := c.textWidth(); cols > TextWidth {
			c.Layout = LayoutRows
			if c.textWidth() >= cols {
				c.Layout = LayoutColumns
			}
		}
	}
	if w := c.unmatched(rowsOfAll); w != "" {
		c.Warnings = append(c.Warnings, w)
	}
	c.Advice = advice(c)
	return c, nil
}

// unmatched says which hosts measured messages but have no ratio to the
// baseline in the throughput tables of c's one size (a quick run of
// other sizes among full ones): their rows are n/a throughout; with the
// sizes at which they do compare, if any, in rowsOfAll, the rows of
// every size. "" when every such host has one, or c shows several sizes.
func (c *Comparison) unmatched(rowsOfAll func() []CompRow) string {
	if len(c.Sizes) != 1 || len(c.Hosts) < 3 {
		return "" // two hosts that share nothing fail (ErrNothingInCommon)
	}
	var none []int
	for h := 1; h < len(c.Hosts); h++ {
		has := slices.ContainsFunc(c.Rows, func(r CompRow) bool { return r.Ratios[h-1] > 0 })
		if !has && len(c.Results[h].Measurements) > 0 { // (a run of files alone has no rows)
			none = append(none, h)
		}
	}
	if len(none) == 0 {
		return ""
	}
	var says []string
	for _, h := range none {
		var at []int
		for _, r := range rowsOfAll() {
			if r.Ratios[h-1] > 0 && !slices.Contains(at, r.Size) {
				at = append(at, r.Size)
			}
		}
		slices.Sort(at)
		if len(at) == 0 {
			says = append(says, c.Hosts[h].Label+" (nor at any size: it measured no message cell the baseline did)")
		} else {
			says = append(says, fmt.Sprintf("%s (it does at %s)", c.Hosts[h].Label, sizeList(at)))
		}
	}
	return fmt.Sprintf("nothing at %s compares with the baseline, %s, on %s", sizeList(c.Sizes), c.Hosts[0].Label, someOf(says))
}

// textWidth is how wide the text form prints c's widest table of
// figures in c's layout, long labels shortened or headers on two lines
// as it does. Long labels can make even two hosts as columns too wide
// for TextWidth; the auto layout then turns the tables round, when that
// makes them narrower (many algorithms and engines can make the rows
// wider still).
func (c *Comparison) textWidth() int {
	tables := c.throughputTables()
	if len(c.Files) > 0 {
		tables = append(tables, c.fileTables())
	}
	if c.Layout == LayoutRows {
		_, tables, _ = fitRows(c.hostTable(), tables)
	}
	w := 0
	for _, t := range tables {
		_, _, _, tw := textLayout(t)
		w = max(w, tw)
	}
	return w
}

func sizeList(sizes []int) string {
	s := make([]string, len(sizes))
	for i, n := range sizes {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ") + " bytes"
}

// cpuList writes the CPUs a run was confined to (run --cpu) as "CPU 1"
// or "CPU 0 2".
func cpuList(cpus []int) string { return "CPU " + strings.Trim(fmt.Sprint(cpus), "[]") }

// shared reports whether the baseline and some other host measured a
// common row: only then is there a ratio to print.
func (c *Comparison) shared() bool {
	for _, r := range c.Rows {
		if slices.ContainsFunc(r.Ratios, func(x float64) bool { return x > 0 }) {
			return true
		}
	}
	for _, f := range c.Files {
		if slices.ContainsFunc(f.Ratios, func(x float64) bool { return x > 0 }) {
			return true
		}
	}
	return false
}

// Labels returns the hosts' labels as compare, report and export give
// them ("host" for none, a repeat suffixed -2, -3, ...), and a warning
// for each repeat: how the later one is, say, "shown".
func Labels(rs []*result.Results, how string) (labels, warnings []string) {
	labels = uniqueLabels(rs)
	for i, r := range rs {
		if name := labelOrHost(r.Label); labels[i] != name {
			warnings = append(warnings, fmt.Sprintf("two results are labelled %q; the later one is %s as %q", name, how, labels[i]))
		}
	}
	return labels, warnings
}

// uniqueLabels returns the hosts' labels ("host" for none), a repeat
// suffixed -2, -3, ...
func uniqueLabels(rs []*result.Results) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		name := labelOrHost(r.Label)
		l := name
		for n := 2; slices.Contains(out[:i], l); n++ {
			l = fmt.Sprintf("%s-%d", name, n)
		}
		out[i] = l
	}
	return out
}

// labelOrHost is the name a host is shown by: its label, or "host" for a
// results file without one.
func labelOrHost(label string) string {
	if label == "" {
		return "host"
	}
	return label
}

// hardwareAES reports whether r's Go ran crypto/aes on the CPU's AES
// instructions, unmasked.
func hardwareAES(r *result.Results) bool {
	return r.Probe != nil && r.Probe.Go.HardwareAES && !r.AESNIMasked
}

func hostOf(r *result.Results, label string) Host {
	h := Host{Label: label, AESNI: "unknown", Masked: r.AESNIMasked, GoVersion: r.GoVersion, Source: "measured"}
	if p := r.Probe; p != nil {
		h.Model = p.Model
		h.HardwareAES = p.Go.HardwareAES
		if p.Arch != "" {
			h.AESNI = yesNo(p.Features.AES)
		}
		if p.EC2 != nil {
			h.Instance = p.EC2.InstanceType
		}
	}
	if r.OpenSSL != nil {
		// "OpenSSL 3.0.19 27 Jan 2026 (Library: ...)": the library part
		// repeats the version unless they differ, which the JSON keeps.
		h.OpenSSL, _, _ = strings.Cut(r.OpenSSL.Version, " (Library: ")
	}
	if r.Source != "" {
		h.Source = string(r.Source)
	}
	return h
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// algoRank orders algorithms as the suite lists them, unknown ones last.
func algoRank(name string) int {
	i := slices.Index(bench.AlgorithmNames(), name)
	if i < 0 {
		return len(bench.AlgorithmNames())
	}
	return i
}

func throughputRows(rs []*result.Results, sizes []int) []CompRow {
	idx := map[result.Key]int{}
	var rows []CompRow
	hosts := make([]map[result.Engine]stats.Host, len(rs)) // of every size's cells, as the run's
	for h, r := range rs {
		hosts[h] = r.Hosts()
	}
	for h, r := range rs {
		for _, m := range r.Measurements {
			if !slices.Contains(sizes, m.Size) {
				continue
			}
			k := m.Key()
			i, ok := idx[k]
			if !ok {
				i = len(rows)
				idx[k] = i
				rows = append(rows, CompRow{Engine: m.Engine, Algo: m.Algo, Dir: m.Direction, Size: m.Size, Threads: k.Threads,
					KBps: make([]float64, len(rs)), samples: make([][]float64, len(rs)), hosts: make([]stats.Host, len(rs))})
			}
			rows[i].KBps[h] = m.KBps
			rows[i].samples[h] = m.SamplesKBps
			rows[i].hosts[h] = hosts[h][m.Engine]
		}
	}
	drift := make([]*stats.Ratio, len(rs)) // once a host, not once a cell
	for h := 1; h < len(rs); h++ {
		drift[h] = driftOf(rs[0], rs[h])
	}
	for i := range rows {
		r := &rows[i]
		r.Ratios, r.RatioStats = baseRatios(r.KBps, func(h int) stats.Ratio {
			return compareRuns(rs[0].PairedWith(rs[h]), r.samples[0], r.samples[h], r.hosts[0], r.hosts[h], drift[h]) // the baseline's kB/s over h's
		})
	}
	slices.SortStableFunc(rows, func(a, b CompRow) int {
		return cmp.Or(
			cmp.Compare(algoRank(a.Algo), algoRank(b.Algo)),
			strings.Compare(a.Algo, b.Algo),
			strings.Compare(string(a.Dir), string(b.Dir))*-1, // encrypt before decrypt
			strings.Compare(string(a.Engine), string(b.Engine)),
			cmp.Compare(a.Threads, b.Threads),
			cmp.Compare(a.Size, b.Size),
		)
	})
	return rows
}

// compareRuns compares the baseline's samples a of a cell (or a file)
// with another host's b: round by round when the two were paired (the
// sides of one same-host A/B run) with as many samples; as separate runs
// otherwise, their rerun intervals against their runs' host factors ha
// and hb (the zero stats.Host for files), held against how far the host
// itself moved between them when drift, driftOf the two, is not nil
// (Ratio.BeyondDrift).
func compareRuns(paired bool, a, b []float64, ha, hb stats.Host, drift *stats.Ratio) stats.Ratio {
	if paired && len(a) == len(b) {
		return stats.ComparePaired(a, b)
	}
	r := stats.CompareRunsOn(a, b, ha, hb)
	if drift != nil {
		r = r.BeyondDrift(*drift)
	}
	return r
}

// driftOf is base's ADD chain over other's (HostMoved), the ratio a
// drift of the host alone would give a cell of base over other; nil when
// there is no such test.
func driftOf(base, other *result.Results) *stats.Ratio {
	if d, ok := HostMoved(other, base); ok {
		return &d
	}
	return nil
}

// baseRatios returns how many times faster the first host (vals[0]) is
// than each other host h, and how sure that is, by compare(h); 0 and no
// test where either was not measured.
func baseRatios(vals []float64, compare func(h int) stats.Ratio) ([]float64, []RatioStat) {
	ratios, st := make([]float64, len(vals)-1), make([]RatioStat, len(vals)-1)
	for h, x := range vals[1:] {
		if vals[0] <= 0 || x <= 0 {
			st[h] = RatioStat{P: 1, Test: "none"}
			continue
		}
		r := compare(h + 1)
		ratios[h], st[h] = r.Ratio, ratioStat(r)
	}
	return ratios, st
}

func fileRows(rs []*result.Results) []FileRow {
	type key struct {
		engine      result.Engine
		algo        string
		bytes       int64
		cold, fsync bool
	}
	idx := map[key]int{}
	var rows []FileRow
	for h, r := range rs {
		for _, f := range r.Files {
			k := key{f.Engine, f.Algo, f.Bytes, f.Cold, f.Fsync}
			i, ok := idx[k]
			if !ok {
				i = len(rows)
				idx[k] = i
				rows = append(rows, FileRow{Engine: f.Engine, Algo: f.Algo, Bytes: f.Bytes, Cold: f.Cold, Fsync: f.Fsync,
					Seconds: make([]float64, len(rs)), samples: make([][]float64, len(rs))})
			}
			rows[i].Seconds[h] = f.Seconds
			rows[i].samples[h] = f.SamplesSeconds
		}
	}
	for i := range rows {
		r := &rows[i]
		r.Ratios, r.RatioStats = baseRatios(r.Seconds, func(h int) stats.Ratio {
			// h's seconds over the baseline's, paired when the files
			// were timed in rounds. Not held against the host's drift:
			// its ADD chain ran beside the cells, not the files.
			return compareRuns(rs[h].FilesPairedWith(rs[0]), r.samples[h], r.samples[0], stats.Host{}, stats.Host{}, nil)
		})
	}
	slices.SortStableFunc(rows, func(a, b FileRow) int {
		return cmp.Or(
			cmp.Compare(algoRank(a.Algo), algoRank(b.Algo)),
			strings.Compare(a.Algo, b.Algo),
			strings.Compare(string(a.Engine), string(b.Engine)),
			cmp.Compare(a.Bytes, b.Bytes),
		)
	})
	return rows
}

// RowLabel names a throughput row: the algorithm, " decrypt" for
// decryption, the engine when it is not Go's, and the threads when more
// than one.
func (r CompRow) RowLabel() string {
	return result.Key{Engine: r.Engine, Algo: r.Algo, Direction: r.Dir, Threads: r.Threads}.Row()
}

// RowLabel names a file workload: algorithm, engine when not Go's, the
// file size, and how it was timed.
func (f FileRow) RowLabel() string { return f.label(unit.FormatBytes(f.Bytes)) }

// label is the row's label with its file's size as size, or, when a
// table's title gives it (fileSize), size "", without.
func (f FileRow) label(size string) string {
	s := f.Algo
	if f.Engine != result.EngineGo {
		s += " (" + string(f.Engine) + ")"
	}
	if size != "" {
		s += ", " + size
	}
	if f.Cold {
		s += " cold"
	}
	if f.Fsync {
		s += " +fsync"
	}
	return s
}

// RatioHeader names ratio column i: "knight/padawan".
func (c *Comparison) RatioHeader(i int) string {
	return c.Hosts[0].Label + "/" + c.Hosts[i+1].Label
}
