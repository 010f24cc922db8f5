package ec2

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aesbench/aesbench/cpuinfo"
	"github.com/aesbench/aesbench/internal/imdsmock"
)

// dmiRoot makes a file system root whose DMI files hold the given values
// ("" leaves the file out).
func dmiRoot(t *testing.T, vendor, assetTag string) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "sys", "class", "dmi", "id")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]string{"sys_vendor": vendor, "board_asset_tag": assetTag} {
		if v == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(v+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestIsEC2(t *testing.T) {
	tests := []struct {
		name, vendor, tag string
		want              bool
	}{
		{"nitro", "Amazon EC2", "i-0123456789abcdef0", true},
		{"nitro-no-tag", "Amazon EC2", "", true},
		{"xen", "Xen", "i-0123456789abcdef0", true},
		{"qemu", "QEMU", "", false},
		{"amazon-not-ec2", "Amazon", "", false},
		{"tag-not-instance", "Dell Inc.", "ABC123", false},
		{"tag-i-in-middle", "Xen", "x-i-123", false},
		{"no-dmi", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsEC2(dmiRoot(t, tt.vendor, tt.tag)); got != tt.want {
				t.Errorf("IsEC2 = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestLookupNotEC2 checks that on a host that is not EC2, with no
// endpoint, nothing is read: the reader is never called.
func TestLookupNotEC2(t *testing.T) {
	t.Setenv(EndpointEnv, "")
	t.Setenv(disabledEnv, "")
	var calls atomic.Int32
	read := func(context.Context, string) (*cpuinfo.EC2Info, error) {
		calls.Add(1)
		return &cpuinfo.EC2Info{InstanceType: "x"}, nil
	}
	for _, root := range []string{dmiRoot(t, "QEMU", ""), dmiRoot(t, "", "")} {
		info, err := lookup(context.Background(), Endpoint(""), root, read)
		if info != nil || err != nil {
			t.Errorf("lookup = %v, %v; want nil, nil", info, err)
		}
	}
	if n := calls.Load(); n != 0 {
		t.Fatalf("metadata read %d times on a host that is not EC2", n)
	}
	// EC2 by DMI, or an endpoint given: read once each.
	lookup(context.Background(), "", dmiRoot(t, "Amazon EC2", ""), read)
	lookup(context.Background(), "http://127.0.0.1:1", dmiRoot(t, "QEMU", ""), read)
	t.Setenv(EndpointEnv, "http://127.0.0.1:1")
	lookup(context.Background(), Endpoint(""), dmiRoot(t, "QEMU", ""), read)
	if n := calls.Load(); n != 3 {
		t.Fatalf("metadata read %d times, want 3", n)
	}
	// AWS_EC2_METADATA_DISABLED=true wins over everything.
	t.Setenv(disabledEnv, "true")
	lookup(context.Background(), "http://127.0.0.1:1", dmiRoot(t, "Amazon EC2", ""), read)
	if n := calls.Load(); n != 3 {
		t.Fatalf("metadata read with %s=true", disabledEnv)
	}
}

// TestLookupNoConnection checks, with a real listener, that the public
// Lookup on a non-EC2 root opens no connection even when the SDK's
// endpoint variable could send it somewhere.
func TestLookupNoConnection(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var conns atomic.Int32
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			c.Close()
		}
	}()
	t.Setenv(EndpointEnv, "http://"+l.Addr().String()) // the SDK would read it
	t.Setenv(disabledEnv, "")
	info, err := Lookup(context.Background(), "", dmiRoot(t, "QEMU", ""))
	if info != nil || err != nil {
		t.Fatalf("Lookup = %v, %v; want nil, nil", info, err)
	}
	// The same listener does count a real read, so the check can fail.
	if _, err := Read(context.Background(), "http://"+l.Addr().String()); err == nil {
		t.Fatal("Read from a listener that closes connections succeeded")
	}
	time.Sleep(50 * time.Millisecond)
	if n := conns.Load(); n < 1 {
		t.Fatalf("listener saw %d connections after a real read; the check is blind", n)
	}
}

// TestReadTimeout checks that a metadata service that never finishes its
// answer (headers, then no body) costs at most about Timeout; one that
// sends no headers at all fails sooner (TestReadErrors).
func TestReadTimeout(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	held := make(chan net.Conn, 4)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			held <- c
			go func() { // headers at once, then never the body
				c.Read(make([]byte, 4096))
				io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
			}()
		}
	}()
	defer func() {
		for len(held) > 0 {
			(<-held).Close()
		}
	}()
	start := time.Now()
	_, err = Read(context.Background(), "http://"+l.Addr().String())
	took := time.Since(start)
	if want := "ec2 metadata at http://" + l.Addr().String() + ": no answer within 1s"; err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
	if took > Timeout+500*time.Millisecond {
		t.Fatalf("took %v, want about %v", took, Timeout)
	}
}

// TestReadMock reads the identity document from AWS's metadata mock
// running with IMDSv2 only.
func TestReadMock(t *testing.T) {
	endpoint := imdsmock.Start(t)
	info, err := Read(context.Background(), endpoint)
	if err != nil {
		t.Fatal(err)
	}
	want := cpuinfo.EC2Info{
		InstanceType:     imdsmock.InstanceType,
		InstanceID:       imdsmock.InstanceID,
		AvailabilityZone: imdsmock.AvailabilityZone,
		Region:           imdsmock.Region,
		AMIID:            imdsmock.AMIID,
	}
	if *info != want {
		t.Fatalf("Read = %+v, want %+v", *info, want)
	}
	// Through Lookup with the endpoint variable, on a non-EC2 root.
	t.Setenv(EndpointEnv, endpoint)
	t.Setenv(disabledEnv, "")
	info, err = Lookup(context.Background(), Endpoint(""), dmiRoot(t, "QEMU", ""))
	if err != nil || info == nil || info.InstanceType != imdsmock.InstanceType {
		t.Fatalf("Lookup with %s = %+v, %v", EndpointEnv, info, err)
	}
}

// TestReadErrors: a read that fails says so in one short line, the
// endpoint and why, not the SDK's chain of operations, and still wraps
// the SDK's error.
func TestReadErrors(t *testing.T) {
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + closed.Addr().String()
	closed.Close()
	forbidden := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusForbidden)
	}))
	defer forbidden.Close()
	// An endpoint that takes the request and never answers it in time,
	// as a token request dropped by its hop limit (in a container): the
	// headers' timeout of the SDK's own client says so at 500 ms, before
	// the whole read's second is up.
	stop := make(chan struct{})
	mute := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stop:
		case <-r.Context().Done():
		}
	}))
	defer mute.Close()
	defer close(stop)
	for _, tt := range []struct {
		endpoint, want string
		prefix         bool // the rest is the system's wording
	}{
		{refused, "ec2 metadata at " + refused + ": no answer: dial tcp " + refused[len("http://"):] + ": ", true},
		{forbidden.URL, "ec2 metadata at " + forbidden.URL + ": answered HTTP 403 Forbidden", false},
		{mute.URL, "ec2 metadata at " + mute.URL + ": no answer: net/http: timeout awaiting response headers", false},
	} {
		_, err := Read(context.Background(), tt.endpoint)
		if err == nil || err.Error() != tt.want && !(tt.prefix && strings.HasPrefix(err.Error(), tt.want)) {
			t.Errorf("Read(%s) = %v, want %q", tt.endpoint, err, tt.want)
		}
		if inner := errors.Unwrap(err); inner == nil || !strings.Contains(inner.Error(), "GetInstanceIdentityDocument") {
			t.Errorf("Read(%s) = %v, which does not wrap the SDK's error", tt.endpoint, err)
		}
	}
}
