#!/usr/bin/env bash
# launch.sh: benchmark EC2 instance types with aesbench, on hosts that
# really have hardware AES.
#
# Usage: scripts/launch.sh [flags] INSTANCE_TYPE...
#
# For each instance type it starts --count instances, one run-instances call
# each, with shutdown behaviour "terminate" and as user-data userdata.sh
# with the bucket and prefix filled in. userdata.sh shuts down at once on a
# CPU without hardware AES; otherwise it measures what make run measures
# (within its 20-minute budget), uploads TYPE.json and TYPE-noaesni.json to
# s3://BUCKET/PREFIX/TYPE/INSTANCE-ID/ and shuts down. Once an instance has
# terminated without both files in S3, its console output tells why: a
# "userdata: REJECT" line means it rejected its CPU, and another one is
# started, up to --retries times; other userdata lines mean its run failed
# (a "userdata: FAILED" line says why, such as running past the budget),
# which another instance would repeat, so none is; no console output at all
# counts as a reject. Instances run in parallel. At the end the results are
# copied to OUT/TYPE/INSTANCE-ID/ and a summary is printed on stdout:
#   TYPE  ATTEMPTS  OUTCOME  INSTANCE
# OUTCOME is ok, rejected (the last attempt rejected its CPU, or left no
# results and no console output), failed (its run failed or ran past its
# budget: see aws ec2 get-console-output --instance-id INSTANCE), timeout
# (the last attempt ran past --timeout and was terminated), launch-failed
# (run-instances failed), fetch-failed or error. Progress goes to stderr.
# Interrupted, it leaves started instances to finish and terminate alone.
#
# Flags:
#   --bucket B          S3 bucket for results (required, or AESBENCH_BUCKET)
#   --iam-profile NAME  instance profile that may write to the bucket (required)
#   --prefix P          key prefix (default: aesbench/<UTC start time>)
#   --count N           instances per type (default: 1)
#   --retries N         relaunches after an instance left no results (default: 3)
#   --timeout MIN       minutes an instance may run before it is terminated
#                       (default: 60)
#   --region R          AWS region (default: the aws CLI's)
#   --ami ID            image (default: latest Amazon Linux 2023; arm64 for
#                       Graviton types such as a1, m6g, c7gn, t4g, else x86_64)
#   --key-name K        EC2 key pair
#   --subnet S          subnet id (instances need a way out: Go proxy, S3)
#   --security-group G  security group id
#   --out DIR           where to copy the results (default: results)
#   --dry-run           print the aws commands instead of running them
#   -h, --help          print this help
#
# Environment:
#   AESBENCH_BUCKET     default for --bucket
#   AESBENCH_URL, AESBENCH_VERSION, AESBENCH_REQUIRE
#                       passed on to userdata.sh when set
#   TMPDIR              where the user-data copy is written
#
# Exit status: 0 every instance left results, 1 some did not (see the
# summary), 2 usage error.
set -euo pipefail

log() { printf 'launch: %s\n' "$*" >&2; }
die() {
	log "$*"
	exit 1
}
usage_error() {
	log "$* (try --help)"
	exit 2
}
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

# int FLAG VALUE MIN: VALUE must be a whole number >= MIN.
int() {
	if [[ ! $2 =~ ^(0|[1-9][0-9]*)$ ]] || (($2 < $3)); then
		usage_error "$1 wants a whole number >= $3, not '$2'"
	fi
}

bucket=${AESBENCH_BUCKET:-} profile="" prefix=aesbench/$(date -u +%Y%m%dT%H%M%SZ)
count=1 retries=3 timeout=60 region="" ami="" key="" subnet="" group=""
out=results dry_run=0 types=()
while (($#)); do
	case $1 in
	--*=*)
		set -- "${1%%=*}" "${1#*=}" "${@:2}"
		continue
		;;
	-h | --help)
		usage
		exit 0
		;;
	--dry-run)
		dry_run=1
		shift
		continue
		;;
	--bucket) var=bucket ;;
	--iam-profile) var=profile ;;
	--prefix) var=prefix ;;
	--count) var=count ;;
	--retries) var=retries ;;
	--timeout) var=timeout ;;
	--region) var=region ;;
	--ami) var=ami ;;
	--key-name) var=key ;;
	--subnet) var=subnet ;;
	--security-group) var=group ;;
	--out) var=out ;;
	-*) usage_error "unknown flag $1" ;;
	*)
		[[ $1 =~ ^[a-z0-9-]+\.[a-z0-9-]+$ ]] || usage_error "'$1' is not an instance type"
		types+=("$1")
		shift
		continue
		;;
	esac
	(($# >= 2)) || usage_error "$1 needs a value"
	printf -v "$var" '%s' "$2"
	shift 2
done
((${#types[@]})) || usage_error "no instance type given"
[[ -n $bucket ]] || usage_error "--bucket or AESBENCH_BUCKET is required"
[[ -n $profile ]] || usage_error "--iam-profile is required: instances upload results with it"
int --count "$count" 1
int --retries "$retries" 0
int --timeout "$timeout" 0
prefix=${prefix#/} prefix=${prefix%/}
src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/userdata.sh
[[ -r $src ]] || die "cannot read $src"
((dry_run)) || command -v aws >/dev/null || die "no aws CLI on PATH"

opts=(--iam-instance-profile "Name=$profile")
[[ -z $key ]] || opts+=(--key-name "$key")
[[ -z $subnet ]] || opts+=(--subnet-id "$subnet")
[[ -z $group ]] || opts+=(--security-group-ids "$group")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/aesbench-launch.XXXXXX")
pids=()
cleanup() {
	if ((${#pids[@]})); then kill "${pids[@]}" 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The user-data: userdata.sh with assignments after its header comment.
ud=$tmp/userdata.sh
assign=$(printf '%s=%q\n' AESBENCH_BUCKET "$bucket" AESBENCH_PREFIX "$prefix")
for v in AESBENCH_URL AESBENCH_VERSION AESBENCH_REQUIRE; do
	if [[ -n ${!v:-} ]]; then assign+=$'\n'$(printf '%s=%q' "$v" "${!v}"); fi
done
ASSIGN=$assign awk '!done && !/^#/ { print ENVIRON["ASSIGN"]; done = 1 } { print }' "$src" >"$ud"
log "user-data: userdata.sh with ${assign//$'\n'/ }"

# shq ARGS...: print ARGS as shell words, quoted only where needed.
shq() {
	local a
	for a; do
		if [[ $a =~ ^[A-Za-z0-9_./:=@,+-]+$ ]]; then
			printf ' %s' "$a"
		else
			printf " '%s'" "${a//\'/\'\\\'\'}"
		fi
	done
}

# awsc ARGS...: run aws, or in a dry run print the command on stdout (fd 3,
# which command substitutions do not capture) and answer as if it worked.
exec 3>&1
awsc() {
	if ((dry_run)); then
		printf 'aws%s\n' "$(shq "$@" ${region:+--region "$region"})" >&3
		case "$1 $2" in
		"ec2 run-instances") echo i-dryrun ;;
		"s3 ls") printf '(dry run) %s\n' "$type.json" "$type-noaesni.json" ;; # run_slot's type
		esac
		return 0
	fi
	aws "$@" ${region:+--region "$region"}
}

# default_ami TYPE: latest Amazon Linux 2023 for the architecture of TYPE.
default_ami() {
	local arch=x86_64
	if [[ $1 =~ ^(a1|[a-z]+[0-9]+g[a-z]*)\. ]]; then arch=arm64; fi
	echo "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-$arch"
}

# wait_terminated ID: wait until instance ID has terminated, or --timeout.
# The waiter gives up at once while the instance is "pending", and after
# 10 minutes, so ask again.
wait_terminated() {
	local deadline=$((SECONDS + timeout * 60)) err
	until err=$(awsc ec2 wait instance-terminated --instance-ids "$1" 2>&1 >/dev/null); do
		case $err in *pending* | *"Max attempts"*) ;; *) log "$err" ;; esac
		((SECONDS < deadline)) || return 1
		sleep 15
	done
}

# run_slot N TYPE: start instances of TYPE until one leaves results, at most
# 1+retries; write "TYPE ATTEMPTS OUTCOME ID" (tab-separated) to $tmp/slot.N.
run_slot() {
	local type=$2 image=$ami tries=0 outcome="" id="" listing console why
	[[ -n $image ]] || image=$(default_ami "$type")
	while ((tries <= retries)); do
		tries=$((tries + 1))
		if ! id=$(awsc ec2 run-instances --instance-type "$type" --image-id "$image" --count 1 \
			--instance-initiated-shutdown-behavior terminate --user-data "file://$ud" \
			--tag-specifications "ResourceType=instance,Tags=[{Key=Name,Value=aesbench-$type}]" \
			"${opts[@]}" --query 'Instances[0].InstanceId' --output text); then
			log "$type: attempt $tries: run-instances failed"
			outcome=launch-failed id=""
			continue
		fi
		log "$type: attempt $tries: $id started, waiting for it to terminate"
		outcome=rejected
		if ! wait_terminated "$id"; then
			log "$type: $id still runs after $timeout min: terminating it"
			awsc ec2 terminate-instances --instance-ids "$id" >/dev/null || true
			outcome=timeout
		fi
		listing=$(awsc s3 ls "s3://$bucket/$prefix/$type/$id/" || true)
		if [[ $listing == *" $type.json"* && $listing == *" $type-noaesni.json"* ]]; then
			log "$type: $id left results"
			outcome=ok
			break
		fi
		[[ $outcome == timeout ]] && continue
		console=$(awsc ec2 get-console-output --instance-id "$id" --query Output --output text 2>/dev/null || true)
		case $console in
		*"userdata: REJECT"*) log "$type: $id rejected its CPU" ;;
		*"userdata: "*)
			why=$(grep -m1 -o 'userdata: FAILED: .*' <<<"$console" || true)
			log "$type: $id failed its run${why:+ (${why#userdata: FAILED: })}: see aws ec2 get-console-output --instance-id $id"
			outcome=failed
			break
			;;
		*) log "$type: $id left no results and no console output: taken as a reject" ;;
		esac
	done
	printf '%s\t%s\t%s\t%s\n' "$type" "$tries" "$outcome" "${id:--}" >"$tmp/slot.$1"
}

log "results go to s3://$bucket/$prefix/"
n=0 slots=()
for type in "${types[@]}"; do
	for ((i = 0; i < count; i++)); do
		n=$((n + 1)) slots+=("$type")
		if ((dry_run)); then
			run_slot "$n" "$type"
		else
			run_slot "$n" "$type" &
			pids+=("$!")
		fi
	done
done
for pid in ${pids[@]+"${pids[@]}"}; do wait "$pid" || true; done
pids=()

failed=0 rows=$(printf '%-16s %-8s %-13s %s' TYPE ATTEMPTS OUTCOME INSTANCE)
for ((i = 1; i <= n; i++)); do
	type=${slots[i - 1]} tries='?' outcome=error id=-
	if [[ -r $tmp/slot.$i ]]; then IFS=$'\t' read -r type tries outcome id <"$tmp/slot.$i"; fi
	if [[ $outcome == ok ]] && ! awsc s3 cp --recursive --only-show-errors \
		"s3://$bucket/$prefix/$type/$id/" "$out/$type/$id/" >&2; then
		outcome=fetch-failed
	fi
	[[ $outcome == ok ]] || failed=$((failed + 1))
	rows+=$'\n'$(printf '%-16s %-8s %-13s %s' "$type" "$tries" "$outcome" "$id")
done
printf '%s\n' "$rows"
((failed == 0)) || die "$failed of $n instances left no results"
((dry_run)) || log "results in $out/"
