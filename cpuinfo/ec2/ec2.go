// Package ec2 reads the EC2 instance metadata service (IMDSv2) for the
// probe: instance type, id, availability zone, region and AMI. It is kept
// apart from cpuinfo so that readers of a probe (the results schema among
// them) do not link the AWS SDK; only commands that probe this host import
// it.
package ec2

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"

	"github.com/aesbench/aesbench/cpuinfo"
)

// EndpointEnv names the environment variable that points the metadata
// client at another endpoint (the AWS SDKs' own name for it).
const EndpointEnv = "AWS_EC2_METADATA_SERVICE_ENDPOINT"

// disabledEnv, set to "true", turns the metadata client off (AWS SDKs' name).
const disabledEnv = "AWS_EC2_METADATA_DISABLED"

// Timeout bounds the whole metadata read: token and identity document.
const Timeout = time.Second

// IsEC2 reports whether the DMI data under root (a file system root: "" or
// "/" for this host; a test directory otherwise) says the machine is an EC2
// instance: sys_vendor "Amazon EC2" (Nitro) or a board asset tag that is an
// instance id (Xen-based instances). It reads only local files.
func IsEC2(root string) bool {
	if root == "" {
		root = "/"
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(root, "sys", "class", "dmi", "id", name))
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(b))
	}
	return read("sys_vendor") == "Amazon EC2" || strings.HasPrefix(read("board_asset_tag"), "i-")
}

// Endpoint returns the metadata endpoint to use: flag when set, else the
// AWS_EC2_METADATA_SERVICE_ENDPOINT environment variable; "" for neither.
func Endpoint(flag string) string {
	if flag != "" {
		return flag
	}
	return os.Getenv(EndpointEnv)
}

// Lookup reads the instance metadata when the host is EC2 by its DMI
// data under dmiRoot, or when endpoint is given; otherwise it contacts
// nothing and returns nil, nil. AWS_EC2_METADATA_DISABLED=true also means
// nil, nil.
func Lookup(ctx context.Context, endpoint, dmiRoot string) (*cpuinfo.EC2Info, error) {
	return lookup(ctx, endpoint, dmiRoot, Read)
}

func lookup(ctx context.Context, endpoint, dmiRoot string, read func(context.Context, string) (*cpuinfo.EC2Info, error)) (*cpuinfo.EC2Info, error) {
	if strings.EqualFold(os.Getenv(disabledEnv), "true") {
		return nil, nil
	}
	if endpoint == "" && !IsEC2(dmiRoot) {
		return nil, nil
	}
	return read(ctx, endpoint)
}

// Read reads the instance identity document over IMDSv2 (no fallback
// to IMDSv1, no retries) from endpoint ("" for the EC2 default address),
// within Timeout. Callers check IsEC2 first: see Lookup.
func Read(ctx context.Context, endpoint string) (*cpuinfo.EC2Info, error) {
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	// The SDK's own fast failure, which a client of our own replaces:
	// its dial timeout of 250 ms, and 500 ms for the answer's headers (a
	// token request whose hop limit drops it, in a container, waits so
	// long and no longer).
	rec := &recorder{c: awshttp.NewBuildableClient().WithDialerOptions(func(d *net.Dialer) {
		d.Timeout = Timeout / 4
	}).WithTransportOptions(func(tr *http.Transport) {
		tr.ResponseHeaderTimeout = Timeout / 2
	})}
	c := imds.New(imds.Options{
		Endpoint:       endpoint,
		Retryer:        aws.NopRetryer{},
		EnableFallback: aws.FalseTernary,
		HTTPClient:     rec,
	})
	out, err := c.GetInstanceIdentityDocument(ctx, &imds.GetInstanceIdentityDocumentInput{})
	if err != nil {
		return nil, &readError{where: where(endpoint), why: rec.why(ctx, err), err: err}
	}
	d := out.InstanceIdentityDocument
	if d.InstanceType == "" && d.InstanceID == "" {
		return nil, fmt.Errorf("ec2 metadata at %s: identity document names no instance", where(endpoint))
	}
	return &cpuinfo.EC2Info{
		InstanceType:     d.InstanceType,
		InstanceID:       d.InstanceID,
		AvailabilityZone: d.AvailabilityZone,
		Region:           d.Region,
		AMIID:            d.ImageID,
	}, nil
}

// defaultEndpoint is the SDK's address of the metadata service.
const defaultEndpoint = "http://169.254.169.254"

// where names the endpoint read: the default address for "".
func where(endpoint string) string {
	if endpoint == "" {
		return defaultEndpoint
	}
	return endpoint
}

// readError is a failed read of the metadata: one short line, the
// endpoint and why, where the SDK's own error is a chain of operations
// ("operation error ec2imds: GetInstanceIdentityDocument, failed to get
// API token, operation error ec2imds: getToken, request send failed,
// Put ...") that fills three lines of a terminal. It unwraps to the
// SDK's error.
type readError struct {
	where, why string
	err        error
}

func (e *readError) Error() string { return "ec2 metadata at " + e.where + ": " + e.why }
func (e *readError) Unwrap() error { return e.err }

// recorder is the metadata client's HTTP client, which keeps what the
// last request met: the SDK's token error keeps only the text of it
// (its chain of errors ends there, unwrapping to nothing).
type recorder struct {
	c      imds.HTTPClient
	err    error // the last request's transport error; nil for none
	status int   // the last answer's HTTP status; 0 for none
}

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	resp, err := r.c.Do(req)
	r.err, r.status = err, 0
	if resp != nil {
		r.status = resp.StatusCode
	}
	return resp, err
}

// why says in a few words why the read failed with err: no answer
// within Timeout, the network's refusal, the status the service
// answered, or the SDK's error when it is none of these.
func (r *recorder) why(ctx context.Context, err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil:
		return fmt.Sprintf("no answer within %v", Timeout)
	case r.err != nil:
		var ue *url.Error
		if errors.As(r.err, &ue) {
			return "no answer: " + ue.Err.Error()
		}
		return "no answer: " + r.err.Error()
	case r.status >= 300:
		return fmt.Sprintf("answered HTTP %d %s", r.status, http.StatusText(r.status))
	}
	return err.Error()
}
