package cpuinfo

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/aesbench/aesbench/internal/textwrap"
)

// yesNo writes a feature state for people.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// Summary is the probe in one line, for the top of a run's stderr.
func (r *Report) Summary() string {
	v, _ := r.Check(nil)
	s := fmt.Sprintf("%s, %s, %d CPUs", orUnknown(r.Model), orUnknown(r.Arch), r.LogicalCPUs)
	if r.Hypervisor != "" {
		s += ", VM (" + r.Hypervisor + ")"
	}
	if r.EC2 != nil {
		s += ", EC2 " + orUnknown(r.EC2.InstanceType) + " in " + orUnknown(r.EC2.AvailabilityZone)
	}
	switch {
	case !v.OK && r.IsThisHost() && len(r.Go.Masked) > 0 && len(v.Require) > 0 && len(r.lacking(v.Require)) == 0:
		// The CPU has it and GODEBUG turns it off (run --no-aesni): say
		// masked, as compare does, not "no", as of a host without it.
		s += "; hardware AES: masked: " + strings.Join(v.Reasons, "; ")
	default:
		s += "; " + v.String()
	}
	if r.IsThisHost() && v.OK {
		s += "; " + r.Go.Reason
	}
	return s
}

// TextWidth is the most columns WriteText's prose takes (its notes and
// verdict): an 80-column terminal's, less one.
const TextWidth = 79

// WriteText prints the report for a person and ends with the verdict:
// WriteRows, then WriteVerdict.
func (r *Report) WriteText(w io.Writer) error {
	if err := r.WriteRows(w); err != nil {
		return err
	}
	return r.WriteVerdict(w)
}

// RowNameWidth is how wide WriteRows's column of names is, for rows a
// caller adds below them ("family/model/stepping" and two spaces).
const RowNameWidth = len("family/model/stepping  ")

// WriteRows prints the report's rows, a name and a value each: the CPU,
// its features, and Go's use of them on this host.
func (r *Report) WriteRows(w io.Writer) error {
	tw := tabwriter.NewWriter(w, RowNameWidth, 0, 2, ' ', 0)
	row := func(k, v string) { fmt.Fprintf(tw, "%s\t%s\n", k, v) }
	row("source", r.Source)
	row("model", orUnknown(r.Model))
	row("vendor", orUnknown(r.Vendor))
	row("arch", orUnknown(r.Arch))
	if r.Family >= 0 {
		row("family/model/stepping", fmt.Sprintf("%d/%d/%d", r.Family, r.ModelID, r.Stepping))
	}
	hv := r.Hypervisor
	switch hv {
	case "":
		hv = "none seen"
	case "unknown":
		hv = "yes, of unknown make"
	}
	row("hypervisor", hv)
	row("logical CPUs", fmt.Sprint(r.LogicalCPUs))
	if e := r.EC2; e != nil {
		row("instance type", orUnknown(e.InstanceType))
		row("instance id", orUnknown(e.InstanceID))
		row("zone", fmt.Sprintf("%s (region %s)", orUnknown(e.AvailabilityZone), orUnknown(e.Region)))
		row("ami id", orUnknown(e.AMIID))
	}
	for _, n := range FeatureNames(r.Arch) {
		has, _ := r.Features.Has(n)
		state := yesNo(has)
		if r.OSFeatures != nil {
			osHas, _ := r.OSFeatures.Has(n)
			if osHas != has {
				state += fmt.Sprintf(" (CPUID), %s (/proc/cpuinfo)", yesNo(osHas))
			}
		}
		row("  "+n, state)
	}
	if r.IsThisHost() {
		godebug := r.GODEBUG
		if godebug == "" {
			godebug = "(not set)"
		}
		row("GODEBUG", godebug)
		row("Go hardware AES", yesNo(r.Go.HardwareAES))
		row("Go hardware GCM", yesNo(r.Go.HardwareGCM))
	}
	return tw.Flush()
}

// WriteVerdict prints where CPUID and /proc/cpuinfo disagree, if they
// do, and the verdict: whether the host has hardware AES, and on this
// host whether Go uses it.
func (r *Report) WriteVerdict(w io.Writer) error {
	for _, d := range r.Disagree {
		fmt.Fprintf(w, "note: %s\n", textwrap.Hanging(d, len("note: "), TextWidth))
	}
	v, _ := r.Check(nil)
	verdict := v.String()
	if r.IsThisHost() && v.OK {
		verdict += "; " + r.Go.Reason
	}
	_, err := fmt.Fprintln(w, textwrap.Hanging(strings.ToUpper(verdict[:1])+verdict[1:], 0, TextWidth))
	return err
}
