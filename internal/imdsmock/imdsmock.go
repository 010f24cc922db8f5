// Package imdsmock runs AWS's EC2 metadata mock (ec2-metadata-mock, from
// github.com/aws/amazon-ec2-metadata-mock) on the loopback address for
// tests. The mock is a separate program, not a module dependency: CI
// installs it with go install; a test skips when it is absent.
package imdsmock

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Program is the mock's executable name.
const Program = "ec2-metadata-mock"

// Install is the command that installs the mock (the version the tests
// were written against).
const Install = "go install github.com/aws/amazon-ec2-metadata-mock/cmd/ec2-metadata-mock@v1.13.0"

// Defaults of the mock's instance identity document (v1.13.0).
const (
	InstanceType     = "m4.xlarge"
	InstanceID       = "i-1234567890abcdef0"
	AvailabilityZone = "us-east-1f"
	Region           = "us-east-1"
	AMIID            = "ami-0b69ea66ff7391e80"
)

// Find returns the mock's path on PATH or in $(go env GOPATH)/bin; "" when
// it is in neither.
func Find() string {
	if p, err := exec.LookPath(Program); err == nil {
		return p
	}
	gopath := os.Getenv("GOPATH")
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		gopath = string(bytes.TrimSpace(out))
	}
	for _, dir := range filepath.SplitList(gopath) {
		p := filepath.Join(dir, "bin", Program)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	return ""
}

// Start runs the mock with IMDSv2 only on a free port of 127.0.0.1, waits
// until the port answers, and stops it when the test ends. It returns the
// endpoint URL. The test is skipped when the mock is not installed.
func Start(t testing.TB) string {
	t.Helper()
	prog := Find()
	if prog == "" {
		t.Skipf("%s not found on PATH or in $(go env GOPATH)/bin; install it with: %s", Program, Install)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, port, _ := net.SplitHostPort(addr)

	dir := t.TempDir() // the mock looks for a config file in $HOME
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, prog, "--hostname", "127.0.0.1", "--port", port, "--imdsv2")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start %s: %v", Program, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cancel()
		<-exited
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return "http://" + addr
		}
		select {
		case err := <-exited:
			exited <- err // for the cleanup
			t.Fatalf("%s exited before answering on %s: %v\n%s", Program, addr, err, log.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not answer on %s within 15s\n%s", Program, addr, log.String())
		}
	}
}
