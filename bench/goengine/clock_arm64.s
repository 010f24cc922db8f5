#include "textflag.h"

// func addChain(n uint64)
// n iterations of 32 dependent ADDs on R0: 32 cycles each, as an ADD's
// latency is one cycle; the loop counter is a separate chain.
TEXT ·addChain(SB), NOSPLIT, $0-8
	MOVD n+0(FP), R1
	MOVD $0, R0
	CBZ R1, done
loop:
	ADD $1, R0; ADD $1, R0; ADD $1, R0; ADD $1, R0
	ADD $1, R0; ADD $1, R0; ADD $1, R0; ADD $1, R0
	ADD $1, R0; ADD $1, R0; ADD $1, R0; ADD $1, R0
	ADD $1, R0; ADD $1, R0; ADD $1, R0; ADD $1, R0
	ADD $1, R0; ADD $1, R0; ADD $1, R0; ADD $1, R0
	ADD $1, R0; ADD $1, R0; ADD $1, R0; ADD $1, R0
	ADD $1, R0; ADD $1, R0; ADD $1, R0; ADD $1, R0
	ADD $1, R0; ADD $1, R0; ADD $1, R0; ADD $1, R0
	SUBS $1, R1, R1
	BNE loop
done:
	RET
