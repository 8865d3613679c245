#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# tests/tools/wqsim_cli.sh <wqsim>: the CTest test wqsim_cli, the command line of wqsim
#
# Checks, each run bounded by `timeout`:
#   - --list names the scenarios burst, blocking and flush_running;
#   - `burst --seed 7` twice prints the same bytes, ending in a summary line
#     with the makespan;
#   - seeds 1..20 of burst give more than one interleaving (different text);
#   - SCENARIO --help prints that scenario's row of the table (each param
#     with its default and range), the same lines as --list;
#   - params are named: the same values given in another order print the
#     same bytes;
#   - an unknown scenario, an unknown param, a param that is not a number
#     or out of range, and a bad --seed or --format exit 2 with a message
#     (for a param: naming the scenario and the param);
#   - --format json parses (Debian's python), --format svg starts with "<svg";
#   - --format sequence of one_item is the same bytes twice, one well-formed
#     SVG with a lifeline per actor and an arrow per event of the text view,
#     its labels naming the functions the events were recorded in;
#   - --format ftrace prints addresses, --format text none.
set -euo pipefail

wqsim=${1:?usage: wqsim_cli.sh <path to wqsim>}
work=$(mktemp -d "${TMPDIR:-/tmp}/cmwq-wqsim.XXXXXX")
trap 'rm -rf "$work"' EXIT
failed=0

fail() { printf 'wqsim_cli: FAIL: %s\n' "$*"; failed=$((failed + 1)); }
ok() { printf 'wqsim_cli: ok: %s\n' "$*"; }
run() { timeout 120 "$wqsim" "$@"; }

# --list
if run --list >"$work/list"; then
	for s in burst blocking flush_running one_item mixed unbound ordered delayed; do
		grep -q "^$s\$" "$work/list" || fail "--list does not name $s"
	done
	ok "--list"
else
	fail "--list exited $?"
fi

# SCENARIO --help: the scenario's row, as --list prints it
for s in burst blocking flush_running one_item mixed unbound ordered delayed; do
	if run "$s" --help >"$work/help" && [[ $(head -n 1 "$work/help") == "$s" ]] &&
		grep -q -- '--param [a-z_]*=N  .* (default [0-9]*, [0-9]*\.\.[0-9]*)$' "$work/help" &&
		[[ $(<"$work/list") == *"$(<"$work/help")"* ]]; then
		ok "$s --help"
	else
		fail "$s --help does not print its row of the table"
	fi
done

# Named params: the order they are given in does not matter
run mixed --seed 4 --param busy_ms=1 --param items=4 >"$work/p1"
run mixed --seed 4 --param items=4 --param busy_ms=1 >"$work/p2"
if cmp -s "$work/p1" "$work/p2" && tail -n 1 "$work/p1" | grep -q ' items=4 sleep_ms=20 busy_ms=1 cpu=0:'; then
	ok "named params: order does not matter"
else
	fail "mixed with the same params in another order differs, or the summary lacks them"
fi

# One seed, the same bytes
run burst --seed 7 >"$work/a"
run burst --seed 7 >"$work/b"
if cmp -s "$work/a" "$work/b"; then
	ok "burst --seed 7 twice: identical"
else
	fail "burst --seed 7 differs between runs"
fi
tail -n 1 "$work/a" | grep -Eq '^# wqsim burst seed=7 .*makespan [0-9]+\.[0-9]{3} ms virtual' ||
	fail "no summary line with the makespan: $(tail -n 1 "$work/a")"

# Twenty seeds, more than one interleaving
for seed in $(seq 1 20); do
	run burst --seed "$seed" | grep -v '^# wqsim' | md5sum
done | sort -u >"$work/sums"
n=$(wc -l <"$work/sums")
if [[ $n -gt 1 ]]; then
	ok "20 seeds: $n different traces"
else
	fail "20 seeds gave one trace only"
fi

# Bad input: exit 2 and say what is wrong
expect_2() {
	local what=$1 pattern=$2 status=0
	shift 2
	run "$@" >/dev/null 2>"$work/err" || status=$?
	if [[ $status -ne 2 ]]; then
		fail "$what: exit $status, not 2"
	elif ! grep -q -- "$pattern" "$work/err"; then
		fail "$what: stderr lacks '$pattern': $(head -n 1 "$work/err")"
	else
		ok "$what: exit 2"
	fi
}
expect_2 "unknown scenario" "unknown scenario 'nosuch'" nosuch
expect_2 "unknown param" "burst has no param 'nosuch'" burst --param nosuch=1
expect_2 "param not a number" "burst: param items=many: is not a whole number" burst --param items=many
expect_2 "param out of range" "blocking: param items=101: out of range 1..100" blocking --param items=101
expect_2 "param without =" "burst: --param wants KEY=VALUE" burst --param items
expect_2 "bad seed" "--seed -3: not a whole number" burst --seed -3
expect_2 "bad format" "--format pdf" burst --format pdf

# JSON parses, SVG is an SVG
if run blocking --seed 3 --format json -o "$work/t.json" &&
	/usr/bin/python3 -c 'import json,sys; json.load(sys.stdin)' <"$work/t.json"; then
	ok "json parses"
else
	fail "json output does not parse"
fi
run flush_running --seed 3 --format svg >"$work/t.svg"
if [[ $(head -c 4 "$work/t.svg") == "<svg" ]]; then
	ok "svg starts with <svg"
else
	fail "svg output does not start with <svg"
fi

# The sequence diagram of one item
run one_item --seed 1 --format sequence -o "$work/s1.svg"
run one_item --seed 1 --format sequence -o "$work/s2.svg"
run one_item --seed 1 --format text >"$work/s.txt"
if cmp -s "$work/s1.svg" "$work/s2.svg"; then
	ok "one_item --format sequence twice: identical"
else
	fail "one_item --format sequence differs between runs"
fi
events=$(grep -vc '^# wqsim' "$work/s.txt")
if /usr/bin/python3 - "$work/s1.svg" "$events" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
events = int(sys.argv[2])
lines = [e for e in root.iter() if e.get("class") == "lifeline"]
actors = [e for e in root.iter() if e.get("class") == "actor"]
arrows = [e for e in root.iter() if e.get("marker-end") == "url(#arrow)"]
texts = [e.text or "" for e in root.iter(ns + "text")]
assert root.tag == ns + "svg", root.tag
assert len(lines) == len(actors) >= 3, (len(lines), len(actors))
assert len(arrows) == events, (len(arrows), events)
for label in ("workqueue_queue_work", "in __queue_work(): one_item_fn#1 on events",
              "workqueue_execute_start", "in process_one_work(): one_item_fn#1",
              "workqueue_worker_idle"):
    assert label in texts, label
PY
then
	ok "sequence: a lifeline per actor, an arrow per event ($events), labelled by function"
else
	fail "sequence diagram structure"
fi

# ftrace is the kernel's text, with addresses; text has none
run one_item --seed 1 --format ftrace >"$work/f.txt"
if grep -q 'work struct=0x' "$work/f.txt" && ! grep -q '0x' "$work/s.txt"; then
	ok "ftrace has addresses, text has none"
else
	fail "ftrace/text: addresses where they should not be, or none where they should"
fi

[[ $failed -eq 0 ]] || { echo "wqsim_cli: $failed checks failed"; exit 1; }
echo "wqsim_cli: all checks passed"
