# SPDX-License-Identifier: GPL-2.0-only
"""cmwq Sphinx extension: a chapter's tests, from a real run of the tests.

``.. wq-tests:: <name>``
    Renders the tests tagged ``[ch:<name>]`` as a table (test name,
    file:line, result of the last run) followed by the command that runs just
    them: ``make test T=<name>``.  The list comes from
    ``build/docs-gen/tests.xml``, written by ``make docs`` with
    ``cmwq_tests -r xml``: Catch2's XML reporter gives, per test case,
    ``<TestCase name tags filename line>`` and ``<OverallResult success>``.

Warnings (``sphinx-build -W`` turns them into a failed build):

- the chapter named has no test;
- the name is not the chapter's own base name;
- (after all chapters are read) a ``[ch:X]`` tag names no chapter, or a test
  has no ``[ch:...]`` tag or more than one.

``docs/check_chapters.py`` makes the same checks, and more, outside Sphinx.
"""

import os
import re
import xml.etree.ElementTree as ET

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from wqcache import once_per_version

logger = logging.getLogger(__name__)

CH_TAG_RE = re.compile(r"\[ch:([^\]]*)\]")

# Top-level folders of chapters/ whose pages are not chapters (no label
# ch-<name>, no tests of their own): front matter such as Start here and the
# glossary, and the labs (checked against exercises/labs.toml instead).
NOT_CHAPTER_DIRS = ("front", "labs")


class TestRecord:
    __slots__ = ("name", "tags", "file", "line", "success", "chapters")

    def __init__(self, name, tags, file, line, success):
        self.name, self.tags, self.file, self.line, self.success = name, tags, file, line, success
        self.chapters = CH_TAG_RE.findall(tags)


def repo_relative(path, repo_root):
    """A test file's path from the repository root (the run may have been
    made from another checkout: then cut at the last tests/ component)."""
    if not path:
        return "?"
    p = os.path.normpath(path)
    root = os.path.normpath(repo_root)
    if p == root or p.startswith(root + os.sep):
        return os.path.relpath(p, root).replace(os.sep, "/")
    parts = p.replace(os.sep, "/").split("/")
    if "tests" in parts:
        i = len(parts) - 1 - parts[::-1].index("tests")
        return "/".join(parts[i:])
    return p


def load_tests(xml_path):
    """Parse a Catch2 XML report.  Returns (list of TestRecord, error)."""
    if not os.path.isfile(xml_path):
        return [], ("%s does not exist: run `make docs` (it runs the tests with -r xml first)"
                    % xml_path)
    try:
        root = ET.parse(xml_path).getroot()
    except ET.ParseError as e:
        return [], "%s is not valid XML (did the test run crash?): %s" % (xml_path, e)
    tests = []
    for tc in root.iter("TestCase"):
        res = tc.find("OverallResult")
        # No result: a listing, not a run (a hand-out's book lists the tests
        # from the sources; its stubs may not even boot).
        success = None if res is None else res.get("success") == "true"
        try:
            line = int(tc.get("line", "0"))
        except ValueError:
            line = 0
        tests.append(TestRecord(tc.get("name", "?"), tc.get("tags", ""),
                                tc.get("filename", ""), line, success))
    return tests, None


_CACHE = {}


def _get_tests(env):
    """The parsed report, once per file version (not kept in the pickled env)."""
    path = env.config.wq_tests_xml
    return once_per_version(_CACHE, path, lambda _exists: load_tests(path))


def _text_entry(text, literal=False):
    entry = nodes.entry()
    para = nodes.paragraph()
    para += nodes.literal(text, text) if literal else nodes.Text(text)
    entry += para
    return entry


class WqTests(SphinxDirective):
    has_content = False
    required_arguments = 1
    optional_arguments = 0

    def _warn(self, msg):
        logger.warning("wq-tests: %s", msg, location=self.get_location())

    def run(self):
        name = self.arguments[0].strip()
        base = os.path.basename(self.env.docname)
        if name != base:
            self._warn("chapter %r lists the tests of %r: the name must be the chapter's "
                       "base name" % (base, name))
        self.env.note_dependency(self.config.wq_tests_xml)
        tests, err = _get_tests(self.env)
        if err:
            self._warn(err)
            return []
        mine = [t for t in tests if name in t.chapters]
        if not mine:
            self._warn("no test is tagged [ch:%s]: every chapter needs tests "
                       "(tag a TEST_CASE with \"[ch:%s]\")" % (name, name))
            return []

        table = nodes.table(classes=["wq-tests", "longtable"])
        tgroup = nodes.tgroup(cols=3)
        table += tgroup
        for width in (55, 35, 10):
            tgroup += nodes.colspec(colwidth=width)
        thead = nodes.thead()
        tgroup += thead
        row = nodes.row()
        for h in ("Test", "Where", "Last run"):
            row += _text_entry(h)
        thead += row
        tbody = nodes.tbody()
        tgroup += tbody
        for t in mine:
            row = nodes.row()
            row += _text_entry(t.name)
            where = "%s:%d" % (repo_relative(t.file, self.config.wq_repo_root), t.line)
            row += _text_entry(where, literal=True)
            row += _text_entry("not run" if t.success is None else "passed" if t.success else "FAILED")
            tbody += row

        count = nodes.paragraph()
        count += nodes.Text("%d test%s tagged " % (len(mine), "" if len(mine) == 1 else "s"))
        count += nodes.literal("[ch:%s]" % name, "[ch:%s]" % name)
        count += nodes.Text(". Run them: ")
        cmd = "make test T=%s" % name
        count += nodes.literal(cmd, cmd)
        return [table, count]


def _check_consistency(app, env):
    """After every document is read: each [ch:X] names a chapter, each test
    has exactly one chapter tag."""
    tests, err = _get_tests(env)
    if err:
        if any(True for _ in _chapters(env)):
            logger.warning("wq-tests: %s", err)
        return
    chapters = {}
    for doc in _chapters(env):
        chapters.setdefault(os.path.basename(doc), []).append(doc)
    for base, docs in sorted(chapters.items()):
        if len(docs) > 1:
            logger.warning("wq-tests: chapters %s share the base name %r (tags could not tell "
                           "them apart)" % (", ".join(sorted(docs)), base))
    for t in tests:
        where = "%s:%d" % (repo_relative(t.file, app.config.wq_repo_root), t.line)
        if not t.chapters:
            logger.warning("wq-tests: test %r (%s) has no [ch:<chapter>] tag" % (t.name, where))
        elif len(t.chapters) > 1:
            logger.warning("wq-tests: test %r (%s) has %d chapter tags %s: exactly one, please"
                           % (t.name, where, len(t.chapters), t.tags))
        for ch in t.chapters:
            if ch not in chapters:
                logger.warning("wq-tests: test %r (%s) is tagged [ch:%s], but there is no chapter "
                               "chapters/**/%s.rst" % (t.name, where, ch, ch))


def _chapters(env):
    """Chapter documents: every document except the root, part indexes and
    the pages of NOT_CHAPTER_DIRS."""
    for doc in env.found_docs:
        if os.path.basename(doc) == "index" or doc.split("/", 1)[0] in NOT_CHAPTER_DIRS:
            continue
        yield doc


def setup(app):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", ".."))
    if "wq_repo_root" not in app.config.values:
        app.add_config_value("wq_repo_root", repo, "env")
    app.add_config_value("wq_tests_xml", os.path.join(repo, "build", "docs-gen", "tests.xml"), "env")
    app.add_directive("wq-tests", WqTests)
    app.connect("env-check-consistency", _check_consistency)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
