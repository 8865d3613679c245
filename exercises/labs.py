#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""cmwq labs: list, hand out, grade, check, and package for Gradescope.

One manifest, exercises/labs.toml, drives everything.  The Makefile calls:

    labs.py list                          make labs
    labs.py progress                      make progress
    labs.py handout LAB OUT               make handout LAB=<id> OUT=<dir>
    labs.py handout-all OUT               make handout-all OUT=<dir>
    labs.py grade [LAB...]                make grade [LAB=<id>] [GRADE_HIDDEN=<dir>]
    labs.py check                         make check-labs
    labs.py autograder LAB OUT            make autograder LAB=<id> [OUT=<dir>]
    labs.py verify                        the manifest/chapters/tests/hints check alone

Solution regions are marked in src/ by lines `// [lab:<region>]` and
`// [lab:<region>-end]`; a region belongs to lab <id> when it is named <id>
or <id>:<part>.  A hand-out replaces each such region by the manifest's stub.
"""

import argparse
import datetime
import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MANIFEST = os.path.join(HERE, "labs.toml")
HANDOUT_INFO = os.path.join(HERE, "handout.json")
MUTANTS = os.path.join(HERE, "mutants")
HIDDEN = os.path.join(HERE, "hidden")
PYTHON = "/usr/bin/python3"

# The story chapters (issue 6); a lab names the ones it belongs to.
STORY = ["why_cmwq", "life_of_a_work_item", "work_data", "workers_and_pools",
         "concurrency_management", "max_active_and_ordering", "unbound_and_ordered",
         "flushing", "pending_protocol", "delayed_work", "end_of_a_workqueue", "who_holds_what",
         "watching_it_work", "your_own_module"]

MARK_RE = re.compile(r"^\s*// \[lab:([A-Za-z0-9_:.-]+?)(-end)?\]\s*$")
TEST_CASE_RE = re.compile(
    r'^[ \t]*TEST_CASE\s*\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)(?:,\s*((?:"(?:[^"\\]|\\.)*"\s*)+))?\)',
    re.M)
STR_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')

# Top-level paths a tree (a hand-out, the grading copy) never holds.
NEVER_COPY = {"build", ".git", ".ci-cache"}


def die(msg):
    print("labs: " + msg, file=sys.stderr)
    sys.exit(2)


# --------------------------------------------------------------------------
# The manifest
# --------------------------------------------------------------------------

def load_manifest(path=MANIFEST):
    with open(path, "rb") as f:
        m = tomllib.load(f)
    d = m.get("defaults", {})
    for lab in m.get("lab", []):
        for t in lab.get("tests", []):
            t.setdefault("seeds", 0)
            t.setdefault("visibility", "visible")
        lab.setdefault("stubs", {})
        lab.setdefault("hints", [])
        lab.setdefault("questions", [])
        lab.setdefault("story", [])
        lab["points"] = sum(t["points"] for t in lab["tests"])
    m.setdefault("defaults", d)
    return m


def lab_by_id(m, lab_id):
    for lab in m["lab"]:
        if lab["id"] == lab_id:
            return lab
    die("no lab %r (make labs lists them)" % lab_id)


def handout_info(root=REPO):
    p = os.path.join(root, "exercises", "handout.json")
    if os.path.isfile(p):
        with open(p) as f:
            return json.load(f)
    return None


def add_hidden(m, hidden_dir):
    """GRADE_HIDDEN=<dir>: <dir>/hidden.toml adds tests (and seeds) per lab,
    <dir>/*_test.cpp are compiled into the lab binaries."""
    p = os.path.join(hidden_dir, "hidden.toml")
    if not os.path.isfile(p):
        die("GRADE_HIDDEN=%s has no hidden.toml" % hidden_dir)
    with open(p, "rb") as f:
        h = tomllib.load(f)
    for entry in h.get("lab", []):
        lab = lab_by_id(m, entry["id"])
        for t in entry.get("tests", []):
            t.setdefault("seeds", 0)
            t["visibility"] = t.get("visibility", "after_published")
            t["hidden"] = True
            lab["tests"].append(t)
        lab["points"] = sum(t["points"] for t in lab["tests"])
    files = sorted(os.path.join(hidden_dir, f) for f in os.listdir(hidden_dir)
                   if f.endswith("_test.cpp"))
    return [os.path.abspath(f) for f in files]


# --------------------------------------------------------------------------
# Regions and stubs
# --------------------------------------------------------------------------

def regions(text):
    """[(name, first line index, end marker line index)] of a file's lab regions."""
    out, open_ = [], {}
    for i, line in enumerate(text.split("\n")):
        mk = MARK_RE.match(line)
        if not mk:
            continue
        name, end = mk.group(1), mk.group(2)
        if end:
            if name not in open_:
                raise ValueError("line %d: end marker of region %r that is not open" % (i + 1, name))
            out.append((name, open_.pop(name), i))
        else:
            if name in open_:
                raise ValueError("line %d: region %r opened twice" % (i + 1, name))
            open_[name] = i
    if open_:
        raise ValueError("region(s) %s never closed" % ", ".join(sorted(open_)))
    return sorted(out, key=lambda r: r[1])


def region_of_lab(name, lab_id):
    return name == lab_id or name.startswith(lab_id + ":")


def stub_text(text, lab):
    """The file with every region of the lab replaced by its stub (markers kept)."""
    lines = text.split("\n")
    for name, a, b in reversed(regions(text)):
        if not region_of_lab(name, lab["id"]):
            continue
        if name not in lab["stubs"]:
            raise ValueError("region %r has no stub in the manifest" % name)
        stub = lab["stubs"][name].strip("\n").split("\n")
        lines[a + 1:b] = stub
    return "\n".join(lines)


def solution_lines(text, lab):
    """Lines inside the lab's regions (stripped)."""
    lines = text.split("\n")
    out = []
    for name, a, b in regions(text):
        if region_of_lab(name, lab["id"]):
            out += [l.strip() for l in lines[a + 1:b] if not MARK_RE.match(l)]
    return out


# --------------------------------------------------------------------------
# Tests, from the sources (no binary needed: a stub may crash the boot)
# --------------------------------------------------------------------------

def c_string(chunks):
    return "".join(bytes(s, "utf-8").decode("unicode_escape") for s in STR_RE.findall(chunks))


def parse_tests(root, extra_files=()):
    tests = []
    files = []
    for dirpath, dirs, fns in os.walk(os.path.join(root, "tests")):
        dirs.sort()
        for fn in sorted(fns):
            if fn.endswith(".cpp"):
                files.append(os.path.join(dirpath, fn))
    files += list(extra_files)
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for mt in TEST_CASE_RE.finditer(text):
            name = c_string(mt.group(1))
            tags = c_string(mt.group(2) or "")
            line = text.count("\n", 0, mt.start()) + 1
            tests.append({"name": name, "tags": re.findall(r"\[([^\]]*)\]", tags),
                          "tagstr": tags, "file": path, "line": line})
    return tests


def filter_matches(flt, test):
    """The part of Catch2's test spec the manifest uses: [a][b] (all tags) or an exact name."""
    flt = flt.strip()
    if flt.startswith("["):
        want = re.findall(r"\[([^\]]*)\]", flt)
        return all(w in test["tags"] for w in want)
    return flt == test["name"]


def catch_arg(flt):
    """A filter as one Catch2 argument (commas in a name are escaped)."""
    if flt.startswith("["):
        return flt
    return flt.replace("\\", "\\\\").replace(",", "\\,")


# The test files that may grade a lab: those built into both test binaries
# (CMakeLists.txt's cmwq_sim_tests globs), since a lab's tests run on real
# threads and under the sim.  The tools' tests run the main build's programs
# as children and the story's tests are not in the sim binary: neither can
# grade a student's code, even when a tag matches a lab's filter.
# tests/modules/ grades the labs' kernel modules (src/labs/*.c), which both
# binaries link and load in-process (src/labs/labs.cmake says why).
GRADED_TEST_DIRS = ("tests/scenarios/", "tests/arch/sim/", "tests/kernel/workqueue/",
                    "tests/kernel/sched/", "tests/kernel/locking/", "tests/kernel/rcu/",
                    "tests/kernel/time/", "tests/modules/")


def graded_test_file(path):
    """Whether a test file may grade a lab (hidden tests, outside tests/, may)."""
    p = path.replace(os.sep, "/")
    i = p.rfind("/tests/")
    if i < 0:
        return True
    return p[i + 1:].startswith(GRADED_TEST_DIRS)


def lab_test_files(lab, tests):
    files = []
    for t in lab["tests"]:
        for tc in tests:
            if not graded_test_file(tc["file"]):
                continue
            if filter_matches(t["filter"], tc) and tc["file"] not in files:
                files.append(tc["file"])
    return files


# --------------------------------------------------------------------------
# Trees: copies of the sources that grading builds from
# --------------------------------------------------------------------------

def tree_files(root):
    """Relative paths of the files a tree holds (no build/, no .git)."""
    out = []
    if os.path.isdir(os.path.join(root, ".git")) or os.path.isfile(os.path.join(root, ".git")):
        try:
            r = subprocess.run(["git", "-C", root, "ls-files", "-z", "--cached", "--others",
                                "--exclude-standard"], capture_output=True, check=True)
            out = [p for p in r.stdout.decode().split("\0") if p]
            out = [p for p in out if p.split("/")[0] not in NEVER_COPY
                   and os.path.isfile(os.path.join(root, p))]
            return sorted(out)
        except (subprocess.CalledProcessError, FileNotFoundError):
            pass
    for dirpath, dirs, fns in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        if rel == ".":
            dirs[:] = [d for d in dirs if d not in NEVER_COPY]
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for fn in sorted(fns):
            out.append(os.path.normpath(os.path.join(rel, fn)))
    return out


def write_if_changed(path, data):
    """Write bytes only if they differ: an unchanged file keeps its mtime, so
    the build recompiles only what changed."""
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except OSError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return True


def sync_tree(files, dest):
    """files: {relpath: bytes}.  Make dest hold exactly these (outside build dirs)."""
    changed = 0
    for rel, data in files.items():
        changed += write_if_changed(os.path.join(dest, rel), data)
    for dirpath, dirs, fns in os.walk(dest):
        for fn in fns:
            rel = os.path.relpath(os.path.join(dirpath, fn), dest)
            if rel not in files:
                os.unlink(os.path.join(dirpath, fn))
    return changed


def read_files(root, rels):
    out = {}
    for rel in rels:
        with open(os.path.join(root, rel), "rb") as f:
            out[rel] = f.read()
    return out


def sha(data):
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------
# Hand-outs
# --------------------------------------------------------------------------

def handout_excluded(rel):
    return (rel.startswith("exercises/hidden/") or rel.startswith("exercises/mutants/")
            or rel == "exercises/handout.json")


def manifest_for_students(text):
    """The manifest without the instructor's model answers."""
    out, skip = [], False
    for line in text.split("\n"):
        if skip:
            if line.rstrip().endswith('"""'):
                skip = False
            continue
        if re.match(r"^answer\s*=", line):
            if line.count('"""') == 1:
                skip = True
            continue
        out.append(line)
    return "\n".join(out)


def make_handout(m, lab_ids, out, git=True):
    if os.path.exists(out) and os.listdir(out):
        die("%s exists and is not empty: choose a new OUT" % out)
    if handout_info():
        die("this tree is itself a hand-out: hand out from the instructor's tree")
    labs = [lab_by_id(m, i) for i in lab_ids]
    rels = [r for r in tree_files(REPO) if not handout_excluded(r)]
    files = read_files(REPO, rels)
    for lab in labs:
        for rel in lab["files"]:
            files[rel] = stub_text(files[rel].decode(), lab).encode()
    files["exercises/labs.toml"] = manifest_for_students(files["exercises/labs.toml"].decode()).encode()
    lab_files = sorted({f for lab in labs for f in lab["files"]})
    info = {
        "labs": [lab["id"] for lab in labs],
        "lab_files": lab_files,
        "created": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "files": {rel: sha(data) for rel, data in sorted(files.items()) if rel not in lab_files},
    }
    files["exercises/handout.json"] = (json.dumps(info, indent=1, sort_keys=True) + "\n").encode()
    os.makedirs(out, exist_ok=True)
    for rel, data in files.items():
        p = os.path.join(out, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)
        src = os.path.join(REPO, rel)
        if os.path.isfile(src) and os.access(src, os.X_OK):
            os.chmod(p, 0o755)
    if git and shutil.which("git"):
        env = dict(os.environ, GIT_AUTHOR_NAME="cmwq labs", GIT_AUTHOR_EMAIL="labs@cmwq.invalid",
                   GIT_COMMITTER_NAME="cmwq labs", GIT_COMMITTER_EMAIL="labs@cmwq.invalid")
        q = dict(capture_output=True, check=True, env=env)
        subprocess.run(["git", "init", "-q", "-b", "main", out], **q)
        subprocess.run(["git", "-C", out, "add", "-A"], **q)
        subprocess.run(["git", "-C", out, "commit", "-q", "-m",
                        "Hand-out: lab %s" % ", ".join(info["labs"])], **q)
        subprocess.run(["git", "-C", out, "tag", "handout"], **q)
    print("labs: hand-out of %s in %s (%d files)" % (", ".join(info["labs"]), out, len(files)))
    print("labs: then: cd %s && make grade" % out)


# --------------------------------------------------------------------------
# Building and running
# --------------------------------------------------------------------------

def cmake_configure(src, bdir, labs_file):
    cache = os.path.join(bdir, "CMakeCache.txt")
    want = "CMWQ_LABS_FILE:FILEPATH=" + labs_file
    if os.path.isfile(cache):
        with open(cache) as f:
            c = f.read()
        if want in c and ("CMAKE_HOME_DIRECTORY:INTERNAL=" + src) in c:
            return None
    cmd = ["cmake", "-S", src, "-B", bdir, "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
           "-DCMWQ_LABS_FILE=" + labs_file]
    if shutil.which("ccache"):
        cmd.append("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache")
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return r.stdout + r.stderr
    return None


def write_labs_cmake(path, m, tree, extra_files, labs):
    tests = parse_tests(tree, extra_files)
    lines = ["# Written by exercises/labs.py: the labs' test binaries."]
    for lab in labs:
        files = lab_test_files(lab, tests)
        if not files:
            die("lab %s: no test file holds its tests" % lab["id"])
        lines.append("cmwq_lab(%s %s)" % (lab["id"], " ".join(files)))
    data = ("\n".join(lines) + "\n").encode()
    write_if_changed(path, data)


def build(bdir, targets, jobs):
    cmd = ["cmake", "--build", bdir, "-j%d" % jobs, "--target"] + targets
    # With ccache, trees at different places (each hand-out, build/grade/tree)
    # share the cache: paths are taken relative to the build directory.
    env = dict(os.environ)
    env.setdefault("CCACHE_BASEDIR", "/")
    env.setdefault("CCACHE_NOHASHDIR", "true")
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    return r.returncode == 0, r.stdout + r.stderr


def run_one(cmd, env, timeout):
    """(status, output): status 'ok', 'fail', 'timeout' or 'crash:<signal>'."""
    try:
        p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             start_new_session=True)
        try:
            out, _ = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            out, _ = p.communicate()
            return "timeout", out.decode(errors="replace")
    except OSError as e:
        return "crash:%s" % e, ""
    out = out.decode(errors="replace")
    if p.returncode == 0:
        return "ok", out
    if p.returncode < 0:
        try:
            return "crash:" + signal.Signals(-p.returncode).name, out
        except ValueError:
            return "crash:signal %d" % -p.returncode, out
    if re.search(r"^No test cases matched", out, re.M):
        return "nomatch", out
    # A Catch2 binary counts failed assertions in its exit status; the sim's
    # deadlock and livelock reports and a kernel BUG() exit otherwise.
    if re.search(r"test cases?:.*failed|assertions?:.*failed", out):
        return "fail", out
    return "crash:exit status %d" % p.returncode, out


def tail(text, n=25):
    lines = text.rstrip("\n").split("\n")
    return "\n".join(lines[-n:])


def grade_test(t, bins, timeouts, rel_bins, stop_at_first=True):
    """Returns (passed, report text, status)."""
    real_bin, sim_bin = bins
    arg = catch_arg(t["filter"])
    env = dict(os.environ, CMWQ_QUIET="1")
    env.pop("WQ_SEED", None)
    if t["backend"] == "real":
        status, out = run_one([real_bin, "--warn", "NoTests", arg], env, timeouts[0])
        if status == "ok":
            return True, "", status
        what = {"fail": "FAIL", "timeout": "TIMEOUT after %ds (scores zero)" % timeouts[0],
                "nomatch": "no test matched the filter (the manifest is wrong)"}.get(
                    status, "CRASH (%s; scores zero)" % status[6:])
        report = "%s\n%s\nrun it: %s --warn NoTests %s" % (
            what, tail(out), rel_bins[0], shlex.quote(arg))
        return False, report, status
    seeds = int(t.get("seeds_first", 1)), int(t.get("seeds_first", 1)) + int(t["seeds"]) - 1
    failed = []
    for seed in range(seeds[0], seeds[1] + 1):
        env["WQ_SEED"] = str(seed)
        status, out = run_one([sim_bin, "--warn", "NoTests", arg], env, timeouts[1])
        if status != "ok":
            failed.append((seed, status, out))
            if stop_at_first:
                break
    if not failed:
        return True, "", "ok"
    seed, status, out = failed[0]
    what = {"fail": "FAIL", "timeout": "TIMEOUT after %ds (scores zero)" % timeouts[1],
            "nomatch": "no test matched the filter (the manifest is wrong)"}.get(
                status, "CRASH (%s; scores zero)" % status[6:])
    report = "%s under the sim with seed %d (seeds %d..%d)\n%s\nreplay it: WQ_SEED=%d %s --warn NoTests %s" % (
        what, seed, seeds[0], seeds[1], tail(out), seed, rel_bins[1], shlex.quote(arg))
    return False, report, status


def hint_text(t, lab, root):
    link = t.get("link", "")
    page = ""
    if link:
        path, _, anchor = link.partition("#")
        html = path[len("chapters/"):-len(".rst")] + ".html"
        page = "\n  read: %s (book: build/docs/html/%s%s)" % (link, html, "#" + anchor if anchor else "")
    return "hint: %s%s\n  all hints: build/docs/html/labs/lab_%s.html" % (t.get("hint", ""), page, lab["id"])


# --------------------------------------------------------------------------
# Grading
# --------------------------------------------------------------------------

class Grader:
    """One tree, one build dir, the labs' binaries; grades labs in it."""

    def __init__(self, m, tree, bdir, labs, extra_test_files=(), jobs=len(os.sched_getaffinity(0)), timeouts=None, quiet=False):
        self.m, self.tree, self.bdir, self.labs = m, tree, bdir, labs
        self.extra = list(extra_test_files)
        self.jobs = jobs
        d = m["defaults"]
        self.timeouts = timeouts or (int(d.get("timeout", 60)), int(d.get("sim_timeout", 30)))
        self.quiet = quiet
        self.labs_file = os.path.join(bdir, "cmwq_labs.cmake")

    def configure(self):
        os.makedirs(self.bdir, exist_ok=True)
        write_labs_cmake(self.labs_file, self.m, self.tree, self.extra, self.labs)
        return cmake_configure(self.tree, self.bdir, self.labs_file)

    def bins(self, lab):
        b = os.path.join(self.bdir, "bin")
        return (os.path.join(b, "lab_%s_tests" % lab["id"]), os.path.join(b, "lab_%s_sim_tests" % lab["id"]))

    def build_lab(self, lab):
        return build(self.bdir, ["lab_%s_tests" % lab["id"], "lab_%s_sim_tests" % lab["id"]], self.jobs)

    def grade_lab(self, lab, out=print, stop_early=False, built=None, bins=None, parallel=False):
        """Returns (score, max, [gradescope test dicts])."""
        ok, log = built if built is not None else self.build_lab(lab)
        results, score = [], 0
        bins = bins or self.bins(lab)
        rel = tuple(os.path.relpath(b, os.getcwd()) for b in bins)
        if not ok:
            out("  BUILD FAILED: lab %s does not compile; every test scores zero" % lab["id"])
            out("\n".join("    " + l for l in tail(log, 30).split("\n")))
            for t in lab["tests"]:
                results.append(self._result(lab, t, 0, "BUILD FAILED\n" + tail(log, 30)))
            return 0, lab["points"], results
        lost = False
        pre = {}
        if parallel and len(lab["tests"]) > 1:
            # Independent processes, mostly waiting (a stub's test waits out
            # its bounded waits): run them side by side.
            import concurrent.futures
            with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
                futs = {i: ex.submit(lambda tt: (time.time(), grade_test(tt, bins, self.timeouts, rel), time.time()), t)
                        for i, t in enumerate(lab["tests"])}
                for i, f in futs.items():
                    a, r, b = f.result()
                    pre[i] = (r, b - a)
        for i, t in enumerate(lab["tests"]):
            name = "%s: %s" % (lab["id"], t["name"])
            if stop_early and lost:
                results.append(self._result(lab, t, 0, "not run"))
                continue
            start = time.time()
            if i in pre:
                (passed, report, status), secs = pre[i]
            else:
                passed, report, status = grade_test(t, bins, self.timeouts, rel)
                secs = time.time() - start
            kind = "sim, %d seeds" % t["seeds"] if t["backend"] == "sim" else "real"
            if passed:
                score += t["points"]
                out("  OK    %2d/%-2d  %s (%s, %.1fs)" % (t["points"], t["points"], name, kind, secs))
                results.append(self._result(lab, t, t["points"], "OK (%s)" % kind))
            else:
                lost = True
                out("  FAIL   0/%-2d  %s (%s, %.1fs)" % (t["points"], name, kind, secs))
                hint = hint_text(t, lab, self.tree)
                if not self.quiet:
                    out("\n".join("        " + l for l in (report + "\n" + hint).split("\n")))
                results.append(self._result(lab, t, 0, report + "\n" + hint))
        return score, lab["points"], results

    @staticmethod
    def _result(lab, t, score, output):
        return {"name": "%s: %s" % (lab["id"], t["name"]), "score": score, "max_score": t["points"],
                "output": output, "visibility": t.get("visibility", "visible")}


def student_tree_files(info, root):
    """The files grading builds from, in a hand-out: the hand-out's own
    version of every file outside the lab's list (from git tag `handout` when
    there is one), the student's version of the lab's files.  Returns
    (files, [changed files outside the lab's list])."""
    lab_files = set(info["lab_files"])
    changed = []
    files = {}
    have_git = subprocess.run(["git", "-C", root, "rev-parse", "-q", "--verify", "refs/tags/handout"],
                              capture_output=True).returncode == 0 if shutil.which("git") else False
    current = set(tree_files(root))
    for rel, digest in info["files"].items():
        data = None
        if rel in current:
            with open(os.path.join(root, rel), "rb") as f:
                data = f.read()
        if data is None or sha(data) != digest:
            changed.append(rel)
            if have_git:
                data = subprocess.run(["git", "-C", root, "show", "handout:" + rel],
                                      capture_output=True, check=True).stdout
        if data is not None:
            files[rel] = data
    for rel in sorted(current - set(info["files"]) - lab_files):
        if rel.startswith(("src/", "tests/", "CMakeLists.txt", "docs/")):
            changed.append(rel)  # a new file where the build would see it
    for rel in lab_files:
        p = os.path.join(root, rel)
        if os.path.isfile(p):
            with open(p, "rb") as f:
                files[rel] = f.read()
    return files, changed, have_git


def cmd_grade(args):
    m = load_manifest()
    info = handout_info()
    if args.labs:
        labs = [lab_by_id(m, i) for i in args.labs]
    elif info:
        labs = [lab_by_id(m, i) for i in info["labs"]]
    else:
        labs = m["lab"]
    extra = []
    if args.hidden:
        extra = add_hidden(m, os.path.abspath(args.hidden))
        labs = [lab_by_id(m, lab["id"]) for lab in labs]
    gdir = os.path.join(REPO, "build", "grade")
    tree = os.path.join(gdir, "tree")
    bdir = os.path.join(gdir, "build-hidden" if args.hidden else "build")
    os.makedirs(gdir, exist_ok=True)
    notes = []
    if info:
        files, changed, have_git = student_tree_files(info, REPO)
        for rel in changed:
            notes.append("changed outside the lab's files, NOT graded (the hand-out's version is used): %s" % rel
                         if have_git else "changed outside the lab's files (no git tag `handout` to restore it; "
                         "graded as it is, which a course's grader will not do): %s" % rel)
    else:
        files = read_files(REPO, tree_files(REPO))
    sync_tree(files, tree)
    for n in notes:
        print("labs: " + n)
    g = Grader(m, tree, bdir, labs, extra, jobs=args.jobs)
    err = g.configure()
    if err:
        print(err)
        die("cmake failed")
    total, maxtotal, tests = 0, 0, []
    history = load_history()
    for lab in labs:
        print("lab %s: %s" % (lab["id"], lab["title"]))
        s, mx, res = g.grade_lab(lab)
        total += s
        maxtotal += mx
        tests += res
        print("  lab %s: %d/%d" % (lab["id"], s, mx))
        history[lab["id"]] = {"score": s, "max_score": mx,
                              "when": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
                              "hidden": bool(args.hidden)}
    save_history(history)
    out_json = args.results or os.path.join(gdir, "results.json")
    result = {"score": total, "max_score": maxtotal, "tests": tests,
              "output": "\n".join(notes) if notes else "",
              "visibility": "visible", "stdout_visibility": "visible"}
    os.makedirs(os.path.dirname(os.path.abspath(out_json)), exist_ok=True)
    with open(out_json, "w") as f:
        json.dump(result, f, indent=1)
    print("Score: %d/%d" % (total, maxtotal))
    print("labs: %s written" % os.path.relpath(out_json, os.getcwd()))
    return 0 if total == maxtotal else 1


def history_path():
    return os.path.join(REPO, "build", "grade", "history.json")


def load_history():
    try:
        with open(history_path()) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def save_history(h):
    os.makedirs(os.path.dirname(history_path()), exist_ok=True)
    with open(history_path(), "w") as f:
        json.dump(h, f, indent=1, sort_keys=True)


def cmd_progress(args):
    m = load_manifest()
    h = load_history()
    info = handout_info()
    mine = set(info["labs"]) if info else None
    print("%-18s %-8s %-7s %s" % ("lab", "score", "passed", "last graded"))
    done = 0
    for lab in m["lab"]:
        if mine is not None and lab["id"] not in mine:
            continue
        r = h.get(lab["id"])
        if r:
            ok = r["score"] == r["max_score"]
            done += ok
            print("%-18s %-8s %-7s %s%s" % (lab["id"], "%d/%d" % (r["score"], r["max_score"]),
                                            "yes" if ok else "no", r["when"],
                                            " (with hidden tests)" if r.get("hidden") else ""))
        else:
            print("%-18s %-8s %-7s %s" % (lab["id"], "-/%d" % lab["points"], "-", "never: make grade LAB=%s" % lab["id"]))
    total = len(mine) if mine is not None else len(m["lab"])
    print("%d of %d labs passed" % (done, total))
    return 0


def cmd_list(args):
    m = load_manifest()
    for lab in m["lab"]:
        print("%-18s %-72s %3d points" % (lab["id"], lab["title"], lab["points"]))
    return 0


# --------------------------------------------------------------------------
# verify: manifest, chapters, tests, hints agree
# --------------------------------------------------------------------------

def section_ids(path):
    """Section ids and explicit labels of an rst file (docutils' make_id of each title)."""
    from docutils.nodes import make_id
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    ids = set()
    for i in range(1, len(lines)):
        u = lines[i]
        if u and len(set(u)) == 1 and u[0] in "=-~^\"'`#*+" and len(u) >= 3 and lines[i - 1].strip() \
                and len(u) >= len(lines[i - 1].rstrip()) and not lines[i - 1].startswith(" "):
            title = re.sub(r"``([^`]*)``", r"\1", lines[i - 1].strip())
            title = re.sub(r":[a-z]+:`([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", title)
            ids.add(make_id(title))
    for l in lines:
        mk = re.match(r"^\.\. _([^:]+):\s*$", l)
        if mk:
            ids.add(mk.group(1))
            ids.add(make_id(mk.group(1)))
    return ids


def all_labels():
    labels = set()
    for dirpath, _dirs, fns in os.walk(os.path.join(REPO, "chapters")):
        for fn in fns:
            if fn.endswith(".rst"):
                with open(os.path.join(dirpath, fn), encoding="utf-8") as f:
                    labels |= set(re.findall(r"^\.\. _([^:]+):\s*$", f.read(), re.M))
    return labels


def find_chapter(name):
    for dirpath, _dirs, fns in os.walk(os.path.join(REPO, "chapters")):
        if name + ".rst" in fns:
            return os.path.join(dirpath, name + ".rst")
    return None


def verify(m, problems):
    tests = parse_tests(REPO)
    labels = all_labels()
    ids = set()
    for lab in m["lab"]:
        lid = lab["id"]
        where = "lab %s" % lid
        if lid in ids:
            problems.append("%s: id used twice" % where)
        ids.add(lid)
        for k in ("title", "chapters", "files", "task", "tests", "hints"):
            if not lab.get(k):
                problems.append("%s: no %s" % (where, k))
        if len(lab["hints"]) < 2:
            problems.append("%s: fewer than two hints" % where)
        for s in lab["story"]:
            if s not in STORY:
                problems.append("%s: story chapter %r is not one of the story's names" % (where, s))
        for ch in lab["chapters"]:
            if not find_chapter(ch):
                problems.append("%s: no chapter chapters/**/%s.rst" % (where, ch))
        for lb in lab.get("read_first", []):
            if lb not in labels:
                problems.append("%s: read_first label %r is not defined in any chapter" % (where, lb))
        seen = set()
        for rel in lab["files"]:
            p = os.path.join(REPO, rel)
            if not os.path.isfile(p):
                problems.append("%s: file %s does not exist" % (where, rel))
                continue
            with open(p, encoding="utf-8") as f:
                text = f.read()
            try:
                rs = [r for r in regions(text) if region_of_lab(r[0], lid)]
            except ValueError as e:
                problems.append("%s: %s: %s" % (where, rel, e))
                continue
            if not rs:
                problems.append("%s: %s has no region // [lab:%s...]" % (where, rel, lid))
            for r in rs:
                seen.add(r[0])
                if r[0] not in lab["stubs"]:
                    problems.append("%s: %s: region %s has no stub" % (where, rel, r[0]))
        for k in lab["stubs"]:
            if k not in seen:
                problems.append("%s: stub %r has no region in the lab's files" % (where, k))
        for h in lab["hints"] + [t for t in lab["tests"]]:
            link = h.get("link")
            if not link:
                problems.append("%s: a hint without a link: %r" % (where, h.get("text", h.get("name"))))
                continue
            path, _, anchor = link.partition("#")
            fp = os.path.join(REPO, path)
            if not path.startswith("chapters/") or not path.endswith(".rst") or not os.path.isfile(fp):
                problems.append("%s: hint link %s: no such chapter file" % (where, link))
            elif anchor and anchor not in section_ids(fp):
                problems.append("%s: hint link %s: no section or label %r in %s" % (where, link, anchor, path))
        names = set()
        for t in lab["tests"]:
            if t["name"] in names:
                problems.append("%s: test name %r used twice" % (where, t["name"]))
            names.add(t["name"])
            if t["backend"] not in ("real", "sim"):
                problems.append("%s: test %r: backend must be real or sim" % (where, t["name"]))
            if t["backend"] == "sim" and int(t.get("seeds", 0)) < 1:
                problems.append("%s: test %r: a sim test needs seeds >= 1" % (where, t["name"]))
            if int(t["points"]) <= 0:
                problems.append("%s: test %r: points must be positive" % (where, t["name"]))
            hit = [tc for tc in tests if filter_matches(t["filter"], tc)]
            if not hit:
                problems.append("%s: test %r: filter %r selects no TEST_CASE" % (where, t["name"], t["filter"]))
            if not t.get("hint"):
                problems.append("%s: test %r has no hint" % (where, t["name"]))
        chtags = {c for t in lab["tests"] for tc in tests if filter_matches(t["filter"], tc)
                  for c in re.findall(r"ch:([^\]]*)", " ".join(tc["tags"]))}
        for ch in lab["chapters"]:
            if ch not in chtags:
                problems.append("%s: no graded test is tagged [ch:%s]" % (where, ch))
        if not handout_info():
            pats = []
            mdir = os.path.join(MUTANTS, lid)
            if os.path.isdir(mdir):
                pats = [f for f in os.listdir(mdir) if f.endswith(".patch")]
            if len(pats) < 2:
                problems.append("%s: %d mutant(s) in exercises/mutants/%s/ (at least two)" % (where, len(pats), lid))
        page = os.path.join(REPO, "chapters", "labs", "lab_" + lid + ".rst")
        if not os.path.isfile(page):
            problems.append("%s: no page chapters/labs/lab_%s.rst" % (where, lid))
        else:
            with open(page, encoding="utf-8") as f:
                text = f.read()
            if not re.search(r"^\.\. _lab-%s:\s*$" % re.escape(lid), text, re.M):
                problems.append("%s: chapters/labs/lab_%s.rst lacks the label .. _lab-%s:" % (where, lid, lid))
            if not re.search(r"^\.\. wq-lab::\s+%s\s*$" % re.escape(lid), text, re.M):
                problems.append("%s: chapters/labs/lab_%s.rst lacks `.. wq-lab:: %s`" % (where, lid, lid))
    # hidden tests (exercises/hidden/hidden.toml): known labs, filters that
    # select a test (here or in the hidden test files), links that resolve
    hp = os.path.join(HIDDEN, "hidden.toml")
    if os.path.isfile(hp) and not handout_info():
        with open(hp, "rb") as f:
            hidden = tomllib.load(f)
        htests = parse_tests(REPO, [os.path.join(HIDDEN, f) for f in sorted(os.listdir(HIDDEN))
                                    if f.endswith("_test.cpp")])
        for entry in hidden.get("lab", []):
            if entry.get("id") not in ids:
                problems.append("exercises/hidden/hidden.toml: no lab %r" % entry.get("id"))
            for t in entry.get("tests", []):
                if not any(filter_matches(t["filter"], tc) for tc in htests):
                    problems.append("exercises/hidden/hidden.toml: %r selects no TEST_CASE" % t["filter"])
                path, _, anchor = t.get("link", "").partition("#")
                if not os.path.isfile(os.path.join(REPO, path)) or (anchor and anchor not in section_ids(os.path.join(REPO, path))):
                    problems.append("exercises/hidden/hidden.toml: link %r does not resolve" % t.get("link"))
    # every lab page belongs to a lab
    ldir = os.path.join(REPO, "chapters", "labs")
    if os.path.isdir(ldir):
        for fn in sorted(os.listdir(ldir)):
            if fn.endswith(".rst") and fn not in ("index.rst", "instructors_guide.rst") \
                    and (not fn.startswith("lab_") or fn[4:-4] not in ids):
                problems.append("chapters/labs/%s: no lab %r in the manifest" % (fn, fn[4:-4]))
    # regions in src/ that no lab claims
    for dirpath, _dirs, fns in os.walk(os.path.join(REPO, "src")):
        for fn in fns:
            p = os.path.join(dirpath, fn)
            try:
                with open(p, encoding="utf-8") as f:
                    rs = regions(f.read())
            except (UnicodeDecodeError, ValueError) as e:
                if isinstance(e, ValueError):
                    problems.append("%s: %s" % (os.path.relpath(p, REPO), e))
                continue
            for r in rs:
                if not any(region_of_lab(r[0], i) for i in ids):
                    problems.append("%s: region %s belongs to no lab" % (os.path.relpath(p, REPO), r[0]))
    return tests


def cmd_verify(args):
    m = load_manifest()
    problems = []
    verify(m, problems)
    for p in problems:
        print("labs: " + p, file=sys.stderr)
    if problems:
        return 1
    print("labs: %d labs, manifest, chapters, tests and hints agree" % len(m["lab"]))
    return 0


# --------------------------------------------------------------------------
# check-labs
# --------------------------------------------------------------------------

class MainBuild:
    """Lab binaries made from the main build's own objects (build/), so that
    check-labs compiles nothing but the variant's files: the variant's .cpp
    files are compiled with the main build's commands, put into a copy of
    libcmwq_internal.a / libcmwq_sim.a in place of the reference's objects, and two
    small binaries are linked from the main build's objects of the lab's test
    files (with the main build's link lines)."""

    TARGETS = (("cmwq_internal", "libcmwq_internal.a", "cmwq_tests"),
               ("cmwq_sim", "libcmwq_sim.a", "cmwq_sim_tests"))
    # The labs' kernel modules (src/labs/*.c) are not in the libraries: an
    # object library per backend links them into the test binaries
    # (src/labs/labs.cmake), and a variant's module object takes the place
    # of the reference's on the link line.
    MODULE_TARGETS = {"cmwq_internal": "cmwq_lab_modules", "cmwq_sim": "cmwq_lab_modules_sim"}

    def __init__(self, bdir, work):
        self.bdir, self.work = bdir, work
        with open(os.path.join(bdir, "compile_commands.json")) as f:
            cc = json.load(f)
        self.cmd = {}
        for e in cc:
            mo = re.search(r"-o (CMakeFiles/(cmwq_internal|cmwq_sim|cmwq_lab_modules|cmwq_lab_modules_sim)"
                           r"\.dir/\S+\.o)\b", e["command"])
            if mo:
                self.cmd[(mo.group(2), os.path.normpath(e["file"]))] = (e["command"], e["directory"])
        self.link = {}
        for _lib, _a, t in self.TARGETS:
            with open(os.path.join(bdir, "CMakeFiles", t + ".dir", "link.txt")) as f:
                self.link[t] = f.read().strip()
        self.ccache = shutil.which("ccache")

    def test_objects(self, target, test_files):
        objs = []
        for tf in test_files:
            rel = os.path.relpath(tf, REPO)
            o = os.path.join(self.bdir, "CMakeFiles", target + ".dir", rel + ".o")
            if not os.path.isfile(o):
                raise FileNotFoundError("%s (build the main build first: make build)" % o)
            objs.append(o)
        return objs

    def make(self, lab, test_files, variant, tag):
        """variant: {relpath: bytes} of the lab's files, or None for the
        reference.  Returns ((ok, log), (real bin, sim bin))."""
        wdir = os.path.join(self.work, lab["id"], tag)
        os.makedirs(os.path.join(wdir, "bin"), exist_ok=True)
        bins, logs = [], []
        for libt, aname, testt in self.TARGETS:
            lib = os.path.join(self.bdir, "lib", aname)
            swap = {}  # a module's object on the link line -> the variant's
            if variant:
                vlib = os.path.join(wdir, aname)
                shutil.copyfile(lib, vlib)
                for rel, data in sorted(variant.items()):
                    src = os.path.join(wdir, "src", rel)
                    os.makedirs(os.path.dirname(src), exist_ok=True)
                    with open(src, "wb") as f:
                        f.write(data)
                    orig = os.path.normpath(os.path.join(REPO, rel))
                    modt = self.MODULE_TARGETS[libt]
                    in_module = (libt, orig) not in self.cmd and (modt, orig) in self.cmd
                    command, cwd = self.cmd[(modt if in_module else libt, orig)]
                    argv = shlex.split(command)
                    obj = os.path.join(wdir, "obj", modt if in_module else libt,
                                       os.path.basename(rel) + ".o")
                    os.makedirs(os.path.dirname(obj), exist_ok=True)
                    if in_module:
                        swap[argv[argv.index("-o") + 1]] = obj
                    argv[argv.index("-o") + 1] = obj
                    argv[argv.index("-c") + 1] = src
                    argv[1:1] = ["-iquote", os.path.dirname(orig)]
                    if self.ccache:
                        argv = [self.ccache] + argv
                    r = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
                    if r.returncode != 0:
                        return (False, r.stdout + r.stderr), None
                    if in_module:
                        continue
                    r = subprocess.run(["ar", "r", vlib, obj], capture_output=True, text=True)
                    if r.returncode != 0:
                        return (False, r.stdout + r.stderr), None
                lib = vlib
            argv = shlex.split(self.link[testt])
            out = os.path.join(wdir, "bin", "lab_%s_%s" % (lab["id"], "sim_tests" if libt == "cmwq_sim" else "tests"))
            keep_main = [a for a in argv if a.endswith("sim_main.cpp.o")]
            new = []
            objs_done = False
            for a in argv:
                if a.startswith("CMakeFiles/" + testt + ".dir/") and a.endswith(".o"):
                    if not objs_done:
                        new += [os.path.join(self.bdir, o) for o in keep_main]
                        new += self.test_objects(testt, test_files)
                        objs_done = True
                    continue
                if a == "lib/" + aname:
                    a = lib
                new.append(swap.get(a, a))
            new[new.index("-o") + 1] = out
            r = subprocess.run(new, cwd=self.bdir, capture_output=True, text=True)
            if r.returncode != 0:
                return (False, r.stdout + r.stderr), None
            bins.append(out)
        return (True, ""), tuple(bins)

def leaks(m, lab, files):
    """Distinctive solution lines of the lab found in a hand-out's files."""
    sol = []
    stub_lines = {l.strip() for s in lab["stubs"].values() for l in s.split("\n")}
    for rel in lab["files"]:
        sol += solution_lines(files[rel].decode(), lab)
    src_other = b"\n".join(d for r, d in files.items()
                           if r.startswith(("src/", "tests/")) and r not in lab["files"])
    cand = [l for l in sol if len(l) >= 16 and l not in stub_lines
            and l.encode() not in src_other and not l.startswith("// [")]
    return cand


def cmd_check(args):
    t0 = time.time()
    if handout_info():
        die("this is a hand-out: it has no reference solution and no mutants to check (make grade grades it)")
    m = load_manifest()
    problems = []
    tests = verify(m, problems)
    if problems:
        for p in problems:
            print("check-labs: " + p, file=sys.stderr)
        print("check-labs: the manifest, chapters, tests and hints disagree (%d problems)" % len(problems),
              file=sys.stderr)
        return 1
    print("check-labs: %d labs: manifest, chapters, tests and hints agree" % len(m["lab"]))
    labs = [lab_by_id(m, i) for i in args.labs] if args.labs else m["lab"]
    work = os.path.join(REPO, "build", "labs")
    shutil.rmtree(work, ignore_errors=True)
    try:
        mb = MainBuild(os.path.join(REPO, args.build), work)
    except OSError as e:
        die("no main build to check the labs against (%s): run make build first" % e)
    ref = read_files(REPO, tree_files(REPO))
    g = Grader(m, REPO, work, labs, timeouts=(args.timeout, args.timeout), quiet=True)
    failures = []
    log = []

    def say(s):
        print(s, flush=True)

    # Builds run here, one after the other (they use the CPU); the grading
    # of each variant runs beside them in a pool, since a stub's or a
    # mutant's tests mostly wait out their bounded waits.
    import concurrent.futures
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=args.parallel)
    jobs = []

    def grade_variant(lab, vname, built, bins, t_build):
        t = time.time()
        mylog = []
        s, mx, res = g.grade_lab(lab, out=mylog.append, stop_early=vname not in ("hand-out", "reference"),
                                 built=built, bins=bins, parallel=vname == "hand-out")
        return s, mx, res, t_build + time.time() - t

    for lab in labs:
        tfiles = lab_test_files(lab, tests)
        stubbed = {rel: stub_text(ref[rel].decode(), lab).encode() for rel in lab["files"]}
        # The hand-out holds no distinctive line of the solution, in any file.
        for lk in leaks(m, lab, ref):
            hits = [r for r, d in ref.items() if not handout_excluded(r) and r not in lab["files"]
                    and lk.encode() in d]
            hits += [r for r, d in stubbed.items() if lk.encode() in d]
            if hits:
                failures.append("lab %s: the solution line %r is in the hand-out: %s" % (lab["id"], lk, ", ".join(hits)))
        variants = [("reference", None), ("hand-out", stubbed)]
        mdir = os.path.join(MUTANTS, lab["id"])
        for fn in sorted(os.listdir(mdir)):
            if not fn.endswith(".patch"):
                continue
            with tempfile.TemporaryDirectory() as tmp:
                for rel in lab["files"]:
                    os.makedirs(os.path.dirname(os.path.join(tmp, rel)), exist_ok=True)
                    with open(os.path.join(tmp, rel), "wb") as f:
                        f.write(ref[rel])
                r = subprocess.run(["patch", "-s", "-p1", "-d", tmp, "-i", os.path.join(mdir, fn)],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    failures.append("lab %s: mutant %s does not apply: %s" % (lab["id"], fn, r.stdout + r.stderr))
                    continue
                var = {}
                for rel in lab["files"]:
                    with open(os.path.join(tmp, rel), "rb") as f:
                        var[rel] = f.read()
                if all(var[rel] == ref[rel] for rel in lab["files"]):
                    failures.append("lab %s: mutant %s changes nothing" % (lab["id"], fn))
                    continue
                variants.append(("mutant " + fn[:-6], var))
        for vname, var in variants:
            t = time.time()
            built, bins = mb.make(lab, tfiles, var, vname.replace(" ", "_"))
            if not built[0]:
                failures.append("lab %s: the %s does not build (it must compile):\n%s"
                                % (lab["id"], vname, tail(built[1], 30)))
                say("check-labs: %-18s %-30s BUILD FAILED" % (lab["id"], vname))
                continue
            jobs.append((lab, vname, pool.submit(grade_variant, lab, vname, built, bins, time.time() - t)))
    for lab, vname, fut in jobs:
        s, mx, res, secs = fut.result()
        if vname == "reference":
            good = s == mx
            verdict = "ok" if good else "WRONG"
            if not good:
                failures.append("lab %s: the reference scores %d/%d:\n%s" % (lab["id"], s, mx, "\n".join(
                    r["name"] + ": " + r["output"] for r in res if r["score"] < r["max_score"])))
        elif vname == "hand-out":
            good = s == 0
            verdict = "ok (scores 0)" if good else "WRONG: the stub scores %d" % s
            if not good:
                failures.append("lab %s: the hand-out scores %d/%d, not 0: %s" % (
                    lab["id"], s, mx, ", ".join(r["name"] for r in res if r["score"])))
        else:
            good = s < mx
            verdict = "caught" if good else "SURVIVES"
            if not good:
                failures.append("lab %s: %s keeps full marks (%d/%d): no test catches it"
                                % (lab["id"], vname, s, mx))
        say("check-labs: %-18s %-34s %2d/%-2d %s (%.0fs)" % (lab["id"], vname, s, mx, verdict, secs))
    pool.shutdown()
    took = time.time() - t0
    if failures:
        for f in failures:
            print("check-labs: " + f, file=sys.stderr)
        print("check-labs: %d problem(s) (%.0fs)" % (len(failures), took), file=sys.stderr)
        return 1
    print("check-labs: %d labs: the reference full marks, hand-outs 0 and free of the solution, "
          "every mutant caught (%.0fs)" % (len(labs), took))
    return 0


# --------------------------------------------------------------------------
# Gradescope
# --------------------------------------------------------------------------

SETUP_SH = r"""#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Gradescope runs this once, as root, on its Ubuntu image, to build the
# autograder's image: the tools the grade needs, then a first build of the
# hand-out so that a submission recompiles only the lab's files.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends build-essential cmake catch2 python3 git ccache patch
cd /autograder/source/handout
make grade LAB=@LAB@ || true   # builds; the stubs score 0
"""

RUN_AUTOGRADER = r"""#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Gradescope runs this for every submission.  AUTOGRADER_ROOT (default
# /autograder) lets a test run it against a directory laid out the same way:
#   $AUTOGRADER_ROOT/source/       this bundle (handout/, hidden/, run_autograder)
#   $AUTOGRADER_ROOT/submission/   the student's files, at any depth
#   $AUTOGRADER_ROOT/results/      results.json goes here
set -uo pipefail
root=${AUTOGRADER_ROOT:-/autograder}
src=$root/source
lab=@LAB@
work=$src/handout
mkdir -p "$root/results"
# Only the lab's files are taken from the submission, found by name; any
# other file the student sent is ignored.
missing=()
while read -r rel; do
	[[ -z $rel ]] && continue
	base=$(basename "$rel")
	found=$(find "$root/submission" -type f -name "$base" | head -n1)
	if [[ -n $found ]]; then
		cp "$found" "$work/$rel"
	else
		missing+=("$rel")
		git -C "$work" show "handout:$rel" > "$work/$rel" 2>/dev/null || true
	fi
done < <(/usr/bin/python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["lab_files"]))' "$work/exercises/handout.json")
hidden=()
[[ -f $src/hidden/hidden.toml ]] && hidden=(GRADE_HIDDEN="$src/hidden")
cd "$work"
make grade LAB="$lab" "${hidden[@]}" GRADE_RESULTS="$root/results/results.json"
status=$?
if [[ ${#missing[@]} -gt 0 ]]; then
	/usr/bin/python3 - "$root/results/results.json" "${missing[@]}" <<'EOF'
import json, sys
p = sys.argv[1]
r = json.load(open(p))
r["output"] = ("Not in the submission (the hand-out's stub was graded): " + ", ".join(sys.argv[2:]) + "\n"
               + r.get("output", ""))
json.dump(r, open(p, "w"), indent=1)
EOF
fi
# Below full marks is not an error of the autograder.
[[ -s $root/results/results.json ]] || exit 1
exit 0
"""


def cmd_autograder(args):
    m = load_manifest()
    lab = lab_by_id(m, args.lab)
    out = os.path.abspath(args.out)
    if os.path.exists(out) and os.listdir(out):
        die("%s exists and is not empty" % out)
    src = os.path.join(out, "source")
    make_handout(m, [lab["id"]], os.path.join(src, "handout"))
    if os.path.isdir(HIDDEN):
        shutil.copytree(HIDDEN, os.path.join(src, "hidden"))
    for name, text in (("setup.sh", SETUP_SH), ("run_autograder", RUN_AUTOGRADER)):
        p = os.path.join(src, name)
        with open(p, "w") as f:
            f.write(text.replace("@LAB@", lab["id"]))
        os.chmod(p, 0o755)
    zpath = os.path.join(out, "autograder_%s.zip" % lab["id"])
    r = subprocess.run(["python3", "-c",
                        "import shutil,sys; shutil.make_archive(sys.argv[1][:-4], 'zip', sys.argv[2])",
                        zpath, src], capture_output=True, text=True)
    if r.returncode != 0:
        die("zip failed: " + r.stderr)
    print("labs: Gradescope bundle for lab %s: %s (upload it as the autograder's zip)" % (lab["id"], zpath))
    print("labs: unpacked in %s (setup.sh, run_autograder, handout/%s)" % (
        src, ", hidden/" if os.path.isdir(HIDDEN) else ""))
    return 0


def cmd_tests_xml(args):
    """A Catch2-like XML listing of the tests, from the sources, without
    results: a hand-out's book lists its tests from it (a stub may crash the
    boot, so the binary cannot even list them)."""
    from xml.sax.saxutils import quoteattr
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<Catch name="cmwq_tests (listed, not run)">',
           "  <Group name=\"cmwq_tests\">"]
    for t in parse_tests(REPO):
        if "." in t["tags"] or any(tag.startswith(".") for tag in t["tags"]):
            continue  # hidden tests are not listed by Catch2 either
        out.append("    <TestCase name=%s tags=%s filename=%s line=\"%d\"/>" % (
            quoteattr(t["name"]), quoteattr(t["tagstr"].replace(" ", "").replace("\n", "")),
            quoteattr(t["file"]), t["line"]))
    out += ["  </Group>", "</Catch>", ""]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(out))
    return 0


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description="cmwq labs")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    sub.add_parser("progress")
    sub.add_parser("verify")
    p = sub.add_parser("handout")
    p.add_argument("lab")
    p.add_argument("out")
    p = sub.add_parser("handout-all")
    p.add_argument("out")
    p = sub.add_parser("grade")
    p.add_argument("labs", nargs="*")
    p.add_argument("--hidden", default=os.environ.get("GRADE_HIDDEN") or None)
    p.add_argument("--results", default=os.environ.get("GRADE_RESULTS") or None)
    p.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    p = sub.add_parser("check")
    p.add_argument("labs", nargs="*")
    p.add_argument("--build", default="build", help="the main build directory (default: %(default)s)")
    p.add_argument("--parallel", type=int, default=4, help="variants graded at once (default: %(default)s)")
    p.add_argument("--timeout", type=int, default=12,
                   help="seconds per test run or seed (a test's own waits are bounded by 10 s)")
    p = sub.add_parser("autograder")
    p.add_argument("lab")
    p.add_argument("out")
    p = sub.add_parser("tests-xml")
    p.add_argument("out")
    args = ap.parse_args()
    if args.cmd == "tests-xml":
        return cmd_tests_xml(args)
    if args.cmd == "list":
        return cmd_list(args)
    if args.cmd == "progress":
        return cmd_progress(args)
    if args.cmd == "verify":
        return cmd_verify(args)
    if args.cmd == "handout":
        make_handout(load_manifest(), [args.lab], os.path.abspath(args.out))
        return 0
    if args.cmd == "handout-all":
        m = load_manifest()
        out = os.path.abspath(args.out)
        for lab in m["lab"]:
            make_handout(m, [lab["id"]], os.path.join(out, lab["id"]))
        with open(os.path.join(out, "README.md"), "w") as f:
            f.write("# cmwq labs\n\nOne stand-alone tree per lab; in each: `make grade`.\n\n")
            for lab in m["lab"]:
                f.write("- `%s/`: %s (%d points)\n" % (lab["id"], lab["title"], lab["points"]))
        return 0
    if args.cmd == "grade":
        return cmd_grade(args)
    if args.cmd == "check":
        return cmd_check(args)
    if args.cmd == "autograder":
        return cmd_autograder(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
