package cpuinfo

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestEC2Text checks that the EC2 metadata shows in the summary and the
// text report, and that a report without it shows no EC2 rows.
func TestEC2Text(t *testing.T) {
	r, err := FromFile(filepath.Join("testdata", "knight.cpuinfo"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if s := r.Summary(); strings.Contains(s, "EC2") || strings.Contains(b.String(), "instance type") {
		t.Fatalf("EC2 shown without metadata:\n%s\n%s", s, b.String())
	}
	r.EC2 = &EC2Info{InstanceType: "m2.2xlarge", InstanceID: "i-0abc", AvailabilityZone: "us-east-1a", Region: "us-east-1"}
	if s := r.Summary(); !strings.Contains(s, ", EC2 m2.2xlarge in us-east-1a;") {
		t.Errorf("summary %q lacks the instance", s)
	}
	b.Reset()
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(b.String(), "\n") {
		if k, v, ok := strings.Cut(line, "  "); ok {
			rows[k] = strings.TrimSpace(v)
		}
	}
	for k, want := range map[string]string{"instance type": "m2.2xlarge", "instance id": "i-0abc", "zone": "us-east-1a (region us-east-1)", "ami id": "unknown"} {
		if rows[k] != want {
			t.Errorf("row %q = %q, want %q:\n%s", k, rows[k], want, b.String())
		}
	}
}
