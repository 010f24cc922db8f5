package bench

import "testing"

func TestParseAlgosAndSizes(t *testing.T) {
	as, err := ParseAlgos("AES-256-GCM, des-ede3-cbc,3des-cbc")
	if err != nil || len(as) != 2 || as[0].Name != "aes-256-gcm" || as[1].Name != "3des-cbc" {
		t.Fatalf("ParseAlgos = %v, %v", as, err)
	}
	if as, err := ParseAlgos("all"); err != nil || len(as) != len(AlgorithmNames()) {
		t.Fatalf("ParseAlgos(all) = %d algorithms, %v", len(as), err)
	}
	for _, bad := range []string{"", ",", "rc4", "aes-128-gcm,", "aes-128-gcm,,3des-cbc"} {
		if _, err := ParseAlgos(bad); err == nil {
			t.Errorf("ParseAlgos(%q) succeeded", bad)
		}
	}
	ss, err := ParseSizes("16,1k,16,64MiB")
	if err != nil || len(ss) != 3 || ss[1] != 1024 || ss[2] != MaxSize {
		t.Fatalf("ParseSizes = %v, %v", ss, err)
	}
	for _, bad := range []string{"", "0", "65MiB", "x", "16,,64", "16,", ","} {
		if _, err := ParseSizes(bad); err == nil {
			t.Errorf("ParseSizes(%q) succeeded", bad)
		}
	}
}
