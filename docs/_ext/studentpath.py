# SPDX-License-Identifier: GPL-2.0-only
"""The student path, read from the sources (no Sphinx needed).

The path is the story part in its toctree order (``chapters/story/index.rst``);
each story chapter names, with ``.. wq-read-with::``, the function chapters a
student reads with it.  A *step* is one story chapter plus those chapters.
``wqstory.py`` draws the path on the Start here page; ``docs/forward_refs.py``
measures it.  Both read it here, so they cannot disagree.
"""

import os
import re

_TOCTREE_RE = re.compile(r"^\.\. toctree::[ \t]*$")
_READ_WITH_RE = re.compile(r"^\.\. wq-read-with::(.*)$")


class Step:
    __slots__ = ("story", "path", "read_with")

    def __init__(self, story, path, read_with):
        self.story, self.path, self.read_with = story, path, read_with

    def pages(self):
        return [self.story] + list(self.read_with)


class StudentPath:
    def __init__(self, steps, chapter_files):
        self.steps = steps
        self.chapter_files = chapter_files  # base name -> path of its .rst

    def step_of(self):
        """Base name -> index of the step that reads it (first one wins)."""
        out = {}
        for i, step in enumerate(self.steps):
            for name in step.pages():
                out.setdefault(name, i)
        return out


def chapter_files(chapters_dir):
    """Every chapter page by base name (index pages excluded)."""
    out = {}
    for dirpath, dirs, files in os.walk(chapters_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for fn in sorted(files):
            if fn.endswith(".rst") and fn != "index.rst":
                out.setdefault(fn[:-4], os.path.join(dirpath, fn))
    return out


def _toctree_entries(index_path):
    """The entries of the first toctree of an index page, in order."""
    with open(index_path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    entries, inside = [], False
    for line in lines:
        if not inside:
            inside = bool(_TOCTREE_RE.match(line))
            continue
        s = line.strip()
        if not s:
            continue
        if not line[:1].isspace():
            break
        if s.startswith(":"):
            continue
        entries.append(s)
    return entries


def read_with(rst_path):
    """The names of every ``wq-read-with`` directive of a page, one list each
    (arguments may continue on indented lines)."""
    with open(rst_path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    lists, i = [], 0
    while i < len(lines):
        m = _READ_WITH_RE.match(lines[i])
        i += 1
        if not m:
            continue
        names = m.group(1).split()
        while i < len(lines) and lines[i].strip() and lines[i][:1].isspace():
            names += lines[i].split()
            i += 1
        lists.append(names)
    return lists


def load(chapters_dir):
    """Return (StudentPath, list of problems)."""
    problems = []
    files = chapter_files(chapters_dir)
    index = os.path.join(chapters_dir, "story", "index.rst")
    steps = []
    if not os.path.isfile(index):
        return StudentPath([], files), ["%s does not exist" % index]
    seen = {}
    for entry in _toctree_entries(index):
        name = os.path.basename(entry)
        path = os.path.join(chapters_dir, "story", entry + ".rst")
        if not os.path.isfile(path):
            problems.append("story/index.rst lists %s, which does not exist" % entry)
            continue
        lists = read_with(path)
        if len(lists) != 1:
            problems.append("story chapter %s has %d wq-read-with lists (exactly one, please)"
                            % (name, len(lists)))
        names = lists[0] if lists else []
        for n in names:
            if n not in files:
                problems.append("story chapter %s reads with %r, which is no chapter" % (name, n))
            elif n in seen:
                problems.append("%s is read with both %s and %s" % (n, seen[n], name))
            else:
                seen[n] = name
        steps.append(Step(name, path, names))
    return StudentPath(steps, files), problems
