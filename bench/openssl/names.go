package openssl

import (
	"strings"

	"github.com/aesbench/aesbench/bench"
)

// opensslCiphers maps aesbench's names to the EVP cipher names of openssl
// speed -evp where they differ. The others are the same in both.
var opensslCiphers = map[string]string{
	"3des-cbc": "des-ede3-cbc",
}

// Cipher returns the name openssl speed -evp knows algorithm a by,
// e.g. "des-ede3-cbc" for 3des-cbc.
func Cipher(a *bench.Algorithm) string {
	if n, ok := opensslCiphers[a.Name]; ok {
		return n
	}
	return a.Name
}

// Algo maps a name printed by openssl speed, of any version
// ("aes-256 cbc", "AES-256-CBC", "des ede3", "DES-EDE3-CBC"), to
// aesbench's name for the algorithm when it is one of the suite. Any other
// name is returned lowercased with its spaces turned into dashes ("rc4",
// "camellia-128-cbc", "sha256"), so that nothing is dropped; ok reports
// whether the name is one of the suite.
func Algo(name string) (algo string, ok bool) {
	n := strings.Join(strings.Fields(strings.ToLower(name)), "-")
	if a, err := bench.Lookup(n); err == nil {
		return a.Name, true
	}
	for k, v := range opensslCiphers {
		if n == v {
			return k, true
		}
	}
	return n, false
}
