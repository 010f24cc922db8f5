package logs

import (
	"fmt"
	"strconv"
	"strings"
)

// Format is the layout of the log lines.
type Format int

const (
	// Combined is the NCSA combined log format of Apache and nginx:
	//
	//	host ident user [time] "method path protocol" status bytes "referer" "user-agent"
	//
	// with "-" for a missing user, referrer or user agent, and for a
	// response without a body.
	Combined Format = iota
	// JSON is one JSON object per line with the fields of Combined:
	// host, ident, user, time (ISO 8601), method, path, protocol, status,
	// bytes, referer, user_agent. A missing value is "" (bytes is 0).
	JSON
)

var formatNames = [...]string{Combined: "combined", JSON: "json"}

// String returns the name ParseFormat accepts, or "Format(n)" for a
// value that is not a format.
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "Format(" + strconv.Itoa(int(f)) + ")"
	}
	return formatNames[f]
}

// ParseFormat returns the format named s ("combined" or "json", in any
// case).
func ParseFormat(s string) (Format, error) {
	for f, name := range formatNames {
		if strings.EqualFold(s, name) {
			return Format(f), nil
		}
	}
	return 0, fmt.Errorf("unknown log format %q (valid: %s)", s, strings.Join(formatNames[:], ", "))
}
