package cpuinfo

// EC2Info is what the EC2 instance metadata service (IMDSv2) says of the
// instance. It is set only when the host is EC2 (or an endpoint was given)
// and the service answered; a field the document leaves out is "".
type EC2Info struct {
	InstanceType     string `json:"instance_type"`     // e.g. "m2.2xlarge"
	InstanceID       string `json:"instance_id"`       // e.g. "i-0123456789abcdef0"
	AvailabilityZone string `json:"availability_zone"` // e.g. "us-east-1a"
	Region           string `json:"region"`            // e.g. "us-east-1"
	AMIID            string `json:"ami_id"`            // e.g. "ami-0abcdef1234567890"
}
