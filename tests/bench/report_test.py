#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Tests of bench/report.py (CTest: bench_report).

The inputs are small runs written here, in the schema of results.json,
machine.json, footprint.json and icount.json; their numbers are chosen to
sit on either side of each target, not measured.

    /usr/bin/python3 tests/bench/report_test.py
"""

import copy
import json
import os
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bench"))
sys.dont_write_bytecode = True

import report  # noqa: E402


def result(peer, threads, rounds, **kw):
    s = sorted(rounds)
    r = {"peer": peer, "threads": threads, "rounds": rounds, "median": s[len(s) // 2],
         "min": s[0], "max": s[-1], "ratio_to_best": {"median": 1.0, "min": 1.0, "max": 1.0},
         "cpu_ns_per_item": 100.0, "ctx_switches_per_item": 0.01, "peak_threads": 2,
         "extra": {}}
    r.update(kw)
    return r


def workload(wid, results, **kw):
    w = {"id": wid, "title": "workload " + wid, "metric": "wall_ns_per_item",
         "unit": "ns/item", "lower_is_better": True, "params": {}, "status": "ok",
         "results": results}
    w.update(kw)
    return w


RESULTS = {
    "schema": 1, "generated": "2026-12-01T00:00:00Z", "git": "0123abc", "build": "Release",
    "rounds": 3, "machine": {},
    "workloads": [
        # cmwq 90, 100, 110 against plain 100, 100, 100: per-round ratios 0.9, 1.0, 1.1.
        workload("A1", [result("cmwq", "per-CPU pools", [90.0, 100.0, 110.0]),
                        result("plain", 2, [100.0, 100.0, 100.0]),
                        result("asio", 2, [300.0, 310.0, 320.0])]),
        # 60 against 100 in every round: 0.6, met; ctx 0.2 per item: missed.
        workload("A2", [result("cmwq", "per-CPU pools", [60.0, 60.0, 60.0],
                               ctx_switches_per_item=0.2),
                        result("plain", 2, [100.0, 100.0, 100.0])]),
        workload("B1", [result("cmwq", "per-CPU pools", [2.0, 2.0, 2.0],
                               extra={"p50_us": 2.5, "p99_us": 9.0, "local_cpu_fraction": 1.0}),
                        result("plain", 2, [30.0, 30.0, 30.0],
                               extra={"p50_us": 30.0, "p99_us": 90.0, "local_cpu_fraction": 0.5})],
                 unit="us"),
        workload("C1a", [result("cmwq", "per-CPU pools", [5.0, 5.0, 5.0], peak_threads=70),
                         result("glib_unbounded", "unbounded", [4.5, 4.5, 4.5], peak_threads=69)],
                 unit="ms", params={"items": 64}),
        workload("C3", [result("cmwq", "per-CPU pools", [33.0, 33.0, 33.0])], unit="ms",
                 series=[{"peer": "cmwq", "name": "running on CPU 0",
                          "t_ms": [0, 1, 2, 3], "value": [0, 1, 1, 0]}]),
        workload("E1", [], status="not yet: no delayed work"),
    ],
}

MACHINE = {
    "schema": 1, "generated": "2026-12-01T00:00:00Z", "cores": 2, "cpus_allowed": 2,
    "cpu_model": "Test CPU", "vm": True, "hypervisor_flag": True, "hypervisor": "kvm",
    "container": "none", "sys_vendor": "", "product_name": "", "kernel": "6.1.0",
    "timerslack_ns": 50000, "loadavg": "0.00 0.00 0.00 1/100 1", "runs": 5, "iters": 2000,
    "cpus_used": [0, 1],
    "wake": {"same_cpu_roundtrip": {"median_us": 1.6, "runs_us": [1.6]},
             "cross_cpu_roundtrip": {"median_us": 64.0, "runs_us": [64.0]},
             "same_cpu_oneway": {"median_us": 0.8, "runs_us": [0.8], "p90_us": 1.0, "p99_us": 1.3},
             "cross_cpu_oneway": {"median_us": 38.0, "runs_us": [38.0], "p90_us": 43.0,
                                  "p99_us": 107.0}},
    "thread_create_join": {"median_us": 10.0, "runs_us": [10.0]},
}

FOOTPRINT = {
    "schema": 1, "generated": "2026-12-01T00:00:00Z",
    "workloads": [
        workload("F1", [result("cmwq", "per-CPU pools", [600.0, 610.0, 620.0], extra={
            "threads_independent": True,
            "rows": [{"workqueues": 1, "flags": "0", "threads": [6, 6, 6]},
                     {"workqueues": 100, "flags": "0", "threads": [6, 6, 6]},
                     {"workqueues": 100, "flags": "WQ_MEM_RECLAIM", "threads": [6, 6, 6],
                      "threads_added": [0, 0, 0]}]})],
                 unit="B/CPU", params={"counts": [1, 100], "nr_cpus": 2}),
        workload("F2", [result("cmwq", "per-CPU pools", [257], extra={"reaped": False})],
                 unit="workers",
                 series=[{"peer": "cmwq", "name": "threads", "t_ms": [0, 10, 20],
                          "value": [6, 200, 262]}]),
    ],
}

ICOUNT = {"operations": [
    {"name": "queue_work_on", "instructions": 240, "budget": 264, "target": 250, "status": "ok"},
    {"name": "process_one_work", "instructions": 900, "budget": 990, "target": 500, "status": "ok"},
]}


def write_run(d, results=RESULTS, machine=MACHINE, footprint=FOOTPRINT, icount=ICOUNT):
    os.makedirs(d, exist_ok=True)
    for name, data in (("results.json", results), ("machine.json", machine),
                       ("footprint.json", footprint), ("icount.json", icount)):
        if data is not None:
            with open(os.path.join(d, name), "w", encoding="utf-8") as fh:
                json.dump(data, fh)


def run_report(indirs, out):
    args = []
    for d in indirs:
        args += ["--in", d]
    assert report.main(args + ["--out", out, "--image-prefix", "pics/"]) == 0
    files = {}
    for name in sorted(os.listdir(out)):
        with open(os.path.join(out, name), "rb") as fh:
            files[name] = fh.read()
    return files


def section(rst, title_start):
    """The body of the Targets subsection whose title starts with title_start."""
    lines = rst.split("\n")
    for i in range(len(lines) - 1):
        if lines[i].startswith(title_start) and set(lines[i + 1]) == {"~"}:
            body = []
            for j in range(i + 2, len(lines) - 1):
                if lines[j + 1] and set(lines[j + 1]) <= set("~-") and len(lines[j + 1]) >= 3:
                    break
                body.append(lines[j])
            return "\n".join(body)
    raise AssertionError("no section " + title_start)


def by_id(targets):
    return {t["id"]: t for t in targets}


class ReportTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def test_same_json_gives_the_same_bytes(self):
        run = os.path.join(self.dir, "run")
        write_run(run)
        a = run_report([run], os.path.join(self.dir, "a"))
        b = run_report([run], os.path.join(self.dir, "b"))
        c = run_report([run], os.path.join(self.dir, "a"))
        self.assertEqual(a, b)
        self.assertEqual(a, c)
        self.assertIn("performance_report.rst", a)
        self.assertIn("perf_A1.svg", a)
        self.assertIn("perf_F2.svg", a)

    def test_svgs_are_well_formed_and_named_by_the_rst(self):
        run = os.path.join(self.dir, "run")
        write_run(run)
        files = run_report([run], os.path.join(self.dir, "out"))
        rst = files["performance_report.rst"].decode()
        svgs = [n for n in files if n.endswith(".svg")]
        self.assertTrue(svgs)
        for n in svgs:
            root = ET.fromstring(files[n])
            self.assertTrue(root.tag.endswith("svg"), n)
            self.assertIn(".. figure:: pics/%s" % n, rst)
        # cmwq's bar is the highlighted one
        self.assertIn(report.HIGHLIGHT, files["perf_A1.svg"].decode())

    def test_targets_met_and_missed_follow_the_numbers(self):
        run = report.load_run(self._run())
        t = by_id(report.evaluate_targets(run))
        # A1: per-round ratios 0.9, 1.0, 1.1: median 1.0, at most 1.0x: met.
        self.assertEqual(t["A1"]["status"], "met")
        self.assertEqual(t["A2"]["status"], "met")
        self.assertEqual(t["A2-ctx"]["status"], "missed")
        self.assertEqual(t["I-queue_work_on"]["status"], "met")
        self.assertEqual(t["I-process_one_work"]["status"], "missed")
        self.assertEqual(t["B1"]["status"], "met")
        # 5.0 / 4.5 = 1.11x, 70 threads for 64 items: more than items + 2: missed.
        self.assertEqual(t["C1a"]["status"], "missed")
        self.assertEqual(t["F1-threads"]["status"], "met")
        self.assertEqual(t["F1-memory"]["status"], "met")

    def test_a_slower_round_turns_a1_into_a_miss(self):
        res = copy.deepcopy(RESULTS)
        res["workloads"][0]["results"][0]["rounds"] = [101.0, 102.0, 103.0]
        res["workloads"][0]["results"][0]["median"] = 102.0
        t = by_id(report.evaluate_targets(report.load_run(self._run(results=res))))
        self.assertEqual(t["A1"]["status"], "missed")
        self.assertIn("1.02x", t["A1"]["measured"])

    def test_b1_p99_over_ten_us_is_a_miss(self):
        res = copy.deepcopy(RESULTS)
        res["workloads"][2]["results"][0]["extra"]["p99_us"] = 10.5
        t = by_id(report.evaluate_targets(report.load_run(self._run(results=res))))
        self.assertEqual(t["B1"]["status"], "missed")

    def test_missing_data_is_not_measured_never_a_number(self):
        run = os.path.join(self.dir, "run")
        write_run(run, results=None, icount=None)
        files = run_report([run], os.path.join(self.dir, "out"))
        rst = files["performance_report.rst"].decode()
        t = by_id(report.evaluate_targets(report.load_run(run)))
        for tid in ("A1", "A2", "A2-ctx", "I-queue_work_on", "I-process_one_work",
                    "I-flush_work", "B1", "D1", "C1a"):
            self.assertEqual(t[tid]["status"], "not measured", tid)
            self.assertEqual(t[tid]["measured"], report.NOT_MEASURED, tid)
        self.assertEqual(t["F1-threads"]["status"], "met")
        self.assertIn(report.NOT_MEASURED, rst)
        self.assertIn("``results.json``", rst)
        # a workload with a status other than ok says why, and draws nothing
        res = copy.deepcopy(RESULTS)
        write_run(run, results=res)
        files = run_report([run], os.path.join(self.dir, "out2"))
        rst = files["performance_report.rst"].decode()
        self.assertIn("Not measured in this run: not yet: no delayed work.", rst)
        self.assertNotIn("perf_E1.svg", files)

    def test_the_first_directory_with_results_wins(self):
        local = os.path.join(self.dir, "local")
        ref = os.path.join(self.dir, "results", "reference")
        write_run(local, results=None)
        write_run(ref)
        self.assertEqual(report.choose_run([local, ref]), ref)
        write_run(local)
        self.assertEqual(report.choose_run([local, ref]), local)
        self.assertEqual(report.choose_run([os.path.join(self.dir, "none")]), None)
        files = run_report([os.path.join(self.dir, "none"), ref], os.path.join(self.dir, "o"))
        self.assertIn("reference run", files["performance_report.rst"].decode())

    def test_text_for_a_missed_target_names_the_fix(self):
        run = os.path.join(self.dir, "run")
        write_run(run)
        rst = run_report([run], os.path.join(self.dir, "out"))["performance_report.rst"].decode()
        analysis = report.load_analysis(os.path.join(REPO, "bench", "analysis.toml"))
        fix = analysis["target"]["A2-ctx"]["fix"].split()[0]
        self.assertIn("The change that would fix it: " + fix, rst)
        # a met target (A2's ratio) gets no fix; a missed one (A2's context switches) does
        self.assertNotIn("The change that would fix it", section(rst, "A2 wall time per item"))
        self.assertIn("The change that would fix it", section(rst, "A2 at most 0.05 context"))

    def test_placeholders_the_run_lacks_read_not_measured(self):
        self.assertEqual(report.fill("p50 {p50} us", {}), "p50 %s us" % report.NOT_MEASURED)
        self.assertEqual(report.fill("p50 {p50} us", {"p50": "2.50"}), "p50 2.50 us")

    def test_every_target_has_its_texts(self):
        analysis = report.load_analysis(os.path.join(REPO, "bench", "analysis.toml"))
        run = report.load_run(self._run())
        for t in report.evaluate_targets(run):
            texts = analysis["target"].get(t["id"])
            self.assertIsNotNone(texts, t["id"])
            keys = ("reported",) if t["id"] == "C1b" else ("met", "missed", "fix")
            for k in keys + ("how",):
                self.assertTrue(texts.get(k, "").strip(), "%s has no %s text" % (t["id"], k))

    def _run(self, results=RESULTS):
        run = os.path.join(self.dir, "run")
        write_run(run, results=results)
        return run


if __name__ == "__main__":
    unittest.main(verbosity=1)
