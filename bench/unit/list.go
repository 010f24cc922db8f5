package unit

import (
	"fmt"
	"strings"
)

// SplitList splits a comma-separated list of flag values, each trimmed
// of spaces. A list of nothing but spaces and commas gives none, for the
// caller to say what was wanted; an empty item among others ("16,,64",
// "go,$X" with X unset) is an error, for it is more often a value lost
// than a wish for fewer.
func SplitList(list string) ([]string, error) {
	items := strings.Split(list, ",")
	empty := 0
	for i, s := range items {
		items[i] = strings.TrimSpace(s)
		if items[i] == "" {
			empty++
		}
	}
	switch empty {
	case 0:
		return items, nil
	case len(items):
		return nil, nil
	}
	return nil, fmt.Errorf("%q: an empty item between commas", list)
}
