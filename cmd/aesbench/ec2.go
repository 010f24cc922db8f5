package main

import (
	"context"
	"fmt"
	"io"

	"github.com/aesbench/aesbench/cpuinfo"
	"github.com/aesbench/aesbench/cpuinfo/ec2"
	"github.com/spf13/pflag"
)

// imdsFlag adds --imds-endpoint to a command that probes this host.
func imdsFlag(fs *pflag.FlagSet) *string {
	return fs.String("imds-endpoint", "", "EC2 instance metadata endpoint to read (default: the EC2 address, and only on EC2;\n$"+ec2.EndpointEnv+" also sets it)")
}

// addEC2 puts the instance metadata into a report of this host when the
// host is EC2 or an endpoint is given. The probe does not depend on it: a
// metadata service that does not answer is a warning on stderr.
func addEC2(ctx context.Context, r *cpuinfo.Report, endpointFlag string, stderr io.Writer) {
	if !r.IsThisHost() {
		return
	}
	info, err := ec2.Lookup(ctx, ec2.Endpoint(endpointFlag), "")
	if err != nil {
		fmt.Fprintf(stderr, "aesbench: warning: %v\n", err)
		return
	}
	r.EC2 = info
}
