#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/labs/autograder_test.sh: a lab's Gradescope bundle, run the way
# Gradescope runs it, against a temporary directory laid out like /autograder:
#
#   autograder_test.sh <repo> [lab]
#
# Builds the bundle (make autograder), puts the reference solution of the
# lab's files into submission/ (nested, as a student's upload may be, plus a
# file outside the lab that must be ignored), runs source/run_autograder with
# AUTOGRADER_ROOT pointing at the directory, and checks results/results.json:
# Gradescope's fields, full marks, one entry per graded test.  Then a stub
# submission (the hand-out's own file) must score 0.
set -euo pipefail
repo=$1
lab=${2:-insert_work}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "autograder_test: $*" >&2; exit 1; }

make -C "$repo" --no-print-directory autograder LAB="$lab" OUT="$tmp/bundle" >/dev/null
zip=$tmp/bundle/autograder_$lab.zip
[[ -f $zip ]] || fail "no $zip"
root=$tmp/ag
mkdir -p "$root/source" "$root/submission/nested/dir" "$root/results"
/usr/bin/python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$root/source"
chmod +x "$root/source/run_autograder" "$root/source/setup.sh"
[[ -f $root/source/setup.sh ]] || fail "the bundle has no setup.sh"
grep -q 'apt-get install' "$root/source/setup.sh" || fail "setup.sh installs nothing with apt-get"
[[ ! -d $root/source/handout/exercises/mutants ]] || fail "the bundle's hand-out holds the mutants"

# The reference solution, as a student would upload it.
files=$(/usr/bin/python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["lab_files"]))' \
	"$root/source/handout/exercises/handout.json")
for rel in $files; do
	cp "$repo/$rel" "$root/submission/nested/dir/"
done
echo 'int this_file_is_not_part_of_the_lab;' > "$root/submission/CMakeLists.txt"

check() { # <results.json> <expect: full|zero>
	/usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("score", "tests"):
    assert k in r, "results.json has no %r" % k
assert r["tests"], "no tests"
for t in r["tests"]:
    for k in ("name", "score", "max_score", "output", "visibility"):
        assert k in t, "a test has no %r: %r" % (k, t)
mx = sum(t["max_score"] for t in r["tests"])
assert r["max_score"] == mx, (r["max_score"], mx)
assert r["score"] == sum(t["score"] for t in r["tests"])
if sys.argv[2] == "full":
    assert r["score"] == mx, "the reference scored %s/%s" % (r["score"], mx)
else:
    assert r["score"] == 0, "the stub scored %s/%s" % (r["score"], mx)
print("autograder_test: %s/%s, %d tests, as expected (%s)" % (r["score"], mx, len(r["tests"]), sys.argv[2]))
PY
}

AUTOGRADER_ROOT=$root "$root/source/run_autograder" > "$tmp/run1.log" 2>&1 || { cat "$tmp/run1.log"; fail "run_autograder failed"; }
check "$root/results/results.json" full || { tail -40 "$tmp/run1.log"; exit 1; }

# A submission that is the stub itself scores 0.
rm -rf "$root/submission"/* "$root/results"/*
for rel in $files; do
	git -C "$root/source/handout" show "handout:$rel" > "$root/submission/$(basename "$rel")"
done
AUTOGRADER_ROOT=$root "$root/source/run_autograder" > "$tmp/run2.log" 2>&1 || { cat "$tmp/run2.log"; fail "run_autograder failed"; }
check "$root/results/results.json" zero || { tail -40 "$tmp/run2.log"; exit 1; }
