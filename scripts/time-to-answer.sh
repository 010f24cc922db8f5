#!/usr/bin/env bash
# time-to-answer.sh: how long aesbench takes to give figures to trust,
# beside how long openssl speed takes to give its one sample per cell.
#
# Both measure the default suite: aes-256-cbc, aes-256-gcm and 3des-cbc
# (des-ede3-cbc to openssl) at 16, 64, 256, 1024, 8192 and 16384 bytes.
# aesbench runs with --precision 2% (sampling each cell until its 95%
# rerun interval is within ±2%, or its budget is spent); openssl runs
# `openssl speed -evp <algo>` at its defaults (3 s per cell), one algorithm
# after the other. It prints both wall times and their ratio; the aim is
# a ratio of at most 0.5.
#
# Usage: scripts/time-to-answer.sh [extra aesbench run flags]
# Environment: AESBENCH (default: build ./cmd/aesbench into a temporary
# directory), OPENSSL (default: openssl).
set -euo pipefail

openssl=${OPENSSL:-openssl}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [[ -n ${AESBENCH:-} ]]; then
	aesbench=$AESBENCH
else
	aesbench=$tmp/aesbench
	go build -o "$aesbench" ./cmd/aesbench
fi
command -v "$openssl" >/dev/null || { echo "time-to-answer: $openssl not found" >&2; exit 1; }

now() { date +%s.%N; }

echo "time-to-answer: aesbench run --precision 2% $*" >&2
t0=$(now)
"$aesbench" run --algos aes-256-cbc,aes-256-gcm,3des-cbc --sizes 16,64,256,1024,8192,16384 \
	--precision 2% --out "$tmp/aesbench.json" "$@" >"$tmp/aesbench.txt"
t1=$(now)
cat "$tmp/aesbench.txt"

echo "time-to-answer: openssl speed -evp, 3 s per cell" >&2
for algo in aes-256-cbc aes-256-gcm des-ede3-cbc; do
	"$openssl" speed -evp "$algo" 2>/dev/null | tail -n 2
done
t2=$(now)

awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
	ours = b - a; theirs = c - b
	printf "aesbench --precision 2%%: %.1f s\n", ours
	printf "openssl speed -evp:      %.1f s\n", theirs
	printf "ratio: %.2f (aim: at most 0.50)\n", ours / theirs
}'
