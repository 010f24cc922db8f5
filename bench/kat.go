package bench

import (
	"bytes"
	"crypto/cipher"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/aesbench/aesbench/bench/result"
)

// vector is one published known-answer test. Hex strings; white space in
// them is ignored.
type vector struct {
	source             string // where it is published
	key, iv, ad, plain string
	ciphertext, tag    string
	sector             uint64 // XTS data unit sequence number
	ecb                bool   // CBC algorithm checked through its block cipher alone (ECB)
}

// sp80038a is the plaintext of every NIST SP 800-38A example.
const sp80038a = "6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51 30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710"

// gcmPlain is the plaintext of the GCM specification's test cases 3 and 15
// (4 and 16 take its first 60 bytes, with gcmAD); gcmKey that of test
// case 3 (test case 15 repeats it).
const (
	gcmAD    = "feedfacedeadbeeffeedfacedeadbeefabaddad2"
	gcmPlain = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255"
	gcmKey   = "feffe9928665731c6d6a8f9467308308"
	gcmIV    = "cafebabefacedbaddecaf888"
)

// ieee1619Plain is the 512-byte data unit of IEEE 1619 vectors 4 to 15.
var ieee1619Plain = strings.Repeat(hexRange(), 2)

func hexRange() string {
	var b strings.Builder
	for i := range 256 {
		fmt.Fprintf(&b, "%02x", i)
	}
	return b.String()
}

var vectors = map[string][]vector{
	"aes-128-cbc": {{source: "NIST SP 800-38A F.2.1/F.2.2", key: "2b7e151628aed2a6abf7158809cf4f3c", iv: "000102030405060708090a0b0c0d0e0f", plain: sp80038a,
		ciphertext: "7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2 73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7"}},
	"aes-256-cbc": {{source: "NIST SP 800-38A F.2.5/F.2.6", key: "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", iv: "000102030405060708090a0b0c0d0e0f", plain: sp80038a,
		ciphertext: "f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d 39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b"}},
	"aes-128-ctr": {{source: "NIST SP 800-38A F.5.1/F.5.2", key: "2b7e151628aed2a6abf7158809cf4f3c", iv: "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", plain: sp80038a,
		ciphertext: "874d6191b620e3261bef6864990db6ce 9806f66b7970fdff8617187bb9fffdff 5ae4df3edbd5d35e5b4f09020db03eab 1e031dda2fbe03d1792170a0f3009cee"}},
	"aes-256-ctr": {{source: "NIST SP 800-38A F.5.5/F.5.6", key: "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", iv: "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", plain: sp80038a,
		ciphertext: "601ec313775789a5b7a7f504bbf3d228 f443e3ca4d62b59aca84e990cacaf5c5 2b0930daa23de94ce87017ba2d84988d dfc9c58db67aada613c2dd08457941a6"}},
	"aes-128-gcm": {
		{source: "GCM specification (McGrew, Viega) test case 2", key: "00000000000000000000000000000000", iv: "000000000000000000000000", plain: "00000000000000000000000000000000",
			ciphertext: "0388dace60b6a392f328c2b971b2fe78", tag: "ab6e47d42cec13bdf53a67b21257bddf"},
		{source: "GCM specification (McGrew, Viega) test case 3", key: gcmKey, iv: gcmIV, plain: gcmPlain,
			ciphertext: "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985", tag: "4d5c2af327cd64a62cf35abd2ba6fab4"},
		{source: "GCM specification (McGrew, Viega) test case 4", key: gcmKey, iv: gcmIV, ad: gcmAD, plain: gcmPlain[:120],
			ciphertext: "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091", tag: "5bc94fbc3221a5db94fae95ae7121a47"},
	},
	"aes-256-gcm": {
		{source: "GCM specification (McGrew, Viega) test case 14", key: strings.Repeat("00", 32), iv: "000000000000000000000000", plain: "00000000000000000000000000000000",
			ciphertext: "cea7403d4d606b6e074ec5d3baf39d18", tag: "d0d1c8a799996bf0265b98b5d48ab919"},
		{source: "GCM specification (McGrew, Viega) test case 15", key: gcmKey + gcmKey, iv: gcmIV, plain: gcmPlain,
			ciphertext: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad", tag: "b094dac5d93471bdec1a502270e3cc6c"},
		{source: "GCM specification (McGrew, Viega) test case 16", key: gcmKey + gcmKey, iv: gcmIV, ad: gcmAD, plain: gcmPlain[:120],
			ciphertext: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662", tag: "76fc6ece0f4e1768cddf8853bb2d551b"},
	},
	"aes-256-xts": {{source: "IEEE 1619-2007 annex B, vector 10", key: "2718281828459045235360287471352662497757247093699959574966967627" + "3141592653589793238462643383279502884197169399375105820974944592",
		sector: 0xff, plain: ieee1619Plain,
		ciphertext: "1c3b3a102f770386e4836c99e370cf9bea00803f5e482357a4ae12d414a3e63b5d31e276f8fe4a8d66b317f9ac683f44680a86ac35adfc3345befecb4bb188fd5776926c49a3095eb108fd1098baec70aaa66999a72a82f27d848b21d4a741b0c5cd4d5fff9dac89aeba122961d03a757123e9870f8acf1000020887891429ca2a3e7a7d7df7b10355165c8b9a6d0a7de8b062c4500dc4cd120c0f7418dae3d0b5781c34803fa75421c790dfe1de1834f280d7667b327f6c8cd7557e12ac3a0f93ec05c52e0493ef31a12d3d9260f79a289d6a379bc70c50841473d1a8cc81ec583e9645e07b8d9670655ba5bbcfecc6dc3966380ad8fecb17b6ba02469a020a84e18e8f84252070c13e9f1f289be54fbc481457778f616015e1327a02b140f1505eb309326d68378f8374595c849d84f4c333ec4423885143cb47bd71c5edae9be69a2ffeceb1bec9de244fbe15992b11b77c040f12bd8f6a975a44a0f90c29a9abc3d4d893927284c58754cce294529f8614dcd2aba991925fedc4ae74ffac6e333b93eb4aff0479da9a410e4450e0dd7ae4c6e2910900575da401fc07059f645e8b7e9bfdef33943054ff84011493c27b3429eaedb4ed5376441a77ed43851ad77f16f541dfd269d50d6a5f14fb0aab1cbb4c1550be97f7ab4066193c4caa773dad38014bd2092fa755c824bb5e54c4f36ffda9fcea70b9c6e693e148c151"}},
	"3des-cbc": {
		{source: "NIST SP 800-67 Rev. 1, three-key TDEA example (ECB)", key: "0123456789abcdef 23456789abcdef01 456789abcdef0123", ecb: true,
			plain: "5468652071756663 6b2062726f776e20 666f78206a756d70", ciphertext: "a826fd8ce53b855f cce21c8112256fe6 68d5c05dd9b6b900"},
		{source: "NIST SP 800-20 TCBC variable plaintext known-answer test, round 1", key: "0101010101010101 0101010101010101 0101010101010101", iv: "0000000000000000",
			plain: "8000000000000000", ciphertext: "95f8a5e5dd31d900"},
	},
	"chacha20-poly1305": {{source: "RFC 8439 section 2.8.2",
		key:        "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
		iv:         "070000004041424344454647",
		ad:         "50515253c0c1c2c3c4c5c6c7",
		plain:      hex.EncodeToString([]byte("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.")),
		ciphertext: "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116",
		tag:        "1ae10b594f09e26a7e902ecbd0600691"}},
}

func unhex(s string) []byte {
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		panic("bench: bad hex in a known-answer vector: " + err.Error())
	}
	return b
}

// Verify checks a's encryption and decryption against its published
// known-answer vectors. An algorithm without vectors fails: nothing is
// measured unchecked.
func Verify(a *Algorithm) error {
	vs := vectors[a.Name]
	if len(vs) == 0 {
		return fmt.Errorf("%s: no known-answer vector to check it against", a.Name)
	}
	for _, v := range vs {
		if err := v.check(a); err != nil {
			return fmt.Errorf("%s: known-answer test (%s) failed: %w", a.Name, v.source, err)
		}
		if err := v.checkOp(a); err != nil {
			return fmt.Errorf("%s: known-answer test (%s) of the timed code failed: %w", a.Name, v.source, err)
		}
	}
	return nil
}

// checkOp runs the vector through the code that is timed: an Op (newOp)
// built on the vector's key, IV, additional data and sector processes one
// message each way, and, for AEADs, so does the per-message Op. A vector
// of the block cipher alone (ECB) has no Op to run.
func (v vector) checkOp(a *Algorithm) (err error) {
	if v.ecb {
		return nil
	}
	defer func() { // a timed Open that fails panics: Run has no error
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	k := opKeying{key: unhex(v.key), iv: unhex(v.iv), ad: unhex(v.ad), sector: v.sector}
	plain := unhex(v.plain)
	cipherText := append(unhex(v.ciphertext), unhex(v.tag)...)
	perMessage := []bool{false}
	if a.Mode == AEAD {
		perMessage = append(perMessage, true)
	}
	for _, pm := range perMessage {
		for _, c := range []struct {
			dir     result.Direction
			in, out []byte
		}{{result.Encrypt, plain, cipherText}, {result.Decrypt, cipherText, plain}} {
			op, err := newOp(a, c.dir, k, bytes.Clone(c.in), pm)
			if err != nil {
				return err
			}
			op.Run(1)
			if got := op.out(); !bytes.Equal(got, c.out) {
				what := string(c.dir)
				if pm {
					what += " (per-message)"
				}
				return fmt.Errorf("%s: got %x, want %x", what, got, c.out)
			}
		}
	}
	return nil
}

// VerifyAll checks every algorithm of algos, stopping at the first failure.
func VerifyAll(algos []*Algorithm) error {
	for _, a := range algos {
		if err := Verify(a); err != nil {
			return err
		}
	}
	return nil
}

func (v vector) check(a *Algorithm) error {
	key, iv, ad, plain := unhex(v.key), unhex(v.iv), unhex(v.ad), unhex(v.plain)
	want := append(unhex(v.ciphertext), unhex(v.tag)...)
	var enc, dec []byte
	switch a.Mode {
	case CBC, CTR:
		b, err := a.block(key)
		if err != nil {
			return err
		}
		enc, dec = make([]byte, len(plain)), make([]byte, len(want))
		switch {
		case v.ecb:
			for i := 0; i < len(plain); i += b.BlockSize() {
				b.Encrypt(enc[i:], plain[i:])
				b.Decrypt(dec[i:], want[i:])
			}
		case a.Mode == CTR:
			cipher.NewCTR(b, iv).XORKeyStream(enc, plain)
			cipher.NewCTR(b, iv).XORKeyStream(dec, want)
		default:
			cipher.NewCBCEncrypter(b, iv).CryptBlocks(enc, plain)
			cipher.NewCBCDecrypter(b, iv).CryptBlocks(dec, want)
		}
	case AEAD:
		aead, err := a.aead(key)
		if err != nil {
			return err
		}
		enc = aead.Seal(nil, iv, plain, ad)
		if dec, err = aead.Open(nil, iv, want, ad); err != nil {
			return fmt.Errorf("open: %w", err)
		}
		bad := bytes.Clone(want)
		bad[len(bad)-1] ^= 1
		if _, err := aead.Open(nil, iv, bad, ad); err == nil {
			return fmt.Errorf("open accepted a forged tag")
		}
	case XTS:
		c, err := a.xts(key)
		if err != nil {
			return err
		}
		enc, dec = make([]byte, len(plain)), make([]byte, len(want))
		c.Encrypt(enc, plain, v.sector)
		c.Decrypt(dec, want, v.sector)
	}
	if !bytes.Equal(enc, want) {
		return fmt.Errorf("encrypt: got %x, want %x", enc, want)
	}
	if !bytes.Equal(dec, plain) {
		return fmt.Errorf("decrypt: got %x, want %x", dec, plain)
	}
	return nil
}
