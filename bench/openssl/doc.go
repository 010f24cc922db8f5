// Package openssl measures cells with the openssl binary (Run, through
// openssl speed -mr -evp; RunAB for two sides of one host, differing in
// their openssl's environment, in the same rounds) and reads saved openssl speed output of any
// layout from OpenSSL 1.0.x to 3.x (ParseSpeed), mapping openssl's
// cipher names to aesbench's (Algo, Cipher). Version and ParseCPUInfo
// tell which openssl ran and whether it used AES-NI; NoAESNI is the
// OPENSSL_ia32cap mask of aesbench run --no-aesni.
package openssl
