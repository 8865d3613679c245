#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Turn cmwq_bench's Google Benchmark JSON into build/bench/results.json.

    /usr/bin/python3 bench/collect.py [--gbench build/bench/gbench.json]
        [--series build/bench/series.json] [--machine build/bench/machine.json]
        [--out build/bench/results.json]

For every workload and peer: the workload's measure in each round (a round is
one repetition of Google Benchmark; the k-th repetitions of the peers are
paired as round k), their median, min and max, and the ratio of each round's
value to the best peer's value in the same round (median, min and max of
those ratios).  CPU time and context switches per item are medians over the
rounds; the peak of threads is the highest of the rounds.  A benchmark that
skipped itself (a cell that makes no sense for a peer) is listed under the
workload's "not_run" with its reason.  The machine's description
(bench/machine's output) and the per-CPU series of workload C3 are merged in
when their files exist.
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys

# id, title, metric counter, unit, params (what the binary runs; keep in step
# with bench/workloads/*.cpp), extra counters (median over rounds unless max;
# every workload also gets COMMON_EXTRAS)
WORKLOADS = [
    ("A1", "Empty items, one producer", "wall_ns_per_item", "ns/item",
     {"items": 100000, "producers": 1, "producer_cpu": 0}, []),
    ("A2", "Empty items, one producer per CPU", "wall_ns_per_item", "ns/item",
     {"items": 100000, "producers": "one per CPU"}, []),
    ("A3", "A million items through 1,000 queues", "wall_ns_per_item", "ns/item",
     {"items": 1000000, "queues": 1000, "producers": "one per CPU"}, []),
    ("B1", "Queue-to-start latency on an idle system", "p50_us", "us",
     {"samples": 1000, "gap_us": 500, "issuer_cpu": 0},
     ["p50_us", "p99_us", "local_cpu_fraction", "wall_ns_per_item"]),
    ("C1a", "64 items that sleep 2 ms, the peer's own sleep", "makespan_ms", "ms",
     {"items": 64, "sleep_ms": 2, "sleep": "cmwq: msleep(); peers: their blocking sleep"},
     ["fixed_pool_ms"]),
    ("C1b", "64 items that sleep 2 ms in a raw nanosleep()", "makespan_ms", "ms",
     {"items": 64, "sleep_ms": 2, "sleep": "nanosleep() for every peer"},
     ["fixed_pool_ms"]),
    ("C2", "The documentation's w0/w1/w2 example on one CPU", "makespan_ms", "ms",
     {"w0": "burn 5 ms, sleep 10 ms, burn 5 ms", "w1_w2": "burn 5 ms, sleep 10 ms",
      "cpu": 0, "cmwq_expected_ms": 25, "one_thread_pool_ms": 50},
     []),
    ("C3", "A CPU-bound burst: 64 items of 1 ms", "makespan_ms", "ms",
     {"items": 64, "burn_ms": 1},
     ["ideal_ms", "max:max_running_per_cpu"]),
    ("D1", "queue_work + flush_work round trip", "p50_us", "us",
     {"samples": 2000, "issuer_cpu": 0}, ["p50_us", "p99_us"]),
    ("E1", "Delayed work: overshoot of the delay", "overshoot_p50_us", "us", {}, []),
]
COMMON_EXTRAS = ["max:new_threads", "resident_threads"]
PEER_ORDER = ["cmwq", "plain", "asio", "tbb", "uv", "glib", "glib_unbounded"]
NOT_YET = {"E1": "not yet: delayed work lands with issue 12"}


def median(v):
    return float(statistics.median(v)) if v else None


def git_hash():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def load_json(path, default):
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    return default


def split_name(run):
    """'A1/cmwq/iterations:1/manual_time' -> ('A1', 'cmwq')."""
    parts = run.get("run_name", run["name"]).split("/")
    return parts[0], parts[1]


def threads_of(peer, ncpu):
    if peer == "cmwq":
        return "per-CPU pools"
    if peer == "glib_unbounded":
        return "unbounded"
    return ncpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gbench", default="build/bench/gbench.json")
    ap.add_argument("--series", default="build/bench/series.json")
    ap.add_argument("--machine", default="build/bench/machine.json")
    ap.add_argument("--out", default="build/bench/results.json")
    args = ap.parse_args()

    gb = load_json(args.gbench, None)
    if gb is None:
        sys.exit(f"collect.py: {args.gbench} not found (run cmwq_bench first)")
    ncpu = gb.get("context", {}).get("num_cpus", 0)

    runs = {}       # (workload, peer) -> list of runs, by repetition
    skipped = {}    # (workload, peer) -> reason
    for b in gb.get("benchmarks", []):
        if b.get("run_type") != "iteration":
            continue
        key = split_name(b)
        if b.get("error_occurred"):
            skipped[key] = b.get("error_message", "skipped")
            continue
        runs.setdefault(key, []).append(b)
    for v in runs.values():
        v.sort(key=lambda b: b.get("repetition_index", 0))

    series = load_json(args.series, [])
    rounds_max = max((len(v) for v in runs.values()), default=0)
    out = {
        "schema": 1,
        "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "git": git_hash(),
        "build": "Release",
        "rounds": rounds_max,
        "machine": load_json(args.machine, {}),
        "workloads": [],
    }

    # cmwq first, then the fixed pools, then the unbounded one; any other after
    seen = {split_name(b)[1] for b in gb.get("benchmarks", [])}
    peers_in_order = [p for p in PEER_ORDER if p in seen] + sorted(seen - set(PEER_ORDER))

    for wid, title, metric, unit, params, extras in WORKLOADS:
        wl = {"id": wid, "title": title, "metric": metric, "unit": unit,
              "lower_is_better": True, "params": params}
        if wid in NOT_YET:
            wl["status"] = NOT_YET[wid]
            wl["results"] = []
            out["workloads"].append(wl)
            continue
        peers = [p for p in peers_in_order if (wid, p) in runs]
        values = {p: [float(b[metric]) for b in runs[(wid, p)] if metric in b] for p in peers}
        results = []
        for p in peers:
            rs = runs[(wid, p)]
            vals = values[p]
            if not vals:
                continue
            ratios = []
            for k, v in enumerate(vals):
                best = min((values[q][k] for q in peers if k < len(values[q])), default=None)
                if best:
                    ratios.append(v / best)
            extra = {}
            for e in extras + COMMON_EXTRAS:
                how, name = e.split(":") if ":" in e else ("median", e)
                got = [float(b[name]) for b in rs if name in b]
                if got:
                    extra[name] = max(got) if how == "max" else median(got)
            results.append({
                "peer": p,
                "threads": threads_of(p, ncpu),
                "rounds": vals,
                "median": median(vals), "min": min(vals), "max": max(vals),
                "ratio_to_best": {"median": median(ratios), "min": min(ratios),
                                  "max": max(ratios)} if ratios else {},
                "cpu_ns_per_item": median([float(b["cpu_ns_per_item"]) for b in rs]),
                "ctx_switches_per_item": median([float(b["ctx_switches_per_item"]) for b in rs]),
                "peak_threads": int(max(float(b["peak_threads"]) for b in rs)),
                "extra": extra,
            })
        wl["status"] = "ok" if results else "not run (filtered out)"
        wl["results"] = results
        not_run = [{"peer": p, "why": skipped[(wid, p)]}
                   for p in peers_in_order if (wid, p) in skipped]
        if not_run:
            wl["not_run"] = not_run
        ser = [{"peer": s["peer"], "name": s["name"], "t_ms": s["t_ms"], "value": s["value"]}
               for s in series if s.get("workload") == wid]
        if ser:
            wl["series"] = ser
        out["workloads"].append(wl)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    ok = sum(1 for w in out["workloads"] if w["status"] == "ok")
    print(f"collect.py: {args.out}: {ok} workloads measured, {out['rounds']} rounds")


if __name__ == "__main__":
    main()
