package textwrap

import "strings"

// Synopsis splits a command's synopsis at spaces, except inside
// brackets: "[--size N]" is one word.
func Synopsis(s string) []string {
	var out []string
	depth := 0
	for _, f := range strings.Fields(s) {
		if depth > 0 {
			out[len(out)-1] += " " + f
		} else {
			out = append(out, f)
		}
		depth += strings.Count(f, "[") - strings.Count(f, "]")
	}
	return out
}

// Prose splits a sentence as Synopsis does, and keeps an interval in
// brackets on the word of its figure and a figure in parentheses on the
// word of its name: "h04 (2.21x [2.18-2.24])" and "3.0% [0.7% to 5.1%]"
// are one word each, but a bracket of words is not glued to the one
// before it ("over X's), [low-high] its interval"). A comparison keeps
// its operator between its two sides ("(p >= 0.05;"), and a "~" stays
// with the word it marks.
func Prose(s string) []string {
	var out []string
	glue := false // the last word was "~" or an operator: this one joins it
	for _, w := range Synopsis(s) {
		figure := len(w) > 1 && w[0] == '(' && w[1] >= '0' && w[1] <= '9'
		symbol := strings.Trim(w, "<>=~") == ""
		interval := len(w) > 1 && w[0] == '[' && strings.IndexByte("0123456789+-", w[1]) >= 0
		if (glue || interval || figure || symbol && w != "~") && len(out) > 0 {
			out[len(out)-1] += " " + w
		} else {
			out = append(out, w)
		}
		glue = symbol
	}
	return out
}
