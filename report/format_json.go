package report

import (
	"encoding/json"
	"io"
)

// WriteCompareJSON prints the comparison model as indented JSON.
func WriteCompareJSON(w io.Writer, c *Comparison) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(c)
}
