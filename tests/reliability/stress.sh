#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# tests/reliability/stress.sh: what `make stress` runs (chapters/reliability/stress.rst).
#
#   stress.sh BINDIR [ITEMS WQS CHURN SOAK_SECONDS]
#
# Full sizes by default: 10^7 items through 1,000 workqueues with 10,000
# workqueues churned, on 2 and on 64 virtual CPUs; a soak of SOAK_SECONDS;
# the same under fault injection (failslab and fail_kthread, by probability,
# by interval, after N successes); and the sim build under faults over a few
# seeds.  Each run's report goes to $LOGDIR/<name>.log (default build/stress);
# the summary lists items/s, peak threads and peak RSS per run.
# Exit status: 0 if every run passed.
set -euo pipefail

bindir=$1
items=${2:-10000000}
wqs=${3:-1000}
churn=${4:-10000}
soak=${5:-600}
logdir=${LOGDIR:-build/stress}
mkdir -p "$logdir"

failed=0
summary=()
start=$SECONDS

# run NAME BINARY ARGS...: one run, its report kept, one summary line.
run() {
	local name=$1 bin=$2 t0=$SECONDS status=0
	shift 2
	echo "== $name: $bin $*"
	"$bindir/$bin" "$@" > "$logdir/$name.log" 2>&1 || status=$?
	cat "$logdir/$name.log"
	local rate threads rss
	rate=$(sed -n 's/^phase 1: .*: \([0-9]*\) items\/s$/\1/p' "$logdir/$name.log")
	threads=$(sed -n 's/^peak threads \([0-9]*\), peak RSS \(.*\) MiB$/\1/p' "$logdir/$name.log")
	rss=$(sed -n 's/^peak threads \([0-9]*\), peak RSS \(.*\) MiB$/\2/p' "$logdir/$name.log")
	if [[ $status -ne 0 ]]; then
		failed=1
	fi
	summary+=("$(printf '%-22s %-4s %10s items/s %6s threads %8s MiB RSS %5d s' "$name" \
		"$([[ $status -eq 0 ]] && echo PASS || echo FAIL)" "${rate:-?}" "${threads:-?}" "${rss:-?}" \
		$((SECONDS - t0)))")
}

full=(--items "$items" --wqs "$wqs" --churn "$churn")
run cpus2 cmwq_stress "${full[@]}" --cpus 2
run cpus64 cmwq_stress "${full[@]}" --cpus 64
run soak cmwq_stress --items 1000000 --wqs "$wqs" --churn 1000 --cpus 64 --soak "$soak"
run failslab-p5-cpus2 cmwq_stress "${full[@]}" --cpus 2 --fail-slab probability=5,times=-1,seed=1
run failslab-int50-cpus64 cmwq_stress "${full[@]}" --cpus 64 --fail-slab interval=50,probability=100,times=-1
run failslab-after-cpus2 cmwq_stress "${full[@]}" --cpus 2 --fail-slab after=3000
run failkthread-p20-cpus64 cmwq_stress "${full[@]}" --cpus 64 --fail-kthread probability=20,times=-1,seed=2
run both-cpus64 cmwq_stress "${full[@]}" --cpus 64 --fail-slab probability=2,times=-1 \
	--fail-kthread probability=10,times=-1
for seed in 1 2 3 4; do
	WQ_SEED=$seed run "sim-faults-seed$seed" cmwq_stress_sim --items 20000 --wqs 40 --churn 200 --cpus 4 \
		--soak 2 --fail-slab probability=5,times=-1 --fail-kthread probability=20,times=-1
done

echo
echo "== summary ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, logs in $logdir)"
printf '%s\n' "${summary[@]}"
echo "total: $((SECONDS - start)) s"
exit $failed
