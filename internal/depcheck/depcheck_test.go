// Package depcheck pins aesbench's import graph: which of its own packages
// each package may import, and which heavy dependencies a light package
// must never link. Imports flow one way, from the command down to the
// probe; a change that breaks the picture fails here, and the picture is
// changed here on purpose or not at all.
package depcheck

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/aesbench/aesbench/"

// allowed lists, for every package of the module, the module's packages
// it may import directly. A new package must be added here.
var allowed = map[string][]string{
	"internal/atomicfile": {"internal/regular"},
	"internal/regular":    nil,
	"internal/pdeath":     nil,
	"internal/testfs":     nil,
	"internal/textwrap":   nil,
	"internal/imdsmock":   nil,
	"internal/depcheck":   nil,
	"internal/repro":      {"bench", "bench/measure", "bench/result", "bench/stats", "report"},
	"cpuinfo":             {"internal/regular", "internal/textwrap"},
	"cpuinfo/ec2":         {"cpuinfo"},
	"cpuinfo/probe":       {"cpuinfo"},
	"bench/unit":          nil,
	"bench/stats":         nil,
	"bench/result":        {"bench/stats", "bench/unit", "cpuinfo", "internal/atomicfile", "internal/regular"},
	"bench":               {"bench/result", "bench/unit"},
	"bench/goengine":      {"bench", "bench/result", "bench/stats", "bench/unit", "cpuinfo"},
	"bench/openssl":       {"bench", "bench/result", "internal/pdeath"},
	"bench/filecrypt":     {"bench", "bench/openssl", "bench/result"},
	"bench/measure":       {"bench", "bench/filecrypt", "bench/goengine", "bench/openssl", "bench/result", "bench/stats", "cpuinfo", "cpuinfo/probe", "internal/pdeath"},
	"logs":                {"internal/atomicfile"},
	"report":              {"bench", "bench/result", "bench/stats", "bench/unit", "internal/textwrap"},
	"report/chart":        {"bench/result", "bench/unit", "internal/atomicfile", "report"},
	"cmd/aesbench": {"bench", "bench/filecrypt", "bench/goengine", "bench/measure", "bench/openssl", "bench/result",
		"bench/stats", "bench/unit", "cpuinfo", "cpuinfo/ec2", "cpuinfo/probe", "internal/textwrap", "logs", "report", "report/chart"},
	"scripts": nil,
}

// heavy are module path prefixes that light packages must not link, even
// indirectly: the AWS SDK (only the EC2 probe needs it), gonum/plot and
// its fonts (only charts), x/sys (the measuring engine's system calls).
var heavy = []string{"github.com/aws/", "gonum.org/", "golang.org/x/sys/"}

// light are packages whose whole dependency tree must stay free of heavy:
// the results schema that every reader of a results file links, and what
// it stands on.
var light = []string{"bench/result", "bench/stats", "bench/unit", "internal/atomicfile", "internal/regular", "internal/textwrap", "cpuinfo", "logs"}

func goList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		t.Fatalf("go list %v: %v", args, err)
	}
	return strings.Fields(string(out))
}

func TestImportGraph(t *testing.T) {
	for _, line := range goList(t, "-f", `{{.ImportPath}}|{{join .Imports ","}}`, module+"...") {
		pkg, imports, _ := strings.Cut(line, "|")
		name := strings.TrimPrefix(pkg, module)
		want, ok := allowed[name]
		if !ok {
			t.Errorf("%s is not in the allowed import graph: add it to allowed", name)
			continue
		}
		for _, imp := range strings.Split(imports, ",") {
			own, ok := strings.CutPrefix(imp, module)
			if ok && !slices.Contains(want, own) {
				t.Errorf("%s imports %s, which the graph does not allow", name, own)
			}
		}
	}
}

func TestLightPackagesLinkNothingHeavy(t *testing.T) {
	for _, name := range light {
		for _, dep := range goList(t, "-deps", module+name) {
			for _, h := range heavy {
				if strings.HasPrefix(dep, h) {
					t.Errorf("%s links %s (through its imports: go list -deps %s)", name, dep, module+name)
				}
			}
		}
	}
}

// TestChartsAndEC2OnlyInTheCommand keeps gonum/plot and the AWS SDK out
// of report and bench: a Go program that compares results or measures a
// host does not link them.
func TestChartsAndEC2OnlyInTheCommand(t *testing.T) {
	for _, name := range []string{"report", "bench/measure"} {
		for _, dep := range goList(t, "-deps", module+name) {
			if strings.HasPrefix(dep, "gonum.org/") || strings.HasPrefix(dep, "github.com/aws/") {
				t.Errorf("%s links %s", name, dep)
			}
		}
	}
}
