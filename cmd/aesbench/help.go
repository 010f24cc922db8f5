package main

import "strings"

// joinWrap lists names for a flag's help, a few to a line.
func joinWrap(names []string) string {
	var b strings.Builder
	for i, n := range names {
		switch {
		case i == 0:
		case i%5 == 0:
			b.WriteString(",\n")
		default:
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return b.String()
}
