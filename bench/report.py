#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Turn one benchmark run into the book's Performance report (rst + SVG plots).

    /usr/bin/python3 bench/report.py --in DIR [--in DIR ...] --out OUTDIR
                                     [--image-prefix PREFIX] [--analysis FILE]

A run is a directory holding some of: results.json (the peers' workloads,
``make bench``), machine.json (``cmwq_machine``), footprint.json
(``cmwq_footprint``: workloads F1 and F2) and icount.json (instruction counts
per operation).  Of the directories given, the first that holds a
results.json is the run shown; if none does, the first that holds any of the
four.  Everything shown comes from that one directory, so the report never
mixes two runs.

It writes OUTDIR/performance_report.rst and one SVG per workload
(OUTDIR/perf_<id>.svg).  The rst names its pictures as PREFIX + file name:
an rst that another page includes needs the path from that page.

The text that explains a result (what a workload measures; why a target is
met or missed and the change that would fix it) is not here but in
bench/analysis.toml, reviewed by hand; this program picks the text that
matches the numbers and fills in the numbers.  Anything the run did not
measure is printed as "not measured in this run", never guessed.

Output is deterministic: the same JSON gives byte-identical files.
"""

import argparse
import json
import math
import os
import re
import string
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
NOT_MEASURED = "not measured in this run"
FILES = ("results.json", "machine.json", "footprint.json", "icount.json")
HIGHLIGHT = "#c0392b"
OTHER = "#8c8c8c"
SERIES_COLORS = ("#c0392b", "#2c7fb8", "#41ab5d", "#8856a7", "#fd8d3c", "#636363")


# --- loading ------------------------------------------------------------------

def choose_run(dirs):
    """The directory whose files make the report, or None."""
    for d in dirs:
        if os.path.isfile(os.path.join(d, "results.json")):
            return d
    for d in dirs:
        if any(os.path.isfile(os.path.join(d, f)) for f in FILES):
            return d
    return None


def load_json(path):
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def load_run(d):
    """Merge one run's files into one dict: results (+ F workloads), machine, icount."""
    run = {"dir": d}
    results = load_json(os.path.join(d, "results.json")) if d else None
    run["results"] = results or {}
    run["machine"] = load_json(os.path.join(d, "machine.json")) if d else None
    if not run["machine"] and results and isinstance(results.get("machine"), dict) \
            and results["machine"]:
        run["machine"] = results["machine"]
    run["footprint"] = load_json(os.path.join(d, "footprint.json")) if d else None
    run["icount"] = load_json(os.path.join(d, "icount.json")) if d else None
    workloads = list((results or {}).get("workloads", []))
    if run["footprint"]:
        # footprint.json is where F1 and F2 come from; it replaces any copy.
        fids = {w.get("id") for w in run["footprint"].get("workloads", [])}
        workloads = [w for w in workloads if w.get("id") not in fids]
        workloads += run["footprint"].get("workloads", [])
    run["workloads"] = workloads
    return run


def load_analysis(path):
    with open(path, "rb") as fh:
        return tomllib.load(fh)


# --- small formatting helpers -----------------------------------------------------

def fmt(x):
    """A number as the report prints it: few digits, deterministic."""
    if x is None:
        return NOT_MEASURED
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, int):
        return "{:,}".format(x)
    ax = abs(x)
    if ax >= 1000:
        return "{:,.0f}".format(x)
    if ax >= 100:
        return "{:.0f}".format(x)
    if ax >= 10:
        return "{:.1f}".format(x)
    if ax >= 1:
        return "{:.2f}".format(x)
    return "{:.3f}".format(x)


def cell(x):
    """A table cell: a number, or an em dash for a value the run lacks."""
    if x is None or x == "":
        return "\u2014"
    if isinstance(x, (int, float)):
        return fmt(x)
    return rst_text(str(x))


def rst_text(s):
    """Plain text made safe for reStructuredText inline markup."""
    s = s.replace("\\", "\\\\")
    s = re.sub(r"([*`|])", r"\\\1", s)
    s = re.sub(r"_(?=\W|$)", r"\\_", s)
    return s


def xml(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def num(x):
    """A coordinate in the SVG: two decimals, no trailing noise."""
    s = "{:.2f}".format(x)
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


class Values(dict):
    """Placeholders of the analysis texts: a missing one reads 'not measured in this run'."""

    def __missing__(self, key):
        return NOT_MEASURED


def fill(text, values):
    return string.Formatter().vformat(text, (), Values(values)).strip()


def label_of(r):
    """The name of one result row: the peer, and its threads when that tells rows apart."""
    t = r.get("threads")
    if t is None or t == "":
        return r.get("peer", "?")
    return "%s (%s)" % (r.get("peer", "?"), t if isinstance(t, str) else "%d thr" % t)


# --- SVG ---------------------------------------------------------------------------

def nice_ticks(lo, hi, n=5):
    """Round tick values from lo to hi (linear)."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=10 * mag)
    first = math.floor(lo / step) * step
    ticks = []
    v = first
    while True:
        ticks.append(round(v, 10))
        if v >= hi - step * 1e-9:
            return ticks
        v += step


class Axis:
    """A vertical value axis, linear or log10 (chosen when the values span > 30x)."""

    def __init__(self, values, top, bottom):
        vals = [v for v in values if is_num(v)]
        pos = [v for v in vals if v > 0]
        self.top, self.bottom = top, bottom
        self.log = bool(pos) and len(pos) == len(vals) and max(pos) / min(pos) > 30
        if self.log:
            self.lo = 10 ** math.floor(math.log10(min(pos)))
            self.hi = 10 ** math.ceil(math.log10(max(pos)))
            if self.hi <= self.lo:
                self.hi = self.lo * 10
            self.ticks = []
            t = self.lo
            while t <= self.hi * 1.0001:
                self.ticks.append(t)
                t *= 10
        else:
            hi = max(vals) if vals else 1.0
            self.ticks = nice_ticks(0.0, hi * 1.08 if hi > 0 else 1.0)
            self.lo, self.hi = 0.0, self.ticks[-1]

    def y(self, v):
        if self.log:
            v = max(v, self.lo)
            f = (math.log10(v) - math.log10(self.lo)) / (math.log10(self.hi) - math.log10(self.lo))
        else:
            f = (v - self.lo) / (self.hi - self.lo) if self.hi > self.lo else 0.0
        return self.bottom - f * (self.bottom - self.top)


def svg_open(w, h, title):
    return ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
            'viewBox="0 0 %d %d" font-family="sans-serif" font-size="11">' % (w, h, w, h),
            '<title>%s</title>' % xml(title),
            '<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>' % (w, h),
            '<text x="%d" y="18" text-anchor="middle" font-size="13">%s</text>' % (w // 2, xml(title))]


def svg_axis(out, axis, left, right, unit):
    for t in axis.ticks:
        y = axis.y(t)
        out.append('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#e0e0e0"/>'
                   % (num(left), num(y), num(right), num(y)))
        out.append('<text x="%s" y="%s" text-anchor="end">%s</text>'
                   % (num(left - 4), num(y + 4), xml(fmt(t))))
    out.append('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#000000"/>'
               % (num(left), num(axis.top), num(left), num(axis.bottom)))
    out.append('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#000000"/>'
               % (num(left), num(axis.bottom), num(right), num(axis.bottom)))
    label = unit + (" (log scale)" if axis.log else "")
    out.append('<text x="12" y="%s" transform="rotate(-90 12 %s)" text-anchor="middle">%s</text>'
               % (num((axis.top + axis.bottom) / 2), num((axis.top + axis.bottom) / 2), xml(label)))


def svg_label(out, cx, y, label, bold):
    """A result's name under its bar: the peer, and below it its threads."""
    m = re.fullmatch(r"(.*) \((.*)\)", label)
    peer, sub = (m.group(1), m.group(2)) if m else (label, "")
    out.append('<text x="%s" y="%s" text-anchor="middle" font-size="10"%s>%s</text>'
               % (num(cx), num(y), ' font-weight="bold"' if bold else "", xml(peer)))
    if sub:
        out.append('<text x="%s" y="%s" text-anchor="middle" font-size="9" fill="#555555">%s</text>'
                   % (num(cx), num(y + 12), xml(sub)))


def bar_chart(title, unit, bars):
    """bars: [(label, median, min, max, highlighted)] -> SVG text."""
    w, h, left, right, top, bottom = 640, 300, 70, 625, 36, 260
    vals = []
    for _, med, lo, hi, _ in bars:
        vals += [v for v in (med, lo, hi) if is_num(v)]
    axis = Axis(vals, top, bottom)
    out = svg_open(w, h, title)
    svg_axis(out, axis, left, right, unit)
    slot = (right - left) / max(1, len(bars))
    bw = min(48.0, slot * 0.6)
    for i, (label, med, lo, hi, hl) in enumerate(bars):
        cx = left + slot * (i + 0.5)
        color = HIGHLIGHT if hl else OTHER
        if is_num(med):
            y = axis.y(med)
            out.append('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>'
                       % (num(cx - bw / 2), num(y), num(bw), num(max(0.0, bottom - y)), color))
            if is_num(lo) and is_num(hi):
                y0, y1 = axis.y(lo), axis.y(hi)
                out.append('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#000000"/>'
                           % (num(cx), num(y0), num(cx), num(y1)))
                for yy in (y0, y1):
                    out.append('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#000000"/>'
                               % (num(cx - 6), num(yy), num(cx + 6), num(yy)))
            top_y = axis.y(hi) if is_num(hi) else y
            out.append('<text x="%s" y="%s" text-anchor="middle">%s</text>'
                       % (num(cx), num(top_y - 4), xml(fmt(med))))
        else:
            out.append('<text x="%s" y="%s" text-anchor="middle" fill="#666666">n/m</text>'
                       % (num(cx), num(bottom - 4)))
        svg_label(out, cx, bottom + 14, label, hl)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def latency_chart(title, unit, rows):
    """rows: [(label, p50, p99, highlighted)] -> grouped bars, p50 and p99."""
    w, h, left, right, top, bottom = 640, 300, 70, 625, 50, 260
    vals = [v for _, a, b, _ in rows for v in (a, b) if is_num(v)]
    axis = Axis(vals, top, bottom)
    out = svg_open(w, h, title)
    svg_axis(out, axis, left, right, unit)
    slot = (right - left) / max(1, len(rows))
    bw = min(24.0, slot * 0.3)
    shades = (("p50", 1.0), ("p99", 0.45))
    for i, (label, p50, p99, hl) in enumerate(rows):
        cx = left + slot * (i + 0.5)
        for k, (v, (name, opacity)) in enumerate(zip((p50, p99), shades)):
            x = cx - bw + k * bw
            if is_num(v):
                y = axis.y(v)
                out.append('<rect x="%s" y="%s" width="%s" height="%s" fill="%s" fill-opacity="%s"/>'
                           % (num(x), num(y), num(bw), num(max(0.0, bottom - y)),
                              HIGHLIGHT if hl else OTHER, opacity))
                out.append('<text x="%s" y="%s" text-anchor="middle" font-size="9">%s</text>'
                           % (num(x + bw / 2), num(y - 3), xml(fmt(v))))
        svg_label(out, cx, bottom + 14, label, hl)
    for k, (name, opacity) in enumerate(shades):
        x = left + 10 + k * 55
        out.append('<rect x="%s" y="28" width="10" height="10" fill="%s" fill-opacity="%s"/>'
                   % (num(x), OTHER, opacity))
        out.append('<text x="%s" y="37">%s</text>' % (num(x + 14), name))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def line_chart(title, unit, series):
    """series: [(name, t_ms list, value list)] -> one polyline each over time."""
    w, h, left, right, top, bottom = 640, 320, 70, 625, 36, 250
    ys = [v for _, _, vs in series for v in vs if is_num(v)]
    xs = [t for _, ts, _ in series for t in ts if is_num(t)]
    axis = Axis(ys + [0], top, bottom)
    if axis.log:  # counts over time read best on a linear axis
        axis = Axis([max(ys) if ys else 1.0, 0.0], top, bottom)
        axis.log = False
    out = svg_open(w, h, title)
    svg_axis(out, axis, left, right, unit)
    xmax = max(xs) if xs else 1.0
    xticks = nice_ticks(0.0, xmax if xmax > 0 else 1.0)
    xhi = xticks[-1]

    def xpos(t):
        return left + (t / xhi) * (right - left) if xhi > 0 else left

    for t in xticks:
        out.append('<text x="%s" y="%s" text-anchor="middle">%s</text>'
                   % (num(xpos(t)), num(bottom + 14), xml(fmt(t / 1000.0))))
    out.append('<text x="%s" y="%s" text-anchor="middle">time (s)</text>'
               % (num((left + right) / 2), num(bottom + 30)))
    for i, (name, ts, vs) in enumerate(series):
        color = SERIES_COLORS[i % len(SERIES_COLORS)]
        pts = " ".join("%s,%s" % (num(xpos(t)), num(axis.y(v)))
                       for t, v in zip(ts, vs) if is_num(t) and is_num(v))
        if pts:
            out.append('<polyline fill="none" stroke="%s" stroke-width="1.5" points="%s"/>'
                       % (color, pts))
        ly = bottom + 46 + 14 * i
        out.append('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"/>'
                   % (num(left), num(ly - 4), num(left + 20), num(ly - 4), color))
        out.append('<text x="%s" y="%s">%s</text>' % (num(left + 26), num(ly), xml(name)))
    out[0] = out[0].replace('height="320"', 'height="%d"' % (h + 14 * len(series)), 1)
    out[0] = out[0].replace('0 0 640 320', '0 0 640 %d' % (h + 14 * len(series)), 1)
    out[2] = out[2].replace('height="320"', 'height="%d"' % (h + 14 * len(series)), 1)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def plot_workload(w):
    """The SVG for one workload, or None if it has nothing to draw."""
    title = "%s: %s" % (w.get("id", "?"), w.get("title", ""))
    results = w.get("results") or []
    if w.get("series"):
        return line_chart(title, w.get("series_unit", "count"),
                          [(s.get("name", "?") + ("" if s.get("peer") in (None, "cmwq")
                                                  else " [%s]" % s.get("peer")),
                            s.get("t_ms") or [], s.get("value") or [])
                           for s in w["series"]])
    if not results:
        return None
    if any(is_num((r.get("extra") or {}).get("p50_us")) for r in results):
        return latency_chart(title, "microseconds",
                             [(label_of(r), (r.get("extra") or {}).get("p50_us"),
                               (r.get("extra") or {}).get("p99_us"), r.get("peer") == "cmwq")
                              for r in results])
    return bar_chart(title, w.get("unit", ""),
                     [(label_of(r), r.get("median"), r.get("min"), r.get("max"),
                       r.get("peer") == "cmwq") for r in results])


# --- targets -----------------------------------------------------------------------

def workload(run, wid):
    for w in run["workloads"]:
        if w.get("id") == wid and w.get("status", "ok") == "ok" and w.get("results"):
            return w
    return None


def cmwq_rows(w):
    return [r for r in (w.get("results") or []) if r.get("peer") == "cmwq" and is_num(r.get("median"))]


def best_cmwq(w, prefer_threads=None):
    rows = cmwq_rows(w)
    if prefer_threads:
        pref = [r for r in rows if r.get("threads") == prefer_threads]
        rows = pref or rows
    return min(rows, key=lambda r: r["median"]) if rows else None


def ratio_to_best_peer(w, row):
    """cmwq's time over the best other peer's: the median of per-round ratios when
    every row has the same number of rounds, else the ratio of the medians."""
    others = [r for r in (w.get("results") or [])
              if r.get("peer") != "cmwq" and is_num(r.get("median"))]
    if not row or not others:
        return None, None
    rounds = [r.get("rounds") or [] for r in others] + [row.get("rounds") or []]
    n = len(rounds[0])
    best_name = min(others, key=lambda r: r["median"])
    if n and all(len(x) == n for x in rounds) and all(is_num(v) for x in rounds for v in x):
        ratios = sorted(row["rounds"][i] / min(r["rounds"][i] for r in others)
                        for i in range(n) if min(r["rounds"][i] for r in others) > 0)
        if ratios:
            m = len(ratios)
            med = ratios[m // 2] if m % 2 else (ratios[m // 2 - 1] + ratios[m // 2]) / 2
            return med, label_of(best_name)
    if best_name["median"] > 0:
        return row["median"] / best_name["median"], label_of(best_name)
    return None, None


def icount_op(run, prefix):
    ops = (run.get("icount") or {}).get("operations") or []
    for op in ops:
        if str(op.get("name", "")).startswith(prefix) and is_num(op.get("instructions")):
            return op
    return None


def verdict(ok):
    if ok is None:
        return "not measured"
    return "met" if ok else "missed"


def evaluate_targets(run):
    """Every target of issue 9, measured against this run.

    Returns a list of dicts: id, target (the rule), measured (text), status
    ('met', 'missed', 'not measured' or 'reported'), values (for the texts).
    """
    out = []

    def add(tid, rule, ok, measured, values):
        out.append({"id": tid, "target": rule, "status": verdict(ok),
                    "measured": measured if ok is not None else NOT_MEASURED,
                    "values": values})

    # A1: one producer, at most 1.0x the best peer.
    w = workload(run, "A1")
    row = best_cmwq(w) if w else None
    ratio, best = ratio_to_best_peer(w, row) if row else (None, None)
    add("A1", "A1 wall time per item at most 1.0x the best peer's",
        None if ratio is None else ratio <= 1.0,
        "%sx %s (cmwq %s %s)" % (fmt(ratio), best, fmt(row["median"]) if row else "",
                                 w.get("unit", "") if w else ""),
        {"ratio": fmt(ratio), "best_peer": best,
         "cmwq": fmt(row["median"]) if row else None})

    # A2: a producer per CPU, at most 0.7x the best peer, at most 0.05 ctx switches/item.
    w = workload(run, "A2")
    row = best_cmwq(w, "per-CPU pools") if w else None
    ratio, best = ratio_to_best_peer(w, row) if row else (None, None)
    add("A2", "A2 wall time per item at most 0.7x the best peer's",
        None if ratio is None else ratio <= 0.7,
        "%sx %s" % (fmt(ratio), best),
        {"ratio": fmt(ratio), "best_peer": best})
    ctx = row.get("ctx_switches_per_item") if row else None
    add("A2-ctx", "A2 at most 0.05 context switches per item",
        None if not is_num(ctx) else ctx <= 0.05,
        "%s per item" % fmt(ctx), {"ctx": fmt(ctx) if is_num(ctx) else None})

    # Instruction counts.
    for tid, prefix, budget, what in (
            ("I-queue_work_on", "queue_work_on", 250, "queue_work_on() fast path"),
            ("I-process_one_work", "process_one_work", 500, "process_one_work() overhead"),
            ("I-flush_work", "flush_work", 150, "flush_work() on an idle item")):
        op = icount_op(run, prefix)
        n = op["instructions"] if op else None
        add(tid, "%s at most %d instructions" % (what, budget),
            None if n is None else n <= budget,
            "%s instructions" % fmt(n), {"instructions": fmt(n), "budget": str(budget)})

    # B1: per-CPU queue-to-start latency.
    w = workload(run, "B1")
    rows = [r for r in (w.get("results") or []) if r.get("peer") == "cmwq"] if w else []
    pref = [r for r in rows if r.get("threads") == "per-CPU pools"] or rows
    ex = (pref[0].get("extra") or {}) if pref else {}
    p50, p99 = ex.get("p50_us"), ex.get("p99_us")
    ok = None if not (is_num(p50) and is_num(p99)) else (p50 <= 3.0 and p99 <= 10.0)
    add("B1", "B1 per-CPU queue-to-start p50 at most 3 us and p99 at most 10 us", ok,
        "p50 %s us, p99 %s us" % (fmt(p50), fmt(p99)),
        {"p50": fmt(p50) if is_num(p50) else None, "p99": fmt(p99) if is_num(p99) else None,
         "local": fmt(ex.get("local_cpu_fraction")) if is_num(ex.get("local_cpu_fraction")) else None})

    # D1: queue_work + flush_work round trip.
    w = workload(run, "D1")
    rows = [r for r in (w.get("results") or []) if r.get("peer") == "cmwq"] if w else []
    p50 = (rows[0].get("extra") or {}).get("p50_us") if rows else None
    add("D1", "D1 queue_work + flush_work round trip p50 at most 5 us",
        None if not is_num(p50) else p50 <= 5.0,
        "p50 %s us" % fmt(p50), {"p50": fmt(p50) if is_num(p50) else None})

    # C1a: cooperative sleeps against GLib unbounded, with few threads.
    w = workload(run, "C1a")
    row = best_cmwq(w) if w else None
    glib = [r for r in (w.get("results") or []) if r.get("peer") == "glib_unbounded"
            and is_num(r.get("median"))] if w else []
    items = (w.get("params") or {}).get("items") if w else None
    threads = None
    if row:
        ex = row.get("extra") or {}
        threads = ex.get("peak_workers", row.get("peak_threads"))
    ok = None
    measured = ""
    values = {}
    if row and glib and is_num(items) and is_num(threads):
        r = row["median"] / glib[0]["median"] if glib[0]["median"] > 0 else None
        if r is not None:
            ok = r <= 1.2 and threads <= items + 2
            measured = "%sx GLib unbounded, %s threads for %s items" % (fmt(r), fmt(threads), fmt(items))
            values = {"ratio": fmt(r), "threads": fmt(threads), "items": fmt(items),
                      "cmwq": fmt(row["median"]), "glib": fmt(glib[0]["median"])}
    add("C1a", "C1 cooperative sleeps: at most 1.2x GLib unbounded's makespan, "
        "with at most blocked items + 2 threads", ok, measured, values)

    # C1b: raw nanosleep: reported, no target.
    w = workload(run, "C1b")
    row = best_cmwq(w) if w else None
    if row:
        fixed = [r for r in (w.get("results") or []) if r.get("peer") != "cmwq"
                 and r.get("peer") != "glib_unbounded" and is_num(r.get("median"))]
        best_fixed = min(fixed, key=lambda r: r["median"]) if fixed else None
        out.append({"id": "C1b", "target": "C1 raw nanosleep: say what happens and why",
                    "status": "reported",
                    "measured": "cmwq %s %s%s" % (fmt(row["median"]), w.get("unit", ""),
                                                 ", best fixed pool %s" % fmt(best_fixed["median"])
                                                 if best_fixed else ""),
                    "values": {"cmwq": "%s %s" % (fmt(row["median"]), w.get("unit", "")),
                               "fixed": "%s %s" % (fmt(best_fixed["median"]), w.get("unit", ""))
                               if best_fixed else None,
                               "threads": fmt(row.get("peak_threads"))
                               if is_num(row.get("peak_threads")) else None}})
    else:
        out.append({"id": "C1b", "target": "C1 raw nanosleep: say what happens and why",
                    "status": "not measured", "measured": NOT_MEASURED, "values": {}})

    # F1: threads independent of the number of workqueues; at most 2 KiB per CPU.
    w = workload(run, "F1")
    row = best_cmwq(w) if w else None
    indep = (row.get("extra") or {}).get("threads_independent") if row else None
    add("F1-threads", "F1 threads independent of the number of workqueues",
        None if indep is None else bool(indep),
        "independent" if indep else "grow with the workqueues", {})
    per_cpu = row["median"] if row else None
    add("F1-memory", "F1 at most 2 KiB per CPU for each idle workqueue",
        None if not is_num(per_cpu) else per_cpu <= 2048,
        "%s bytes per CPU" % fmt(per_cpu), {"bytes": fmt(per_cpu) if is_num(per_cpu) else None})
    return out


# --- the rst -----------------------------------------------------------------------

def list_table(header, rows, widths=None):
    out = [".. list-table::", "   :header-rows: 1"]
    if widths:
        out.append("   :widths: " + " ".join(str(x) for x in widths))
    out.append("")
    for r in [header] + rows:
        first = True
        for c in r:
            out.append(("   * - " if first else "     - ") + (c if c != "" else "\u2014"))
            first = False
    out.append("")
    return out


def heading(text, ch):
    return [text, ch * len(text), ""]


def para(text):
    return [text, ""] if text else []


def machine_section(run, analysis):
    m = run.get("machine")
    out = heading("The machine", "-")
    if not m:
        return out + para("The machine was %s (``make bench-machine`` writes it)." % NOT_MEASURED)
    wake = m.get("wake") or {}

    def us(key, field="median_us"):
        v = (wake.get(key) or {}).get(field)
        return fmt(v) if is_num(v) else None

    create = (m.get("thread_create_join") or {}).get("median_us")
    virt = m.get("hypervisor") or ""
    values = {
        "cores": fmt(m.get("cores")) if is_num(m.get("cores")) else None,
        "cpu_model": m.get("cpu_model") or None,
        "hypervisor": virt if virt and virt != "none" else None,
        "kernel": m.get("kernel"),
        "slack_us": fmt(m["timerslack_ns"] / 1000.0) if is_num(m.get("timerslack_ns")) else None,
        "same_rt": us("same_cpu_roundtrip"), "cross_rt": us("cross_cpu_roundtrip"),
        "same_ow": us("same_cpu_oneway"), "cross_ow": us("cross_cpu_oneway"),
        "same_ow_p99": us("same_cpu_oneway", "p99_us"),
        "cross_ow_p99": us("cross_cpu_oneway", "p99_us"),
        "create": fmt(create) if is_num(create) else None,
    }
    if is_num((wake.get("cross_cpu_oneway") or {}).get("median_us")) and \
            is_num((wake.get("same_cpu_oneway") or {}).get("median_us")) and \
            wake["same_cpu_oneway"]["median_us"] > 0:
        values["cross_over_same"] = fmt(wake["cross_cpu_oneway"]["median_us"] /
                                        wake["same_cpu_oneway"]["median_us"])
    vm = "yes (%s)" % virt if m.get("vm") and virt and virt != "none" else \
        ("yes (hypervisor flag)" if m.get("vm") else "no")
    if m.get("container") and m.get("container") != "none":
        vm += ", in a %s container" % m["container"]
    rows = [
        ["cores", cell(m.get("cores"))],
        ["CPU model", cell(m.get("cpu_model"))],
        ["virtual machine", rst_text(vm)],
        ["kernel", cell(m.get("kernel"))],
        ["timer slack", cell(values["slack_us"] and values["slack_us"] + " us")],
        ["wake, same CPU (one way, p50 / p99)",
         "%s / %s us" % (values["same_ow"] or "\u2014", values["same_ow_p99"] or "\u2014")],
        ["wake, other CPU (one way, p50 / p99)",
         "%s / %s us" % (values["cross_ow"] or "\u2014", values["cross_ow_p99"] or "\u2014")],
        ["futex ping-pong round trip, same CPU", cell(values["same_rt"] and values["same_rt"] + " us")],
        ["futex ping-pong round trip, other CPU", cell(values["cross_rt"] and values["cross_rt"] + " us")],
        ["thread create + join", cell(values["create"] and values["create"] + " us")],
        ["load average when measured", cell(m.get("loadavg"))],
    ]
    out += list_table(["what", "value"], rows, [40, 60])
    out += para("Each wake figure is the median of %s runs' medians (``cmwq_machine``, "
                "``bench/machine.cpp``)." % fmt(m.get("runs")) if is_num(m.get("runs")) else "")
    text = (analysis.get("machine") or {}).get("text")
    if text:
        out += para(fill(text, values))
    return out


def extra_rows_table(rows):
    """A table of a workload's extra.rows (F1): one row per measured configuration."""
    keys = []
    for r in rows:
        for k in r:
            if k not in keys:
                keys.append(k)
    body = []
    for r in rows:
        line = []
        for k in keys:
            v = r.get(k)
            if isinstance(v, list) and v and all(is_num(x) for x in v):
                s = sorted(v)
                med = s[len(s) // 2] if len(s) % 2 else (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2
                line.append(fmt(med) if s[0] == s[-1] else
                            "%s (%s to %s)" % (fmt(med), fmt(s[0]), fmt(s[-1])))
            else:
                line.append(cell(v))
        body.append(line)
    return list_table([k.replace("_", " ") for k in keys], body)


def workload_section(w, analysis, image_prefix, images):
    wid = w.get("id", "?")
    desc = (analysis.get("workload") or {}).get(wid, {})
    out = heading("%s: %s" % (wid, w.get("title", "")), "~")
    out += para(desc.get("text", "").strip())
    params = w.get("params") or {}
    if params:
        out += para("Parameters: " + ", ".join(
            "%s = %s" % (rst_text(k), "``%s``" % json.dumps(v, sort_keys=True)
                         if not is_num(v) else fmt(v))
            for k, v in sorted(params.items())) + ".")
    status = w.get("status", "ok")
    results = w.get("results") or []
    if status != "ok" or not results:
        reason = status if status != "ok" else "no results"
        return out + para("%s: %s." % (NOT_MEASURED.capitalize(), rst_text(str(reason))))
    unit = w.get("unit", "")
    rows = []
    for r in results:
        rtb = (r.get("ratio_to_best") or {}).get("median")
        rows.append([
            "**%s**" % rst_text(label_of(r)) if r.get("peer") == "cmwq" else rst_text(label_of(r)),
            cell(r.get("median")),
            "%s to %s" % (cell(r.get("min")), cell(r.get("max"))),
            cell(rtb), cell(r.get("cpu_ns_per_item")), cell(r.get("ctx_switches_per_item")),
            cell(r.get("peak_threads"))])
    out += list_table(["peer", "median (%s)" % rst_text(unit) if unit else "median",
                       "min to max", "ratio to best", "CPU ns/item", "ctx switches/item",
                       "peak threads"], rows)
    lat = [r for r in results if is_num((r.get("extra") or {}).get("p50_us"))]
    if lat:
        out += list_table(["peer", "p50 (us)", "p99 (us)", "on the issuer's CPU"],
                          [[rst_text(label_of(r)), cell(r["extra"].get("p50_us")),
                            cell(r["extra"].get("p99_us")),
                            cell(r["extra"].get("local_cpu_fraction"))] for r in lat])
    for r in results:
        ex = r.get("extra") or {}
        if isinstance(ex.get("rows"), list) and ex["rows"]:
            out += para("Each configuration, %s, in a fresh process:" % rst_text(label_of(r)))
            out += extra_rows_table(ex["rows"])
        scalars = [(k, v) for k, v in sorted(ex.items())
                   if k not in ("rows", "p50_us", "p99_us", "local_cpu_fraction")
                   and (is_num(v) or isinstance(v, bool))]
        if scalars and not lat:
            out += para("%s: %s." % (rst_text(label_of(r)), ", ".join(
                "%s %s" % (rst_text(k.replace("_", " ")), cell(v)) for k, v in scalars)))
    svg = plot_workload(w)
    if svg:
        name = "perf_%s.svg" % re.sub(r"[^A-Za-z0-9_]", "_", wid)
        images[name] = svg
        out += [".. figure:: %s%s" % (image_prefix, name),
                "   :alt: %s" % rst_text("%s: %s" % (wid, w.get("title", ""))), "",
                "   %s" % rst_text(desc.get("caption", "%s, as measured in this run." % wid)), ""]
    # The text after the plot; a workload may have a second one for when a
    # flag of its cmwq result is true (F2: after_reaped, when the idle timer reaped).
    ex = (best_cmwq(w) or {}).get("extra") or {}
    after = desc.get("after", "")
    for k, v in sorted(desc.items()):
        if k.startswith("after_") and ex.get(k[len("after_"):]) is True:
            after = v
    if after:
        out += para(fill(after, derived_values(w, {})))
    return out


def derived_values(w, values):
    """Numbers the after-texts of a workload may name (F1's arithmetic, F2's reaping)."""
    v = dict(values)
    r = best_cmwq(w) or {}
    ex = r.get("extra") or {}
    params = w.get("params") or {}
    for k, x in ex.items():
        if is_num(x) or isinstance(x, bool):
            v[k] = fmt(x)
    for k, x in params.items():
        if is_num(x):
            v[k] = fmt(x)
    if w.get("id") == "F1" and isinstance(ex.get("rows"), list):
        ncpu = params.get("nr_cpus")
        counts = [row.get("workqueues") for row in ex["rows"] if row.get("flags") == "0"]
        if is_num(ncpu) and counts:
            n = max(counts)
            v["most_wqs"] = fmt(n)
            v["plain_threads"] = fmt(n * ncpu)
            v["old_threads"] = fmt(n * ncpu)
        base = [row for row in ex["rows"] if row.get("flags") == "0"]
        if base and isinstance(base[-1].get("threads"), list) and base[-1]["threads"]:
            v["threads_at_most"] = fmt(max(base[-1]["threads"]))
        if base and isinstance(base[0].get("threads"), list) and base[0]["threads"]:
            v["threads_one"] = fmt(max(base[0]["threads"]))
            v["fewest_wqs"] = fmt(base[0].get("workqueues"))
        rec = [row for row in ex["rows"] if row.get("flags") != "0"]
        if rec and isinstance(rec[0].get("threads_added"), list) and rec[0]["threads_added"]:
            v["reclaim_added"] = fmt(max(rec[0]["threads_added"]))
            v["reclaim_wqs"] = fmt(rec[0].get("workqueues"))
    if is_num(r.get("median")):
        v["median"] = fmt(r["median"])
    return v


def targets_section(run, analysis):
    out = heading("Targets", "-")
    out += para("Each target of the benchmarks' issue, computed from the numbers above. A "
                "target whose data this run lacks says so; none is judged on a guess.")
    targets = evaluate_targets(run)
    out += list_table(["target", "measured", "verdict"],
                      [[rst_text(t["target"]), rst_text(t["measured"]), "**%s**" % t["status"]]
                       for t in targets], [50, 35, 15])
    texts = analysis.get("target") or {}
    for t in targets:
        txt = texts.get(t["id"], {})
        out += heading(t["target"], "~")
        out += para("Measured: %s. Verdict: **%s**." % (rst_text(t["measured"]), t["status"]))
        key = {"met": "met", "missed": "missed", "reported": "reported"}.get(t["status"])
        if key and txt.get(key):
            out += para("Why: " + fill(txt[key], t["values"]))
        if t["status"] == "missed" and txt.get("fix"):
            out += para("The change that would fix it: " + fill(txt["fix"], t["values"]))
        if t["status"] == "not measured":
            out += para("This run did not measure it%s." % (
                (": " + fill(txt["how"], t["values"]).rstrip(".")) if txt.get("how") else ""))
    return out


def repo_path(path):
    """@p path relative to the repository when it is inside it, so the text does not
    depend on the directory report.py was started from."""
    p = os.path.abspath(path)
    root = os.path.dirname(HERE)
    return os.path.relpath(p, root) if p.startswith(root + os.sep) else p


def run_header(run, analysis):
    res = run["results"]
    m = run.get("machine") or {}
    fp = run.get("footprint") or {}
    where = run["dir"]
    intro = para(((analysis.get("report") or {}).get("intro") or "").strip())
    if not where:
        return intro + para("No benchmark run was found: everything below is %s." % NOT_MEASURED)
    label = "the project's reference run (``bench/results/reference``)" \
        if os.path.normpath(where).endswith(os.path.join("results", "reference")) \
        else "a local run (``%s``)" % rst_text(repo_path(where))
    date = res.get("generated") or m.get("generated") or fp.get("generated")
    parts = ["This report shows %s" % label]
    if date:
        parts.append("generated %s" % rst_text(str(date)))
    git = res.get("git") or m.get("git") or fp.get("git")
    if git:
        parts.append("at commit ``%s``" % rst_text(str(git)))
    if res.get("build"):
        parts.append("%s build" % rst_text(str(res["build"])))
    if is_num(res.get("rounds")):
        parts.append("%s interleaved rounds" % fmt(res["rounds"]))
    if m:
        parts.append("on %s core%s of %s" % (fmt(m.get("cores")), "" if m.get("cores") == 1 else "s",
                                             rst_text(m.get("cpu_model") or "an unnamed CPU")))
    out = para(", ".join(parts) + ".")
    missing = [f for f in FILES if not os.path.isfile(os.path.join(where or "", f))]
    if missing:
        out += para("This run has no %s: what those files hold is %s." % (
            ", ".join("``%s``" % f for f in missing), NOT_MEASURED))
    return intro + out


def render(run, analysis, image_prefix=""):
    """The report's rst text and its pictures {file name: SVG text}."""
    images = {}
    out = [".. This file is generated by bench/report.py from one benchmark run; do not edit.", ""]
    out += run_header(run, analysis)
    out += machine_section(run, analysis)
    out += heading("Workloads", "-")
    order = (analysis.get("report") or {}).get("order") or []
    ws = sorted(run["workloads"], key=lambda w: (order.index(w.get("id")) if w.get("id") in order
                                                  else len(order), str(w.get("id"))))
    by_id = {w.get("id"): w for w in ws}
    ids = list(order) + [w.get("id") for w in ws if w.get("id") not in order]
    for wid in ids:
        if wid in by_id:
            out += workload_section(by_id[wid], analysis, image_prefix, images)
            continue
        desc = (analysis.get("workload") or {}).get(wid, {})
        out += heading("%s: %s" % (wid, desc.get("title", "")), "~")
        out += para(desc.get("text", "").strip())
        out += para("%s." % NOT_MEASURED.capitalize())
    out += icount_section(run)
    out += targets_section(run, analysis)
    text = "\n".join(out).rstrip("\n") + "\n"
    return text, images


def icount_section(run):
    ops = (run.get("icount") or {}).get("operations") or []
    out = heading("Instructions per operation", "-")
    if not ops:
        return out + para("Instruction counts were %s." % NOT_MEASURED)
    out += para("Counted with callgrind: path lengths with the threads run one at a time, "
                "the same on any machine, so they can gate a test where a wall time cannot.")
    out += list_table(["operation", "instructions", "budget", "target", "status"],
                      [[rst_text(str(o.get("name", "?"))), cell(o.get("instructions")),
                        cell(o.get("budget")), cell(o.get("target")), cell(o.get("status"))]
                       for o in ops])
    return out


def write_if_changed(path, text):
    old = None
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as fh:
            old = fh.read()
    if old != text:
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--in", dest="dirs", action="append", required=True, metavar="DIR",
                    help="a run's directory; the first with a results.json wins")
    ap.add_argument("--out", required=True, help="directory for the rst and the SVGs")
    ap.add_argument("--image-prefix", default="", help="path of OUT as seen from the including page")
    ap.add_argument("--analysis", default=os.path.join(HERE, "analysis.toml"))
    args = ap.parse_args(argv)

    d = choose_run(args.dirs)
    run = load_run(d) if d else {"dir": None, "results": {}, "machine": None, "footprint": None,
                                 "icount": None, "workloads": []}
    analysis = load_analysis(args.analysis)
    text, images = render(run, analysis, args.image_prefix)
    os.makedirs(args.out, exist_ok=True)
    for old in sorted(os.listdir(args.out)):
        if old.startswith("perf_") and old.endswith(".svg") and old not in images:
            os.remove(os.path.join(args.out, old))
    for name, svg in sorted(images.items()):
        write_if_changed(os.path.join(args.out, name), svg)
    write_if_changed(os.path.join(args.out, "performance_report.rst"), text)
    print("report.py: %s -> %s (%d pictures)" % (d or "no run", args.out, len(images)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
