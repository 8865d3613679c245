#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Close the loop between chapters, tests and source files.

Run from anywhere with Debian's python (``make docs`` and ``make test`` do):

    /usr/bin/python3 docs/check_chapters.py [--tests-xml build/docs-gen/tests.xml]

It reads the Catch2 XML report of a real run of ``cmwq_tests`` and fails
(exit 1, one line per problem) if

- a chapter (``chapters/**/*.rst`` other than ``index.rst``) has no test
  tagged ``[ch:<its base name>]``;
- a ``[ch:X]`` tag names no chapter;
- a TEST_CASE has no ``[ch:...]`` tag, or more than one;
- two chapters share a base name;
- a chapter lacks its ``.. _ch-<name>:`` label or its ``.. wq-tests:: <name>``
  directive;
- a function file ``src/kernel/workqueue/<f>.cpp`` has no chapter
  ``chapters/**/<f>.rst`` or no test file ``tests/**/<f>_test.cpp``;
- a story chapter (``chapters/story/``) lacks its ``Summary`` section, has
  fewer than three or more than five ``.. wq-question::``, or the student
  path it belongs to is broken (``docs/_ext/studentpath.py``).

- the labs disagree with their manifest (``exercises/labs.py verify``: a lab
  page, a hint's link, a test filter, a solution region or a stub missing).

Front matter (``chapters/front/``: Start here, the glossary) and the labs
(``chapters/labs/``) are not chapters: they need no label ``ch-<name>`` and
no tests of their own.

On success it prints ``N chapters, M tests, all linked``.
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, "_ext"))

from wqtests import load_tests, repo_relative, NOT_CHAPTER_DIRS  # noqa: E402  (same parser as the book)
import studentpath  # noqa: E402


def rel(path):
    return os.path.relpath(path, REPO).replace(os.sep, "/")


def find_files(top, pred, skip_dirs=()):
    out = []
    for dirpath, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_"))
                         and not (dirpath == top and d in skip_dirs))
        for fn in sorted(files):
            if pred(fn):
                out.append(os.path.join(dirpath, fn))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tests-xml", default=os.path.join(REPO, "build", "docs-gen", "tests.xml"),
                    help="Catch2 XML report of a real run (default: %(default)s)")
    args = ap.parse_args()

    problems = []
    chapters_dir = os.path.join(REPO, "chapters")

    # Chapters, by base name
    chapters = {}
    for path in find_files(chapters_dir, lambda f: f.endswith(".rst") and f != "index.rst",
                           skip_dirs=NOT_CHAPTER_DIRS):
        chapters.setdefault(os.path.basename(path)[:-4], []).append(path)
    for name, paths in sorted(chapters.items()):
        if len(paths) > 1:
            problems.append("chapters share the base name %r: %s"
                            % (name, ", ".join(rel(p) for p in paths)))

    # Each chapter's label and tests directive
    for name, paths in sorted(chapters.items()):
        for path in paths:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if not re.search(r"^\.\. _ch-%s:[ \t]*$" % re.escape(name), text, re.M):
                problems.append("%s: no label `.. _ch-%s:`" % (rel(path), name))
            if not re.search(r"^[ \t]*\.\. wq-tests::[ \t]+%s[ \t]*$" % re.escape(name), text, re.M):
                problems.append("%s: no `.. wq-tests:: %s` directive" % (rel(path), name))

    # Story chapters: a summary, three to five questions, one step of the path
    story_dir = os.path.join(chapters_dir, "story")
    for path in find_files(story_dir, lambda f: f.endswith(".rst") and f != "index.rst"):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if not re.search(r"^Summary[ \t]*\n[-=~^]{7,}[ \t]*$", text, re.M):
            problems.append("%s: a story chapter needs a `Summary` section" % rel(path))
        nq = len(re.findall(r"^[ \t]*\.\. wq-question::", text, re.M))
        if not 3 <= nq <= 5:
            problems.append("%s: %d `.. wq-question::` (a story chapter has three to five)"
                            % (rel(path), nq))
    _path, path_problems = studentpath.load(chapters_dir)
    problems += ["student path: " + p for p in path_problems]

    # Tests, from the real run
    tests, err = load_tests(args.tests_xml)
    if err:
        problems.append(err)
    tagged = {}
    for t in tests:
        where = "%s:%d" % (repo_relative(t.file, REPO), t.line)
        if not t.chapters:
            problems.append("%s: test %r has no [ch:<chapter>] tag" % (where, t.name))
        elif len(t.chapters) > 1:
            problems.append("%s: test %r has %d chapter tags %s (exactly one, please)"
                            % (where, t.name, len(t.chapters), t.tags))
        for ch in t.chapters:
            tagged.setdefault(ch, []).append(t)
            if ch not in chapters:
                problems.append("%s: test %r is tagged [ch:%s], but there is no chapter "
                                "chapters/**/%s.rst" % (where, t.name, ch, ch))
    if not err:
        for name, paths in sorted(chapters.items()):
            if name not in tagged:
                problems.append("%s: no test is tagged [ch:%s]" % (rel(paths[0]), name))

    # One function, one file, one chapter, one test file
    test_files = {os.path.basename(p)[:-len("_test.cpp")]
                  for p in find_files(os.path.join(REPO, "tests"), lambda f: f.endswith("_test.cpp"))}
    wq_dir = os.path.join(REPO, "src", "kernel", "workqueue")
    functions = sorted(os.path.basename(p)[:-4]
                       for p in find_files(wq_dir, lambda f: f.endswith(".cpp")))
    for f in functions:
        if f not in chapters:
            problems.append("src/kernel/workqueue/%s.cpp: no chapter chapters/**/%s.rst" % (f, f))
        if f not in test_files:
            problems.append("src/kernel/workqueue/%s.cpp: no test file tests/**/%s_test.cpp" % (f, f))

    # The labs: manifest, pages, tests, hints, regions
    sys.path.insert(0, os.path.join(REPO, "exercises"))
    sys.dont_write_bytecode = True
    import labs  # noqa: E402
    lab_problems = []
    labs.verify(labs.load_manifest(), lab_problems)
    problems += ["labs: " + p for p in lab_problems]

    if problems:
        for p in problems:
            print("check_chapters: " + p, file=sys.stderr)
        print("check_chapters: %d problem%s (%d chapters, %d tests, %d function files)"
              % (len(problems), "" if len(problems) == 1 else "s",
                 sum(len(v) for v in chapters.values()), len(tests), len(functions)),
              file=sys.stderr)
        return 1
    print("%d chapters, %d tests, all linked" % (sum(len(v) for v in chapters.values()), len(tests)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
