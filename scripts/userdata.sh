#!/usr/bin/env bash
# userdata.sh: EC2 user-data for aesbench. At first boot (as root, no
# arguments) it checks that the CPU has hardware AES, benchmarks, uploads the
# results to S3, and shuts the instance down. launch.sh starts instances with
# shutdown behaviour "terminate", so a host without hardware AES is gone
# within minutes instead of costing a benchmark.
#
# DO NOT run it on your own machine without AESBENCH_DRY_RUN=1: it shuts the
# host down when it ends, whatever the outcome.
#
# 1. Self-check (bash and the cpuinfo file only): every x86 "flags" line must
#    hold the words aes and pclmulqdq, every arm64 "Features" line aes and
#    pmull (whole words: vaes or a model name "aes" do not count), and the
#    words of AESBENCH_REQUIRE besides. A file with neither line, or with
#    both, is rejected. A reject is logged to stderr, /dev/console and
#    logger, then the host shuts down.
# 2. Get aesbench: curl AESBENCH_URL, or go install (Go from the package
#    manager when missing; needs a distribution Go >= 1.21, which fetches the
#    toolchain the module asks for). Then aesbench gate judges the host
#    again, by CPUID and whether Go will use the hardware: its fail is a
#    reject too.
# 3. Measure what make run measures, within AESBENCH_BUDGET: an 80 MB log
#    corpus (aesbench logs), then aesbench run --interleave noaesni
#    with aes-256-cbc, aes-256-gcm, 3des-cbc and chacha20-poly1305 and --file
#    the corpus, labelled with the instance type from IMDSv2. make run takes
#    about 4 minutes on 2 idle vCPUs, 7.5 on busy ones; past the budget the
#    run is killed and fails ("userdata: FAILED: ..."), which launch.sh
#    reports as failed.
# 4. Upload the two results files, <label>.json and <label>-noaesni.json, to
#    s3://AESBENCH_BUCKET/AESBENCH_PREFIX/<instance-type>/<instance-id>/.
# 5. Shut down. Any failure also shuts down: no results in S3 means "retry".
#    A shutdown is also scheduled at the start, the budget and 30 minutes
#    after it, so that an install or an upload that hangs ends the host too.
#
# Environment (launch.sh inserts VAR=value lines after this header):
#   AESBENCH_BUCKET   S3 bucket for results (required to pass; no default)
#   AESBENCH_PREFIX   key prefix in the bucket (default: aesbench)
#   AESBENCH_URL      URL of a prebuilt aesbench binary (default: build it)
#   AESBENCH_VERSION  module version for go install (default: latest)
#   AESBENCH_LABEL    results label (default: the instance type from IMDS)
#   AESBENCH_BUDGET   time for step 3, as timeout(1) takes it (default: 20m)
#   AESBENCH_BIN      an aesbench binary to use instead of getting one
#   AESBENCH_WORKDIR  where the corpus and results go (default:
#                     /var/tmp/aesbench)
#   AESBENCH_REQUIRE  space-separated cpuinfo flags required besides the
#                     defaults (aes pclmulqdq on x86, aes pmull on arm64),
#                     which it cannot remove
#   AESBENCH_CPUINFO  file to check (default: /proc/cpuinfo)
#   AESBENCH_DRY_RUN  1: print the install, benchmark, upload and shutdown
#                     commands instead of running them (with AESBENCH_BIN
#                     set, the benchmark runs); no IMDS (instance type and
#                     id "dry-run", or AESBENCH_LABEL); log to stderr only
# Exit status: 0 passed and uploaded, 1 rejected or failed.
set -euo pipefail

: "${AESBENCH_BUCKET:=}"
: "${AESBENCH_PREFIX:=aesbench}"
: "${AESBENCH_URL:=}"
: "${AESBENCH_VERSION:=latest}"
: "${AESBENCH_LABEL:=}"
: "${AESBENCH_BUDGET:=20m}"
: "${AESBENCH_BIN:=}"
: "${AESBENCH_WORKDIR:=/var/tmp/aesbench}"
: "${AESBENCH_REQUIRE:=}"
: "${AESBENCH_CPUINFO:=/proc/cpuinfo}"
: "${AESBENCH_DRY_RUN:=0}"

bin=${AESBENCH_BIN:-/usr/local/bin/aesbench}
dir=$AESBENCH_WORKDIR/results
corpus=$AESBENCH_WORKDIR/corpus/access-80MB.log.gz
algos=aes-256-cbc,aes-256-gcm,3des-cbc,chacha20-poly1305
imds=http://169.254.169.254/latest

dry() { [[ $AESBENCH_DRY_RUN == 1 ]]; }

# log MSG: to stderr and, unless dry run, the console and the system log.
log() {
	printf 'userdata: %s\n' "$*" >&2
	dry && return 0
	if [[ -w /dev/console ]]; then
		printf 'userdata: %s\n' "$*" >/dev/console 2>/dev/null || true
	fi
	if command -v logger >/dev/null; then
		logger -t aesbench -- "$*" || true
	fi
}

# run CMD...: run it, or in a dry run print it on stdout.
run() {
	if dry; then
		printf 'dry-run:'
		printf ' %q' "$@"
		printf '\n'
		return 0
	fi
	"$@"
}

# bench CMD...: run CMD, a step of the benchmark, with timeout(1) and what
# is left of the budget; past it, fail the run. A dry run prints it unless
# AESBENCH_BIN is set.
bench() {
	local left=$((deadline - SECONDS)) rc=0
	if ((left <= 0)); then
		log "FAILED: no time left of the $AESBENCH_BUDGET budget for ${1##*/} ${2:-}"
		exit 1
	fi
	if dry && [[ -z $AESBENCH_BIN ]]; then
		run timeout --kill-after=30 "$left" "$@"
		return
	fi
	timeout --kill-after=30 "$left" "$@" || rc=$?
	case $rc in
	0) ;;
	124 | 137) log "FAILED: ${1##*/} ${2:-} ran past the $AESBENCH_BUDGET budget and was stopped" ;;
	*) log "FAILED: ${1##*/} ${2:-} exited with status $rc" ;;
	esac
	((rc == 0)) || exit 1
}

# finish: every exit ends the instance (launch.sh relaunches on no results).
finish() {
	local rc=$?
	((rc == 0)) || log "exit status $rc: shutting down"
	run shutdown -h now || log "shutdown failed"
	exit $((rc == 0 ? 0 : 1))
}
trap finish EXIT

# check FILE: print the verdict; succeed if every flags/Features line of
# FILE holds every required word, and FILE does not have both kinds.
check() {
	local file=$1 key val want missing="" lines=0 model="" flag x86=0 arm=0
	local -a words
	# Not -r alone: a FIFO or a device would block or never end.
	if [[ ! -f $file || ! -r $file ]]; then
		echo "REJECT: cannot read $file: not a readable regular file"
		return 1
	fi
	while IFS=: read -r key val || [[ -n $key ]]; do
		key=${key%"${key##*[![:space:]]}"} # trim trailing blanks
		case $key in
		flags) want="aes pclmulqdq${AESBENCH_REQUIRE:+ $AESBENCH_REQUIRE}" x86=1 ;;
		Features) want="aes pmull${AESBENCH_REQUIRE:+ $AESBENCH_REQUIRE}" arm=1 ;;
		"model name")
			model=${val# }
			continue
			;;
		*) continue ;;
		esac
		lines=$((lines + 1))
		read -ra words <<<"$want"
		for flag in "${words[@]}"; do
			if [[ " ${val//$'\t'/ } " != *" $flag "* && " $missing " != *" $flag "* ]]; then
				missing+=" $flag"
			fi
		done
	done <"$file"
	if ((lines == 0)); then
		echo "REJECT: no flags or Features line in $file: cannot tell whether the CPU has hardware AES"
		return 1
	fi
	if ((x86 && arm)); then
		echo "REJECT: $file mixes x86 and arm64 CPUs (flags and Features lines): cannot tell whether the CPU has hardware AES"
		return 1
	fi
	if [[ -n $missing ]]; then
		echo "REJECT: CPU${model:+ $model} lacks${missing} in $file: no hardware AES"
		return 1
	fi
	echo "PASS: CPU${model:+ $model} has $want"
}

# pkg_install DNF_NAME APT_NAME: install a package with the system's manager.
pkg_install() {
	if command -v dnf >/dev/null; then
		run dnf install -y -q "$1"
	elif command -v yum >/dev/null; then
		run yum install -y -q "$1"
	elif command -v apt-get >/dev/null; then
		run apt-get update -q
		run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2"
	else
		log "no dnf, yum or apt-get to install $1"
		return 1
	fi
}

# gate: aesbench's own verdict on this host (CPUID, and whether Go will use
# the hardware), a second opinion on the flags check: its fail (status 1) is
# a reject, any other status a failure. A dry run prints it unless
# AESBENCH_BIN is set.
gate() {
	local out rc=0
	if dry && [[ -z $AESBENCH_BIN ]]; then
		run "$bin" gate
		return
	fi
	out=$("$bin" gate 2>&1) || rc=$?
	out=${out//$'\n'/; }
	case $rc in
	0) log "aesbench gate: $out" ;;
	1)
		log "REJECT: ${out#aesbench: gate: }"
		exit 1
		;;
	*)
		log "FAILED: aesbench gate exited with status $rc: $out"
		exit 1
		;;
	esac
}

if ! verdict=$(check "$AESBENCH_CPUINFO"); then
	log "$verdict"
	exit 1
fi
log "$verdict"

if [[ -z $AESBENCH_BUCKET ]]; then
	log "AESBENCH_BUCKET is not set: nowhere to upload results"
	exit 1
fi
if [[ ! $AESBENCH_BUDGET =~ ^[1-9][0-9]*[smh]?$ ]]; then
	log "AESBENCH_BUDGET=$AESBENCH_BUDGET: want a whole number of s, m or h, such as 15m"
	exit 1
fi
budget=${AESBENCH_BUDGET%[smh]} unit=${AESBENCH_BUDGET##*[0-9]}
case $unit in m) budget=$((budget * 60)) ;; h) budget=$((budget * 3600)) ;; esac
# Whatever hangs (an install, IMDS, an upload), the host ends by then.
run shutdown -h "+$((budget / 60 + 30))" || log "scheduling a shutdown failed"

if dry; then
	itype=${AESBENCH_LABEL:-dry-run} id=dry-run
else
	curlx=(curl -fsS --connect-timeout 2 --max-time 5 --retry 3)
	token=$("${curlx[@]}" -X PUT -H "X-aws-ec2-metadata-token-ttl-seconds: 300" "$imds/api/token")
	itype=$("${curlx[@]}" -H "X-aws-ec2-metadata-token: $token" "$imds/meta-data/instance-type")
	id=$("${curlx[@]}" -H "X-aws-ec2-metadata-token: $token" "$imds/meta-data/instance-id")
fi
label=${AESBENCH_LABEL:-$itype}
name=${label//[^A-Za-z0-9._-]/_} # as aesbench names results files
prefix=${AESBENCH_PREFIX#/}
dest="s3://$AESBENCH_BUCKET/${prefix%/}/$itype/$id/"
log "benchmarking $itype $id as $label"

if [[ -n $AESBENCH_BIN ]]; then
	: # given
elif [[ -n $AESBENCH_URL ]]; then
	run curl -fsSL --retry 3 -o "$bin" "$AESBENCH_URL"
	run chmod 0755 "$bin"
else
	command -v go >/dev/null || pkg_install golang golang-go
	# GOTOOLCHAIN=auto: distributions set "local", which cannot build a
	# module that asks for a newer Go. cloud-init may leave HOME unset.
	run env HOME="${HOME:-/root}" GOTOOLCHAIN=auto GOBIN="${bin%/*}" \
		go install "github.com/aesbench/aesbench/cmd/aesbench@$AESBENCH_VERSION"
fi
gate
command -v aws >/dev/null || pkg_install awscli awscli

deadline=$((SECONDS + budget))
log "measuring as make run does, within $AESBENCH_BUDGET"
bench mkdir -p "${corpus%/*}" "$dir"
bench "$bin" logs --size 80MB --out "$corpus"
bench "$bin" run --interleave noaesni --label "$label" --algos "$algos" \
	--file "$corpus" --out "$dir/$name.json"
for f in "$name.json" "$name-noaesni.json"; do
	if ! run aws s3 cp --only-show-errors "$dir/$f" "$dest"; then
		log "FAILED: upload of $f to $dest"
		exit 1
	fi
done
log "results in $dest"
