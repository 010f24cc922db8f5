package openssl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/aesbench/aesbench/bench"
)

// SpeedOutput is what a saved run of openssl speed says about the
// symmetric ciphers and digests it measured.
//
// ParseSpeed reads both layouts openssl speed prints, from OpenSSL 1.0.x
// to 3.x:
//   - the human table: a "type 16 bytes 64 bytes ..." header (five size
//     columns up to 1.0.x, six from 1.1.0, one with -bytes) and a row per
//     algorithm whose figures are in 1000s of bytes per second, usually
//     with a "k" suffix;
//   - the machine-readable layout of -mr: a "+H:16:64:..." line of sizes
//     and a "+F:n:name:v1:v2..." line per algorithm whose figures are in
//     bytes per second.
//
// The "Doing ..." progress lines, "+DT"/"+R" lines and the tables of
// public-key operations are skipped.
type SpeedOutput struct {
	Version  string     // "OpenSSL 1.0.1e 11 Feb 2013", or "3.0.19" from a "version:" line; "" when not printed (-mr prints none)
	CPUInfo  string     // the "CPUINFO: OPENSSL_ia32cap=..." value; "" when not printed (before 1.1.1)
	Threads  int        // processes of openssl speed -multi, counted by its "Forked child" lines (figures are then their aggregate); 1 otherwise
	Reported int        // of those, how many sent their figures ("Got: +F:... from N" lines, each child counted once); 0 without -multi
	Rows     []SpeedRow // in the order printed
}

// SpeedRow is one algorithm's line of figures.
type SpeedRow struct {
	Name  string    // as openssl printed it, e.g. "aes-256 cbc"
	Algo  string    // see Algo
	Sizes []int     // message bytes, one per figure
	KBps  []float64 // 1000s of bytes per second
}

// ErrNotSpeed is wrapped by ParseSpeed for input that holds no figures of
// openssl speed.
var ErrNotSpeed = errors.New("not openssl speed output")

// maxSpeedLine bounds a line of input; compiler lines can be long.
const maxSpeedLine = 1 << 20

// ParseSpeed reads saved output of openssl speed.
func ParseSpeed(r io.Reader) (*SpeedOutput, error) {
	out := &SpeedOutput{}
	var sizes []int       // the current table's columns: from "type" or "+H"
	var reported []string // the -multi children whose figures came
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxSpeedLine)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "Doing "):
		case strings.HasPrefix(line, "Forked child "):
			out.Threads++
		case strings.HasPrefix(line, "Got: "):
			// -multi: a child's own line, "Got: +H:16 from 0". Its
			// figures (+F) are not the total, but its sizes are those
			// of the total that follows, which may come without a
			// header of its own.
			if f, ok := strings.CutPrefix(line, "Got: +F:"); ok {
				// A child that died sends nothing, and openssl sums the
				// others' and exits 0 (seen with 3.0.19 here).
				if _, from, ok := strings.Cut(f, " from "); ok && !slices.Contains(reported, from) {
					reported = append(reported, from)
				}
			}
			if h, ok := strings.CutPrefix(line, "Got: +H:"); ok {
				h, _, _ = strings.Cut(h, " from ")
				s, err := parseSizeList(strings.Split(h, ":"))
				if err != nil {
					return nil, fmt.Errorf("%q: %w", line, err)
				}
				sizes = s
			}
		case strings.HasPrefix(line, "+H:"):
			s, err := parseSizeList(strings.Split(line[len("+H:"):], ":"))
			if err != nil {
				return nil, fmt.Errorf("%q: %w", line, err)
			}
			sizes = s
		case strings.HasPrefix(line, "+F:"):
			row, err := parseMRRow(line, sizes)
			if err != nil {
				return nil, err
			}
			out.Rows = append(out.Rows, row)
		case strings.HasPrefix(line, "+"):
			// +DT, +R, and +F2 and later (public-key figures).
		case strings.HasPrefix(line, "version:"):
			out.Version = strings.TrimSpace(strings.TrimPrefix(line, "version:"))
		case strings.HasPrefix(line, "OpenSSL ") && out.Version == "" && len(out.Rows) == 0:
			out.Version = line
		case strings.HasPrefix(line, "CPUINFO:"):
			out.CPUInfo = strings.TrimSpace(strings.TrimPrefix(line, "CPUINFO:"))
		case strings.HasPrefix(line, "type ") || line == "type":
			s, err := parseTypeHeader(line)
			if err != nil {
				return nil, err
			}
			sizes = s
		default:
			if row, ok := parseHumanRow(line, sizes); ok {
				out.Rows = append(out.Rows, row)
			} else if sizes != nil && !strings.Contains(line, ":") {
				// Another table (sign/s verify/s) or text ends this one.
				sizes = nil
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read openssl speed output: %w", err)
	}
	if len(out.Rows) == 0 {
		return nil, fmt.Errorf("%w: no \"type 16 bytes ...\" table or +H/+F lines of cipher figures", ErrNotSpeed)
	}
	out.Threads = max(out.Threads, 1)
	out.Reported = len(reported)
	return out, nil
}

func parseSizeList(fields []string) ([]int, error) {
	var sizes []int
	for _, f := range fields {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > bench.MaxSize {
			return nil, fmt.Errorf("%w: bad message size %q", ErrNotSpeed, f)
		}
		sizes = append(sizes, n)
	}
	if len(sizes) == 0 {
		return nil, fmt.Errorf("%w: no message sizes", ErrNotSpeed)
	}
	return sizes, nil
}

// parseTypeHeader reads "type 16 bytes 64 bytes ...".
func parseTypeHeader(line string) ([]int, error) {
	f := strings.Fields(line)[1:]
	if len(f) == 0 || len(f)%2 != 0 {
		return nil, fmt.Errorf("%w: bad table header %q", ErrNotSpeed, line)
	}
	var nums []string
	for i := 0; i < len(f); i += 2 {
		if f[i+1] != "bytes" {
			return nil, fmt.Errorf("%w: bad table header %q", ErrNotSpeed, line)
		}
		nums = append(nums, f[i])
	}
	return parseSizeList(nums)
}

// parseMRRow reads "+F:n:name:v1:v2..." (bytes per second).
func parseMRRow(line string, sizes []int) (SpeedRow, error) {
	f := strings.Split(line, ":")
	if sizes == nil {
		return SpeedRow{}, fmt.Errorf("%w: %q comes before any +H line of sizes", ErrNotSpeed, line)
	}
	if len(f) != 3+len(sizes) || strings.TrimSpace(f[2]) == "" {
		return SpeedRow{}, fmt.Errorf("%w: %q does not have the %d figures +H announced", ErrNotSpeed, line, len(sizes))
	}
	row := SpeedRow{Name: f[2], Sizes: sizes}
	row.Algo, _ = Algo(row.Name)
	for _, v := range f[3:] {
		x, err := parseFigure(v)
		if err != nil {
			return SpeedRow{}, fmt.Errorf("%w: %q: %w", ErrNotSpeed, line, err)
		}
		row.KBps = append(row.KBps, x/1000)
	}
	return row, nil
}

// parseHumanRow reads "aes-256 cbc  78683.14k  84171.71k ..." (1000s of
// bytes per second): the last len(sizes) fields are figures, the rest the
// name, which must hold no figure.
func parseHumanRow(line string, sizes []int) (SpeedRow, bool) {
	f := strings.Fields(line)
	if sizes == nil || len(f) <= len(sizes) {
		return SpeedRow{}, false
	}
	name, figs := f[:len(f)-len(sizes)], f[len(f)-len(sizes):]
	for _, n := range name {
		if _, err := parseFigure(strings.TrimSuffix(strings.TrimSuffix(n, "k"), "s")); err == nil {
			return SpeedRow{}, false
		}
	}
	row := SpeedRow{Name: strings.Join(name, " "), Sizes: sizes}
	row.Algo, _ = Algo(row.Name)
	for _, v := range figs {
		x, err := parseFigure(strings.TrimSuffix(v, "k"))
		if err != nil {
			return SpeedRow{}, false
		}
		row.KBps = append(row.KBps, x)
	}
	return row, true
}

// parseFigure reads a non-negative finite decimal.
func parseFigure(s string) (float64, error) {
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || x < 0 || x > 1e18 || x != x {
		return 0, fmt.Errorf("bad figure %q", s)
	}
	return x, nil
}
