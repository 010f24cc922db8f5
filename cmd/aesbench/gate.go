package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/aesbench/aesbench/bench/unit"
	"github.com/aesbench/aesbench/cpuinfo"
)

func init() {
	register(command{name: "gate", short: "exit 0 only if the host has hardware AES and Go uses it (for scripts)", run: cmdGate})
}

// cmdGate judges this host (or a saved cpuinfo) and maps the verdict to an
// exit status: 0 pass, 1 fail or cannot tell (fails closed), 2 usage.
func cmdGate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gate", "gate [--require LIST] [--cpuinfo FILE] [--json] [--imds-endpoint URL]", stderr)
	requireList := fs.String("require", "", "features that must be present and usable, comma-separated\n(default aes,pclmulqdq on x86, aes,pmull on arm64); valid:\n"+joinWrap(cpuinfo.AllFeatureNames()))
	file := fs.String("cpuinfo", "", "judge a saved /proc/cpuinfo of an x86 or arm64 host (GODEBUG of this process then does not apply)")
	asJSON := fs.Bool("json", false, "print the verdict as JSON on stdout")
	endpoint := imdsFlag(fs)
	if help, err := parseFlags(fs, args, stdout); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("gate: unexpected argument %q", fs.Arg(0))
	}
	var require []string
	if fs.Changed("require") {
		var err error
		if require, err = parseRequire(*requireList); err != nil {
			return usagef("gate: --require: %w", err)
		}
	}
	r, err := probeHost(*file)
	if err != nil {
		return fmt.Errorf("gate: cannot judge: %w", err)
	}
	addEC2(ctx, r, *endpoint, stderr)
	v, err := r.Check(require)
	if err != nil {
		return usagef("gate: --require: %w", err) // unreachable: names checked above
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(gateJSON{Verdict: v, Source: r.Source, Arch: r.Arch, Model: r.Model, GODEBUG: r.GODEBUG, EC2: r.EC2}); err != nil {
			return err
		}
	} else if v.OK {
		line := fmt.Sprintf("pass: hardware AES (%s) on %s", strings.Join(v.Require, ", "), describeHost(r))
		for _, n := range v.Notes {
			line += "; " + n
		}
		fmt.Fprintln(stdout, line)
	}
	if v.OK {
		return nil
	}
	line := fmt.Sprintf("fail: %s (%s)", strings.Join(v.Reasons, "; "), describeHost(r))
	for _, n := range v.Notes { // on the line, as a pass has them: one line a verdict
		line += "; " + n
	}
	fmt.Fprintf(stderr, "aesbench: gate: %s\n", line)
	return exitStatus{code: 1, quiet: true}
}

// gateJSON is the verdict with the host it is about.
type gateJSON struct {
	cpuinfo.Verdict
	Source  string           `json:"source"`
	Arch    string           `json:"arch"`
	Model   string           `json:"model"`
	GODEBUG string           `json:"godebug"`
	EC2     *cpuinfo.EC2Info `json:"ec2,omitempty"`
}

// describeHost names the judged host in one phrase.
func describeHost(r *cpuinfo.Report) string {
	s := r.Source
	if r.Model != "" {
		s += ", " + r.Model
	}
	if r.EC2 != nil && r.EC2.InstanceType != "" {
		s += ", EC2 " + r.EC2.InstanceType
	}
	return s
}

// parseRequire splits a comma-separated list of feature names, checking
// each: an empty list, an empty item ("aes,$X" with X unset would drop a
// requirement, and pass a host it should refuse) or an unknown name is
// an error.
func parseRequire(list string) ([]string, error) {
	items, err := unit.SplitList(list)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range items {
		n := strings.ToLower(f)
		if _, err := (cpuinfo.Features{}).Has(n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no feature names in %q", list)
	}
	return out, nil
}
