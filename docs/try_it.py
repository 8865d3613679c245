# SPDX-License-Identifier: GPL-2.0-only
"""Run every command of every "Try it" section of the book, as a reader would.

Every chapter under chapters/ ends with a section titled "Try it".  The
commands a reader should type are in ``.. code-block:: console`` blocks, one
command per line after a ``$ `` prompt, to be run from the repository root
after ``make``.  This script finds them all (the section runs until the next
title of the same or a higher level), checks each against a small allow-list
of programs, runs each from the repository root with ``bash -c`` and a
timeout, and fails if any command fails.  So a Try it section cannot promise
a command that does not work.

What a Try it command may be (anything else is rejected with the reason):

* ``make test T=<chapter>``: the tests of one chapter;
* ``build/bin/<program> ...``: a program of the build (wq_dump, wqsim,
  wq_diagram, cmwq-insmod, the test binaries), optionally after environment settings
  such as ``CMWQ_NR_CPUS=1`` or ``WQ_SEED=3`` (also ``CMWQ_SIM_STRATEGY``,
  ``CMWQ_SIM_TRACE``, ``CMWQ_IDLE_WORKER_TIMEOUT_MS`` and ``CMWQ_NR_NODES``);
* ``cat``, ``head``, ``tail``, ``grep`` or ``wc`` reading files under build/;
* any of those, standard error included (``2>&1``), piped (``|``) into
  ``head``, ``tail``, ``grep``, ``wc``, ``sort``, ``uniq``, ``cut`` or
  ``md5sum``.

The script runs ``make build`` once first, then every command with
``CMWQ_BUILT=1`` in its environment, which makes ``make test T=<chapter>``
skip its own no-op build; the command line itself is run as written.

Commands must not write into the source tree: an output file (``-o FILE``)
must be under build/ or /tmp/, and shell redirections, ``;``, ``&&``,
command substitutions and background jobs are refused.  Long runs (the whole
test suite, ``make docs``) and servers do not belong in a Try it block: say
them in prose.

A prose paragraph of a Try it section that names one of these commands in an
inline literal (````make test T=x````, ````build/bin/wqsim ...````) is an error
too: the command belongs in the console block, where this check runs it.

Usage::

    /usr/bin/python3 docs/try_it.py                  # run them all
    /usr/bin/python3 docs/try_it.py --list           # print them, run nothing
    /usr/bin/python3 docs/try_it.py --chapter insert_work [--chapter ...]

On success it prints ``try it: N commands from M chapters, all ran`` and
exits 0; otherwise it lists each failed or rejected command with its chapter
and the last lines of its output, and exits 1.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHAPTERS = os.path.join(REPO, "chapters")

# Seconds a single command may take.  The slowest chapter's tests take a few
# seconds; a command that needs more than this does not belong in a Try it.
TIMEOUT = 90
TAIL_LINES = 15

TITLE_CHARS = "=-~^\"'`#*+:.<>_"
ENV_NAMES = {
    "CMWQ_NR_CPUS",
    "WQ_SEED",
    "CMWQ_SIM_STRATEGY",
    "CMWQ_SIM_TRACE",
    "CMWQ_IDLE_WORKER_TIMEOUT_MS",
    "CMWQ_NR_NODES",
}
PIPE_PROGRAMS = {"head", "tail", "grep", "wc", "sort", "uniq", "cut", "md5sum"}
FILE_PROGRAMS = {"cat", "head", "tail", "grep", "wc"}
FORBIDDEN = re.compile(r"[;&<>`]|\$\(|\|\|")
PROSE_COMMAND = re.compile(r"``((?:make test T=|build/bin/|CMWQ_NR_CPUS=|WQ_SEED=)[^`]*)``")
CONSOLE = re.compile(r"^(\s*)\.\. code-block::\s*console\s*$")
OTHER_BLOCK = re.compile(r"^\s*\.\. (code-block|code|sourcecode|prompt)::\s*(sh|bash|shell|shell-session)?\s*$")


class Chapter:
    def __init__(self, path):
        self.path = path
        self.rel = os.path.relpath(path, REPO)
        self.name = os.path.splitext(os.path.basename(path))[0]


def titles(lines):
    """Yield (index of the title line, style) for every section title.

    A style is (underline character, has overline); levels are given by the
    order in which styles first appear in the file, as docutils does."""
    i = 0
    n = len(lines)
    while i < n - 1:
        text, under = lines[i], lines[i + 1]
        over = lines[i - 1] if i > 0 else ""
        if (text.strip() and not text[0].isspace()
                and re.fullmatch(r"([%s])\1+" % re.escape(TITLE_CHARS), under.rstrip() or "x")
                and len(under.rstrip()) >= len(text.rstrip())
                and (i == 0 or not lines[i - 1].strip() or over.rstrip() == under.rstrip())):
            has_over = i > 0 and over.rstrip() == under.rstrip()
            yield i, (under[0], has_over)
            i += 2
            continue
        i += 1


def try_it_sections(lines):
    """Return (first line, end line) of each Try it section's body."""
    levels = {}
    found = []
    all_titles = list(titles(lines))
    for i, style in all_titles:
        levels.setdefault(style, len(levels))
    for k, (i, style) in enumerate(all_titles):
        if lines[i].strip() != "Try it":
            continue
        end = len(lines)
        for j, other in all_titles[k + 1:]:
            if levels[other] <= levels[style]:
                end = j - (1 if other[1] else 0)
                break
        found.append((i + 2, end))
    return found


def parse_section(chapter, lines, start, end, problems):
    """Return the commands of one Try it section; record problems found."""
    commands = []
    i = start
    while i < end:
        line = lines[i]
        m = CONSOLE.match(line)
        if m:
            indent = len(m.group(1))
            i += 1
            while i < end and lines[i].strip().startswith(":"):
                i += 1              # directive options such as :caption:
            while i < end and (not lines[i].strip() or
                               len(lines[i]) - len(lines[i].lstrip()) > indent):
                body = lines[i].strip()
                if body.startswith("$ "):
                    commands.append((i + 1, body[2:].strip()))
                i += 1
            continue
        if OTHER_BLOCK.match(line):
            problems.append((chapter, i + 1, line.strip(),
                             "a command block in a Try it section must be "
                             "'.. code-block:: console' with '$ ' prompts"))
        for cmd in PROSE_COMMAND.findall(line):
            problems.append((chapter, i + 1, cmd,
                             "a command in prose: put it in the section's "
                             "console block (prose is for experiments)"))
        i += 1
    return commands


def under(path, *roots):
    p = os.path.normpath(path if os.path.isabs(path) else os.path.join(REPO, path))
    return any(p == r or p.startswith(r + os.sep) for r in roots)


def check(cmd):
    """Return None if cmd is allowed, else the reason it is not."""
    # Standard error into the pipe is the one redirection allowed.
    if FORBIDDEN.search(re.sub(r"(?<=\s)2>&1(?=\s)", "", cmd + " ")):
        return ("shell control characters (; & < > ` $( ||) are not allowed: "
                "one plain command, or a pipe into a filter, per line")
    try:
        stages = [[a for a in shlex.split(s) if a != "2>&1"] for s in cmd.split("|")]
    except ValueError as e:
        return "cannot parse it: %s" % e
    if any(not s for s in stages):
        return "an empty pipe stage"
    build = os.path.join(REPO, "build")
    first = stages[0]
    while first and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", first[0]):
        name = first[0].split("=", 1)[0]
        if name not in ENV_NAMES:
            return "environment setting %s is not one of %s" % (name, ", ".join(sorted(ENV_NAMES)))
        first = first[1:]
    if not first:
        return "no program"
    prog, args = first[0], first[1:]
    if prog == "make":
        if len(args) != 2 or args[0] != "test" or not re.fullmatch(r"T=[A-Za-z0-9_]+", args[1]):
            return "the only make command allowed is 'make test T=<chapter>'"
    elif prog.startswith("build/bin/"):
        if not re.fullmatch(r"build/bin/[A-Za-z0-9_][A-Za-z0-9_-]*", prog):
            return "not a program of build/bin/"
        if not os.path.exists(os.path.join(REPO, prog)):
            return "%s does not exist (run make first)" % prog
        for k, a in enumerate(args):
            out = None
            if a in ("-o", "--out", "--output") and k + 1 < len(args):
                out = args[k + 1]
            elif a.startswith("-o") and len(a) > 2:
                out = a[2:]
            if out is not None and not under(out, build, "/tmp"):
                return "output file %s is not under build/ or /tmp/" % out
    elif prog in FILE_PROGRAMS:
        files = [a for a in args if not a.startswith("-")]
        if prog == "grep" and files:
            files = files[1:]
        if not files or not all(under(f, build) for f in files):
            return "%s may only read files under build/" % prog
    else:
        return ("program %s is not allowed in a Try it block (allowed: make test "
                "T=<chapter>, build/bin/*, cat/head/tail/grep/wc on build/ files)" % prog)
    for stage in stages[1:]:
        if stage[0] not in PIPE_PROGRAMS:
            return "%s cannot take a pipe here (allowed: %s)" % (stage[0], ", ".join(sorted(PIPE_PROGRAMS)))
        if any(not a.startswith("-") and os.sep in a for a in stage[1:]):
            return "a pipe stage may not name files"
    return None


def collect(only):
    chapters = []
    problems = []
    for root, dirs, files in os.walk(CHAPTERS):
        dirs.sort()
        for f in sorted(files):
            if not f.endswith(".rst"):
                continue
            ch = Chapter(os.path.join(root, f))
            if only and ch.name not in only:
                continue
            with open(ch.path, encoding="utf-8") as fh:
                lines = fh.read().split("\n")
            cmds = []
            for start, end in try_it_sections(lines):
                found = parse_section(ch, lines, start, end, problems)
                if not found:
                    problems.append((ch, start, "Try it",
                                     "a Try it section without a console command "
                                     "('.. code-block:: console', '$ ' lines)"))
                cmds += found
            if cmds:
                chapters.append((ch, cmds))
    return chapters, problems


def clean_env():
    env = dict(os.environ)
    # Run as `make try-it`, we inherit make's jobserver; each command is a
    # fresh command line, as when a reader types it.
    for k in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "MAKE_TERMOUT", "MAKE_TERMERR"):
        env.pop(k, None)
    return env


def tail(path, n=TAIL_LINES):
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().splitlines()
    return lines[-n:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", action="store_true", help="print the commands, run nothing")
    ap.add_argument("--chapter", action="append", default=[], metavar="NAME",
                    help="only this chapter (its base name); may be repeated")
    opts = ap.parse_args()

    chapters, problems = collect(set(opts.chapter))
    if opts.chapter:
        missing = set(opts.chapter) - {ch.name for ch, _ in chapters}
        for name in sorted(missing):
            problems.append((None, 0, name, "no chapter of that name has a Try it command"))

    rejected = []
    for ch, cmds in chapters:
        for line, cmd in cmds:
            why = check(cmd)
            if why:
                rejected.append((ch, line, cmd, why))

    total = sum(len(c) for _, c in chapters)
    if opts.list:
        for ch, cmds in chapters:
            for line, cmd in cmds:
                print("%s:%d: %s" % (ch.rel, line, cmd))
        print("try it: %d commands from %d chapters" % (total, len(chapters)))

    bad = problems + rejected
    for ch, line, cmd, why in bad:
        where = "%s:%d" % (ch.rel, line) if ch else "try_it"
        print("try it: %s: %s\n    %s" % (where, why, cmd), file=sys.stderr)
    if opts.list:
        return 1 if bad else 0
    if bad:
        print("try it: %d problem(s) found; nothing was run" % len(bad), file=sys.stderr)
        return 1

    failed = []
    env = clean_env()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cmwq-try-it-") as tmp:
        out = os.path.join(tmp, "out")
        # Build once, as the reader did before the first command; then each
        # `make test T=<name>` skips its no-op build (CMWQ_BUILT=1), which
        # would otherwise cost a second or two per chapter.
        with open(out, "w") as fh:
            r = subprocess.run(["make", "build"], cwd=REPO, stdin=subprocess.DEVNULL,
                               stdout=fh, stderr=subprocess.STDOUT, env=env)
        if r.returncode:
            print("try it: `make build` failed (exit status %d); nothing was run:"
                  % r.returncode, file=sys.stderr)
            for l in tail(out):
                print("  | " + l, file=sys.stderr)
            return 1
        env["CMWQ_BUILT"] = "1"
        for ch, cmds in chapters:
            for line, cmd in cmds:
                with open(out, "w") as fh:
                    try:
                        r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=REPO,
                                           stdin=subprocess.DEVNULL, stdout=fh,
                                           stderr=subprocess.STDOUT, env=env,
                                           timeout=TIMEOUT)
                        status = "exit status %d" % r.returncode if r.returncode else None
                    except subprocess.TimeoutExpired:
                        status = "timed out after %d s" % TIMEOUT
                if status:
                    failed.append((ch, line, cmd, status, tail(out)))
                    print("try it: FAILED %s:%d: %s (%s)" % (ch.rel, line, cmd, status),
                          file=sys.stderr)
    elapsed = time.monotonic() - started

    if failed:
        print("\ntry it: %d of %d commands failed:" % (len(failed), total), file=sys.stderr)
        for ch, line, cmd, status, last in failed:
            print("\n%s:%d (chapter %s): %s\n  %s; last lines of its output:"
                  % (ch.rel, line, ch.name, cmd, status), file=sys.stderr)
            for l in last:
                print("  | " + l, file=sys.stderr)
        return 1
    print("try it: %d commands from %d chapters, all ran (%.0f s)" % (total, len(chapters), elapsed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
