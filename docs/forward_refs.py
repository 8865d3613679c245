#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""How often does the student path send a reader ahead?

Run from anywhere with Debian's python (``make docs`` does):

    /usr/bin/python3 docs/forward_refs.py [--list] [--max 10]

The student path is the story part in its order, each story chapter followed
by the function chapters it names with ``.. wq-read-with::``
(``docs/_ext/studentpath.py`` reads it; the Start here page shows it).  A
student reads it step by step: a step is one story chapter and its chapters,
read together.  Front matter (``chapters/front/``: Start here, the glossary)
comes before step one.

Every page on the path is scanned for its cross-references (``:ref:``,
``:numref:``, ``:doc:``, and ``:term:``, which opens the glossary), each
resolved to the page that holds its target.  A page citing the same page
twice is one cross-reference.  Not counted: references to the page itself,
to part indexes (navigation, not reading), and the read-with lists
themselves (they point into their own step by construction).  The glossary
is front matter, open from the first step on: a term is a way to name a
later idea without sending the reader ahead.

A cross-reference is *forward* when its target is read in a later step, or
on no step at all.  The script prints

    forward references: N.N% (F of T, in S steps over P pages)

and exits 1 when N.N is above the limit (10%), or when the path is broken.
``--list`` prints every forward reference, worst pages first.
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, "_ext"))

import studentpath  # noqa: E402

CHAPTERS = os.path.join(REPO, "chapters")
_LABEL_RE = re.compile(r"^\.\. _([^:`]+):[ \t]*$", re.M)
_XREF_RE = re.compile(r":(ref|numref|doc|term):`([^`]*)`")
GLOSSARY = "front/glossary"


def _target(text):
    """The target of a role's text: ``title <target>`` or ``target``."""
    m = re.search(r"<([^<>]+)>\s*$", text)
    return (m.group(1) if m else text).strip()


def _strip_read_with(text):
    """The page without its wq-read-with directives (see the module doc)."""
    out, skipping = [], False
    for line in text.splitlines():
        if line.startswith(".. wq-read-with::"):
            skipping = True
            continue
        if skipping and line.strip() and line[:1].isspace():
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)


def docname(path):
    return os.path.relpath(path, CHAPTERS)[:-4].replace(os.sep, "/")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true", help="print every forward reference")
    ap.add_argument("--max", type=float, default=10.0, help="limit in percent (%(default)s)")
    args = ap.parse_args()

    path, problems = studentpath.load(CHAPTERS)
    if not path.steps:
        problems.append("the student path has no step")
    # Every page by docname; every label to the page that defines it.
    pages, label_page = {}, {}
    for dirpath, dirs, files in os.walk(CHAPTERS):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for fn in sorted(files):
            if fn.endswith(".rst"):
                p = os.path.join(dirpath, fn)
                with open(p, encoding="utf-8") as f:
                    text = f.read()
                pages[docname(p)] = text
                for m in _LABEL_RE.finditer(text):
                    label_page[m.group(1).lower()] = docname(p)

    base_doc = {os.path.basename(d): d for d in pages if not d.endswith("index")}
    step = {}
    for d in pages:
        if d.startswith("front/"):
            step[d] = -1
    for name, i in path.step_of().items():
        if name in base_doc:
            step.setdefault(base_doc[name], i)

    total, forward = 0, []
    for i, s in enumerate(path.steps):
        for name in s.pages():
            src = base_doc.get(name)
            if src is None or step.get(src) != i:
                continue
            targets = set()
            for role, text in _XREF_RE.findall(_strip_read_with(pages[src])):
                t = _target(text)
                if role == "term":
                    tgt = GLOSSARY
                elif role == "doc":
                    t = os.path.normpath(os.path.join(os.path.dirname(src), t)) \
                        if not t.startswith("/") else t.lstrip("/")
                    tgt = t.replace(os.sep, "/")
                else:
                    tgt = label_page.get(t.lower())
                if tgt is None:
                    problems.append("%s: %s:`%s` names no label" % (src, role, text))
                    continue
                if tgt == src or os.path.basename(tgt) == "index":
                    continue
                targets.add(tgt)
            for tgt in sorted(targets):
                total += 1
                if step.get(tgt, len(path.steps)) > i:
                    forward.append((src, tgt))

    for p in problems:
        print("forward_refs: %s" % p, file=sys.stderr)
    pct = 100.0 * len(forward) / total if total else 100.0
    npages = sum(1 for d, i in step.items() if i >= 0)
    print("forward references: %.1f%% (%d of %d, in %d steps over %d pages)"
          % (pct, len(forward), total, len(path.steps), npages))
    if args.list:
        by_src = {}
        for src, tgt in forward:
            by_src.setdefault(src, []).append(tgt)
        for src, tgts in sorted(by_src.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print("  %s (step %d) -> %s" % (src, step[src] + 1,
                  ", ".join("%s (%s)" % (t, "step %d" % (step[t] + 1) if t in step else "no step")
                            for t in tgts)))
    if problems:
        return 1
    if pct > args.max:
        print("forward_refs: above the limit of %.0f%%: run docs/forward_refs.py --list"
              % args.max, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
