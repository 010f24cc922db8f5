package result

import "testing"

// TestParseEngines: names in any case and spacing, repeats dropped; an
// empty item ("go,$X" with X unset) is an error, not go alone.
func TestParseEngines(t *testing.T) {
	got, err := ParseEngines(" Go , openssl,go")
	if err != nil || len(got) != 2 || got[0] != EngineGo || got[1] != EngineOpenSSL {
		t.Fatalf("ParseEngines = %v, %v", got, err)
	}
	for _, bad := range []string{"", " ", "go,", ",openssl", "go,,openssl", "boringssl"} {
		if got, err := ParseEngines(bad); err == nil {
			t.Errorf("ParseEngines(%q) = %v, want an error", bad, got)
		}
	}
}
