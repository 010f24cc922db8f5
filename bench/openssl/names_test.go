package openssl

import (
	"fmt"
	"testing"

	"github.com/aesbench/aesbench/bench"
)

func TestAlgoFromOpenSSL(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"aes-256 cbc", "aes-256-cbc", true}, // 1.0.x and 1.1.x, without -evp
		{"aes-256-cbc", "aes-256-cbc", true}, // -evp before 3.0
		{"AES-256-CBC", "aes-256-cbc", true}, // 3.x
		{"des ede3", "3des-cbc", true},       // 1.x, without -evp
		{"des-ede3", "3des-cbc", true},       // 3.x, without -evp
		{"DES-EDE3-CBC", "3des-cbc", true},   // 3.x -evp
		{"AES-256-GCM", "aes-256-gcm", true}, //
		{"ChaCha20-Poly1305", "chacha20-poly1305", true},
		{"AES-256-XTS", "aes-256-xts", true},
		{"rc4", "rc4", false},
		{"camellia-128 cbc", "camellia-128-cbc", false},
		{"hmac(md5)", "hmac(md5)", false},
	}
	for _, tt := range tests {
		got, ok := Algo(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Algo(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// Every algorithm of the suite survives the trip to openssl's name and back.
func TestOpenSSLCipherRoundTrip(t *testing.T) {
	for _, a := range bench.Algorithms() {
		back, ok := Algo(Cipher(a))
		if !ok || back != a.Name {
			t.Errorf("%s -> %s -> %s, %v", a.Name, Cipher(a), back, ok)
		}
	}
}

func ExampleAlgo() {
	for _, name := range []string{"aes-256 cbc", "des ede3", "DES-EDE3-CBC", "rc4"} {
		algo, ok := Algo(name)
		fmt.Println(name, "->", algo, ok)
	}
	// Output:
	// aes-256 cbc -> aes-256-cbc true
	// des ede3 -> 3des-cbc true
	// DES-EDE3-CBC -> 3des-cbc true
	// rc4 -> rc4 false
}
