#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# tests/tools/insmod_sample.sh <cmwq-insmod> <expected log> <options and module source...>
#
# The CTest tests sample_*: run a sample module of src/samples/ through
# cmwq-insmod and compare its kernel log with the log committed beside it
# (with real threads: --no-time, since the stamps differ at every run;
# under the sim: a fixed seed, and the stamps must match too).
set -euo pipefail

insmod=${1:?usage: insmod_sample.sh <cmwq-insmod> <expected log> <args...>}
expected=${2:?usage: insmod_sample.sh <cmwq-insmod> <expected log> <args...>}
shift 2

out=$(mktemp "${TMPDIR:-/tmp}/cmwq-sample.XXXXXX")
trap 'rm -f "$out"' EXIT
status=0
timeout 300 "$insmod" "$@" >"$out" || status=$?
if [[ $status -ne 0 ]]; then
	echo "FAIL: cmwq-insmod $* exited with status $status; its log:"
	cat "$out"
	exit 1
fi
if ! diff -u "$expected" "$out"; then
	echo "FAIL: the log of cmwq-insmod $* is not $expected"
	exit 1
fi
echo "ok: cmwq-insmod $* printed $expected"
