package openssl

import "context"

// Probe is what aesbench probe says about an openssl binary.
type Probe struct {
	Path      string `json:"path,omitempty"`    // "" when none was found
	Version   string `json:"version,omitempty"` // first line of openssl version -a
	CPUInfo   string `json:"cpuinfo,omitempty"` // its CPUINFO line; "" before 1.1.1
	AESNI     *bool  `json:"aesni,omitempty"`   // bit 57 of the first OPENSSL_ia32cap word; nil when unknown
	PCLMULQDQ *bool  `json:"pclmulqdq,omitempty"`
	Error     string `json:"error,omitempty"` // why the rest is missing
}

// Inspect finds the openssl binary path ("" for the one on PATH) and asks
// it, through the CPUINFO line of openssl version -a, whether it uses
// AES-NI.
func Inspect(ctx context.Context, path string) *Probe {
	found, err := Find(path)
	if err != nil {
		return &Probe{Error: "no openssl on PATH"}
	}
	p := &Probe{Path: found}
	info, err := Version(ctx, found, nil)
	if err != nil {
		p.Error = err.Error()
		return p
	}
	p.Version, p.CPUInfo = info.Version, info.CPUInfo
	if caps, err := ParseCPUInfo(info.CPUInfo); err == nil {
		p.AESNI, p.PCLMULQDQ = &caps.AESNI, &caps.PCLMULQDQ
	}
	return p
}
