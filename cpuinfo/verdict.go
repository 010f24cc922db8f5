package cpuinfo

import (
	"fmt"
	"slices"
	"strings"
)

// DefaultRequirement is what "hardware AES" means for arch: the AES
// instructions and the carry-less multiply that AES-GCM needs. Unknown
// architectures have no requirement that could be met.
func DefaultRequirement(arch string) []string {
	switch arch {
	case "amd64":
		return []string{"aes", "pclmulqdq"}
	case "arm64":
		return []string{"aes", "pmull"}
	}
	return nil
}

// Verdict is the answer to "does this host get hardware AES?".
type Verdict struct {
	OK      bool     `json:"ok"`
	Require []string `json:"require"`
	Reasons []string `json:"reasons,omitempty"` // why not; empty when OK
	Notes   []string `json:"notes,omitempty"`   // what the verdict did not consider (e.g. GODEBUG for a saved file)
}

// String gives the verdict as one line for a person.
func (v Verdict) String() string {
	if v.OK {
		return "hardware AES: yes (" + strings.Join(v.Require, ", ") + ")"
	}
	return "hardware AES: no: " + strings.Join(v.Reasons, "; ")
}

// Check judges the report against the required features (nil: the
// default for its architecture). It fails closed: an unknown architecture
// or a report with no features is a "no". An unknown feature name is an
// error. Whatever the list, Go must also be able to use hardware AES (the
// features its AES code needs, goNeeds); on this host GODEBUG must not turn
// off a required feature or one that Go's AES needs. A saved file is
// judged from its flags alone, and the verdict notes that.
func (r *Report) Check(require []string) (Verdict, error) {
	for _, n := range require {
		if _, err := r.Features.Has(n); err != nil {
			return Verdict{}, err
		}
	}
	if require == nil {
		require = DefaultRequirement(r.Arch)
	}
	v := Verdict{Require: require}
	if r.Arch != "amd64" && r.Arch != "arm64" {
		v.Reasons = append(v.Reasons, fmt.Sprintf("cannot judge architecture %s", quoteOr(r.Arch, "unknown")))
		return v, nil
	}
	missing := r.lacking(require)
	if len(missing) > 0 {
		v.Reasons = append(v.Reasons, "the CPU lacks "+strings.Join(missing, ", "))
	}
	if !r.IsThisHost() {
		v.Notes = append(v.Notes, "judged from the saved flags alone: this process's GODEBUG does not apply to that host")
	}
	var masked []string // required, or needed by Go's AES, and turned off
	for _, n := range r.Go.Masked {
		if slices.Contains(require, n) || slices.Contains(goNeeds[r.Arch].gcm, n) {
			masked = append(masked, n)
		}
	}
	if r.IsThisHost() && len(masked) > 0 {
		v.Reasons = append(v.Reasons, "GODEBUG="+r.GODEBUG+" turns off "+strings.Join(masked, ", ")+" for Go")
	} else if !r.Go.HardwareAES && len(missing) == 0 {
		v.Reasons = append(v.Reasons, "Go will not use hardware AES: "+r.Go.Reason)
	}
	v.OK = len(v.Reasons) == 0
	return v, nil
}

// lacking returns the features of names the CPU does not have.
func (r *Report) lacking(names []string) []string {
	var missing []string
	for _, n := range names {
		if has, _ := r.Features.Has(n); !has {
			missing = append(missing, n)
		}
	}
	return missing
}
