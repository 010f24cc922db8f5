// Package textwrap breaks text into lines for an 80- or 100-column
// terminal, for every command's prose: help, warnings, the probe's notes
// and compare's advice. It is one loop (Lines) over words that its
// splitters keep together where a break would mislead: a synopsis's
// bracketed groups (Synopsis) and a figure's interval (Prose).
package textwrap
