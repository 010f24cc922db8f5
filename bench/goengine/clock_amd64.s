#include "textflag.h"

// func addChain(n uint64)
// n iterations of 32 dependent ADDs on AX: 32 cycles each, as an ADD's
// latency is one cycle; the loop counter is a separate chain.
TEXT ·addChain(SB), NOSPLIT, $0-8
	MOVQ n+0(FP), CX
	XORQ AX, AX
	TESTQ CX, CX
	JZ done
loop:
	ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX
	ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX
	ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX
	ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX
	ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX
	ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX
	ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX
	ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX; ADDQ $1, AX
	DECQ CX
	JNZ loop
done:
	RET

// func aesencChain(n uint64)
// n iterations of 32 dependent AESENCs on X0: 32 AESENC latencies each.
// The caller checks that the CPU has AES-NI.
TEXT ·aesencChain(SB), NOSPLIT, $0-8
	MOVQ n+0(FP), CX
	PXOR X0, X0
	PXOR X1, X1
	TESTQ CX, CX
	JZ adone
aloop:
	AESENC X1, X0; AESENC X1, X0; AESENC X1, X0; AESENC X1, X0
	AESENC X1, X0; AESENC X1, X0; AESENC X1, X0; AESENC X1, X0
	AESENC X1, X0; AESENC X1, X0; AESENC X1, X0; AESENC X1, X0
	AESENC X1, X0; AESENC X1, X0; AESENC X1, X0; AESENC X1, X0
	AESENC X1, X0; AESENC X1, X0; AESENC X1, X0; AESENC X1, X0
	AESENC X1, X0; AESENC X1, X0; AESENC X1, X0; AESENC X1, X0
	AESENC X1, X0; AESENC X1, X0; AESENC X1, X0; AESENC X1, X0
	AESENC X1, X0; AESENC X1, X0; AESENC X1, X0; AESENC X1, X0
	DECQ CX
	JNZ aloop
adone:
	RET
