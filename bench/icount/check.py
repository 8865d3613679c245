#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Count the instructions of each workqueue operation and hold them to a budget.

Runs build/bin/cmwq_icount under callgrind (see bench/icount/icount.cpp for
what it measures and how), reads one profile per operation and round, prints

    operation          count   budget   target   status

and exits 1 if any count is more than the budget's tolerance (10%) over its
budget.  A count under its target is "met", over it "missed" (not a failure:
the budget is today's count, the target where the project wants to be).  An
operation that does not exist yet is "pending" with the issue that adds it.

Also writes the counts as JSON (build/bench/icount.json by default):
    {"operations": [{"name", "instructions", "budget", "target", "status"}], ...}

Usage: check.py [--bin BIN] [--budget FILE] [--json OUT] [--rounds R] [--items N]
                [--keep DIR] [--annotate]
--keep DIR keeps the profiles (callgrind_annotate --inclusive=yes DIR/cg.out.N
shows where one operation's instructions go); --annotate prints, for the last
round of each operation, the functions with the most inclusive instructions.
"""

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Callgrind counts a thread only inside these functions (entering one toggles
# collection, returning toggles it back): the three measured operations, and
# the harness's work functions, whose own code is thereby left out.  The API
# has C linkage, so callgrind names it without a parameter list
# ("queue_work_on"); process_one_work() and the harness are C++ ("name(...)").
TOGGLES = ["queue_work_on", "flush_work", "process_one_work(*", "icount_*_fn(*"]

DESC = re.compile(r"^desc: Trigger: Client Request: op=(\w+) n=(\d+) round=(\d+)\s*$")
TOTALS = re.compile(r"^totals:\s+(\d+)\s*$")


def run_callgrind(binary, outdir, rounds, items):
    """Run cmwq_icount under callgrind; return the profiles' paths."""
    cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no"]
    cmd += ["--toggle-collect=" + t for t in TOGGLES]
    cmd += ["--callgrind-out-file=" + os.path.join(outdir, "cg.out"), binary,
            "--rounds", str(rounds), "--items", str(items)]
    env = dict(os.environ, CMWQ_QUIET="1", CMWQ_NR_CPUS="2")
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        sys.exit("icount: %s failed under callgrind (status %d)" % (binary, proc.returncode))
    return sorted(os.path.join(outdir, f) for f in os.listdir(outdir) if f.startswith("cg.out."))


def read_profile(path):
    """(op, n, round, instructions) of one dump, or None for the final one."""
    op = total = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = DESC.match(line)
            if m:
                op, n, rnd = m.group(1), int(m.group(2)), int(m.group(3))
            m = TOTALS.match(line)
            if m:
                total = int(m.group(1))
    if op is None or total is None:
        return None
    return op, n, rnd, total


def measure(profiles):
    """Per operation: instructions per call over rounds 1.., and their spread."""
    per_round = {}
    for path in profiles:
        p = read_profile(path)
        if p is None:
            continue
        op, n, rnd, total = p
        if rnd == 0:
            continue  # warm-up: see icount.cpp
        per_round.setdefault(op, []).append((total / n, path, n))
    result = {}
    for op, vals in per_round.items():
        counts = [v[0] for v in vals]
        mean = sum(counts) / len(counts)
        result[op] = {
            "instructions": round(mean, 1),
            "rounds": len(counts),
            "spread": round((max(counts) - min(counts)) / mean, 6),
            "last_profile": vals[-1][1],
            "n": vals[-1][2],
        }
    return result


def limit_of(op, tolerance):
    """The count above which @op fails: its budget plus the tolerance, rounded down."""
    return math.floor(op["budget"] * (1 + tolerance))


def status_of(op, count, tolerance):
    if op.get("pending"):
        return "pending: " + op["pending"]
    if count is None:
        return "not measured"
    if count > limit_of(op, tolerance):
        return "REGRESSION"
    target = op.get("target")
    if target is not None and count <= target:
        return "met"
    return "missed"


# The frames every profile has around the measured calls (the driver runs in
# a process_one_work() of its own): not where the instructions go.
FRAMES = ("PROGRAM TOTALS", "clone", "start_thread", "arch_thread_fn", "kthread_entry",
          "worker_thread", "icount_driver_fn")


def annotate(op, path, n, lines=10):
    """The functions with the most inclusive instructions per operation in profile @path."""
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--auto=no", path],
                         capture_output=True, text=True).stdout.splitlines()
    best = {}
    for line in out:
        m = re.match(r"^\s*([\d,]+) \([^)]*\)\s+(.*)$", line)
        if not m:
            continue
        where = re.sub(r" \[[^]]*\]$", "", m.group(2))
        fn = where.split(":", 1)[1] if ":" in where else where
        name = fn.split("(")[0]
        if name in FRAMES or (name == "process_one_work" and op != name):
            continue
        best[fn] = max(best.get(fn, 0), int(m.group(1).replace(",", "")))
    top = sorted(best.items(), key=lambda kv: -kv[1])[:lines]
    return ["%7.1f  %s" % (v / n, fn) for fn, v in top]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(REPO, "build", "bin", "cmwq_icount"))
    ap.add_argument("--budget", default=os.path.join(REPO, "bench", "icount", "budget.json"))
    ap.add_argument("--json", default=os.path.join(REPO, "build", "bench", "icount.json"))
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--items", type=int, default=500)
    ap.add_argument("--keep", metavar="DIR")
    ap.add_argument("--annotate", action="store_true")
    args = ap.parse_args()

    if not shutil.which("valgrind"):
        sys.exit("icount: valgrind is not installed (Debian: apt-get install valgrind)")
    with open(args.budget) as f:
        budget = json.load(f)
    tolerance = budget["tolerance"]

    outdir = args.keep or tempfile.mkdtemp(prefix="cmwq-icount-")
    if args.keep:
        os.makedirs(outdir, exist_ok=True)
        for f in os.listdir(outdir):
            if f.startswith("cg.out"):
                os.remove(os.path.join(outdir, f))
    try:
        measured = measure(run_callgrind(args.bin, outdir, args.rounds, args.items))
        notes = {op: annotate(op, m["last_profile"], m["n"]) for op, m in measured.items()} \
            if args.annotate else {}
    finally:
        if not args.keep:
            shutil.rmtree(outdir, ignore_errors=True)

    rows = []
    failed = False
    for op in budget["operations"]:
        m = measured.get(op["name"])
        count = m["instructions"] if m and not op.get("pending") else None
        status = status_of(op, count, tolerance)
        if status == "REGRESSION" or (status == "not measured" and not op.get("pending")):
            failed = True
        rows.append({"name": op["name"], "instructions": count, "budget": op.get("budget"),
                     "target": op.get("target"), "status": status,
                     "spread": m["spread"] if m else None})

    print("%-18s %8s %8s %8s  %s" % ("operation", "count", "budget", "target", "status"))
    for r in rows:
        def num(v):
            return "-" if v is None else "%.0f" % v
        print("%-18s %8s %8s %8s  %s" % (r["name"], num(r["instructions"]), num(r["budget"]),
                                         num(r["target"]), r["status"]))
    spreads = [r["spread"] for r in rows if r["spread"] is not None]
    print("icount: %d rounds of %d operations each (after a warm-up round); largest spread "
          "between rounds %.4f%%; a count fails above budget + %d%%"
          % (args.rounds, args.items, 100 * max(spreads, default=0), round(100 * tolerance)))
    for op, lines in notes.items():
        print("\nwhere the instructions of %s go (inclusive, per call, last round):" % op)
        for l in lines:
            print("  " + l)

    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump({"rounds": args.rounds, "items": args.items, "tolerance": tolerance,
                   "operations": [{k: r[k] for k in ("name", "instructions", "budget",
                                                     "target", "status")} for r in rows]},
                  f, indent=2)
        f.write("\n")
    if failed:
        print("icount: FAILED: an operation costs more than its budget allows "
              "(see chapters/performance/instructions.rst for how to look into it)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
