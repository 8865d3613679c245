#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/arch/sim/run_seeds.sh: run the sim test binary once per seed, FIRST..LAST
#
#   run_seeds.sh <cmwq_sim_tests> <first> <last> [catch2 arguments]
#
# Each seed runs in a fresh process (a fresh world: boot, pools, workers).
# The default filter leaves out the hidden tests, the [sim-meta] tests (they
# run this binary themselves) and any test tagged [nosim] (one that cannot
# run under the sim; its tag comes with a comment saying why).
# A failing seed is printed with the command that replays it; the run goes
# on to count how many of the seeds fail, and exits 1 if any did.
set -u
bin=$1 first=$2 last=$3
shift 3
filter=("$@")
[[ ${#filter[@]} -eq 0 ]] && filter=("~[.]~[sim-meta]~[nosim]")
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0
for ((seed = first; seed <= last; seed++)); do
	if ! WQ_SEED=$seed timeout 120 "$bin" "${filter[@]}" >"$log" 2>&1; then
		failed=$((failed + 1))
		if [[ $failed -le 3 ]]; then
			echo "---- seed $seed failed; its output (last 60 lines):"
			tail -n 60 "$log"
			echo "cmwq-sim: replay with: WQ_SEED=$seed $bin '${filter[*]}'"
		fi
	fi
done
echo "cmwq-sim: seeds $first..$last: $failed failed"
[[ $failed -eq 0 ]]
