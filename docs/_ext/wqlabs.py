# SPDX-License-Identifier: GPL-2.0-only
"""cmwq Sphinx extension: the labs, from exercises/labs.toml.

``.. wq-lab:: <id>``
    The body of a lab's page: points, the files to write, what to read first,
    the task, the graded tests, the hints (each in a collapsed HTML
    ``<details>`` element, revealed one at a time, no JavaScript), the
    commands (hand-out, grade, replay of a sim seed) and the written
    questions (never their model answers).

``.. wq-labs:: <chapter>``
    The labs that belong to a story chapter or grade a function chapter, as a
    list of links to their pages.

In a hand-out (``exercises/handout.json`` exists) the lab's files hold
stubs, not the solution: ``wq-source`` and ``literalinclude`` of such a file
show the lab's task, hints and a link to its page where the code was.  Other
files are shown as ``wqsource.py`` shows them, marker lines left out.

Warnings (so ``sphinx-build -W`` fails): an unknown lab id, a hint link to
a chapter file that does not exist.
"""

import os
import tomllib

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import wqsource
from wqcache import once_per_version

logger = logging.getLogger(__name__)


_CACHE = {}


def _manifest(env):
    path = env.config.wq_labs_manifest

    def load(exists):
        if not exists:
            return {"lab": []}
        with open(path, "rb") as f:
            return tomllib.load(f)
    return once_per_version(_CACHE, path, load)


def _handout(env):
    p = os.path.join(env.config.wq_repo_root, "exercises", "handout.json")
    if not os.path.isfile(p):
        return None
    import json
    with open(p) as f:
        return json.load(f)


def _lab(env, lab_id):
    for lab in _manifest(env).get("lab", []):
        if lab["id"] == lab_id:
            return lab
    return None


def _ref(target, text, explicit=True):
    """A :ref: to a label; without explicit text Sphinx puts the section's title."""
    node = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=target,
                                 refexplicit=explicit, refwarn=True)
    node += nodes.inline(text, text)
    return node


def _para(*children):
    p = nodes.paragraph()
    for c in children:
        p += c if isinstance(c, nodes.Node) else nodes.Text(c)
    return p


def _literal(text):
    return nodes.literal(text, text)


class _Base(SphinxDirective):
    def _warn(self, msg):
        logger.warning("wq-labs: %s", msg, location=self.get_location())

    def _parse_rst(self, text):
        box = nodes.container()
        self.state.nested_parse(StringList(text.strip("\n").split("\n"), source="exercises/labs.toml"),
                                self.content_offset, box)
        return box.children

    def _hint_link(self, link):
        return _hint_link(self, link)


def _hint_link(directive, link):
    """A reference to chapters/<path>.rst#<anchor>, relative to this page."""
    path, _, anchor = link.partition("#")
    root = directive.config.wq_repo_root
    if not path.startswith("chapters/") or not os.path.isfile(os.path.join(root, path)):
        logger.warning("wq-labs: hint link %s: no such chapter file", link, location=directive.get_location())
        return nodes.Text(link)
    docname = path[len("chapters/"):-len(".rst")]
    directive.env.note_dependency(os.path.join(root, path))
    here = os.path.dirname(directive.env.docname)
    uri = os.path.relpath(docname, here or ".").replace(os.sep, "/") + ".html"
    if anchor:
        uri += "#" + anchor
    ref = nodes.reference("", "", refuri=uri, internal=True)
    title = docname.split("/")[-1]
    ref += nodes.inline(title, title)
    if anchor and not anchor.startswith("ch-"):
        ref += nodes.Text(", section %s" % anchor.replace("-", " "))
    return ref


class WqLab(_Base):
    """The body of one lab's page."""
    has_content = False
    required_arguments = 1

    def run(self):
        lab_id = self.arguments[0].strip()
        self.env.note_dependency(self.config.wq_labs_manifest)
        lab = _lab(self.env, lab_id)
        if lab is None:
            self._warn("no lab %r in exercises/labs.toml" % lab_id)
            return []
        out = []
        points = sum(t["points"] for t in lab["tests"])
        files = nodes.bullet_list()
        for f in lab["files"]:
            files += nodes.list_item("", _para(_literal(f)))
        out.append(_para("%d points.  You write, in the regions marked " % points,
                         _literal("// [lab:%s...]" % lab_id), ":"))
        out.append(files)

        chapters = nodes.paragraph()
        chapters += nodes.Text("Function chapters: ")
        for i, ch in enumerate(lab["chapters"]):
            if i:
                chapters += nodes.Text(", ")
            chapters += _ref("ch-" + ch, ch + "()")
        if lab.get("story"):
            chapters += nodes.Text(".  Story: ")
            chapters += nodes.Text(", ".join(lab["story"]))
        chapters += nodes.Text(".")
        out.append(chapters)

        sec = self._section("Read first", "read-first")
        lst = nodes.bullet_list()
        for label in lab.get("read_first", []):
            lst += nodes.list_item("", _para(_ref(label, label, explicit=False)))
        sec += lst
        out.append(sec)

        sec = self._section("The task", "task")
        sec += self._parse_rst(lab["task"])
        out.append(sec)

        sec = self._section("The tests", "tests")
        table = nodes.table(classes=["wq-lab-tests"])
        tgroup = nodes.tgroup(cols=4)
        table += tgroup
        for w in (35, 40, 15, 10):
            tgroup += nodes.colspec(colwidth=w)
        thead = nodes.thead()
        tgroup += thead
        row = nodes.row()
        for h in ("Test", "Catch2 filter", "Backend", "Points"):
            row += nodes.entry("", _para(h))
        thead += row
        tbody = nodes.tbody()
        tgroup += tbody
        for t in lab["tests"]:
            row = nodes.row()
            row += nodes.entry("", _para(t["name"]))
            row += nodes.entry("", _para(_literal(t["filter"])))
            backend = "sim, seeds 1..%d" % t["seeds"] if t["backend"] == "sim" else "real threads"
            row += nodes.entry("", _para(backend))
            row += nodes.entry("", _para(str(t["points"])))
            tbody += row
        sec += table
        sec += _para("An instructor may add hidden tests and seeds; they count like these.")
        out.append(sec)

        sec = self._section("Hints", "hints")
        sec += _para("Open one at a time, and try again in between.")
        sec += _hint_nodes(self, lab)
        out.append(sec)

        sec = self._section("Commands", "commands")
        cmds = [("make handout LAB=%s OUT=~/lab-%s" % (lab_id, lab_id), "instructor: the student's tree"),
                ("make grade", "in the hand-out: build, run the tests, Score: x/y"),
                ("make grade LAB=%s" % lab_id, "the same, in a tree with every lab"),
                ("make progress", "your labs so far")]
        width = max(len(c) for c, _ in cmds) + 2
        cmds = ["%-*s# %s" % (width, c, why) for c, why in cmds]
        sec += nodes.literal_block("\n".join(cmds), "\n".join(cmds), language="sh")
        sec += _para("A failed sim test prints the seed and the command that replays it, e.g.:")
        flt = next((t["filter"] for t in lab["tests"] if t["backend"] == "sim"), lab["tests"][0]["filter"])
        replay = "WQ_SEED=7 build/grade/build/bin/lab_%s_sim_tests --warn NoTests '%s'" % (lab_id, flt)
        sec += nodes.literal_block(replay, replay, language="sh")
        sec += _para("The same seed gives the same interleaving every time: run it under ",
                     _literal("gdb --args"), " or with ", _literal("CMWQ_SIM_TRACE=1"), " (",
                     _ref("ch-replaying", "Replaying a race"), ").")
        out.append(sec)

        if lab.get("questions"):
            sec = self._section("Questions", "questions")
            lst = nodes.enumerated_list()
            for q in lab["questions"]:
                lst += nodes.list_item("", _para(q["question"]))
            sec += lst
            out.append(sec)
        return out

    def _section(self, title, slug):
        sec = nodes.section(ids=["lab-%s-%s" % (self.arguments[0].strip().replace("_", "-"), slug)])
        sec += nodes.title(title, title)
        return sec


class WqLabs(_Base):
    """The labs of a chapter."""
    has_content = False
    required_arguments = 1

    def run(self):
        name = self.arguments[0].strip()
        self.env.note_dependency(self.config.wq_labs_manifest)
        labs = [lab for lab in _manifest(self.env).get("lab", [])
                if name in lab.get("story", []) or name in lab.get("chapters", [])]
        if not labs:
            self._warn("no lab belongs to chapter %r" % name)
            return []
        lst = nodes.bullet_list(classes=["wq-labs"])
        for lab in labs:
            pts = sum(t["points"] for t in lab["tests"])
            lst += nodes.list_item("", _para(_ref("lab-" + lab["id"], "Lab %s: %s" % (lab["id"], lab["title"])),
                                             " (%d points)" % pts))
        return [lst]


def _hint_nodes(directive, lab):
    """The hints, each in a collapsed <details> element (HTML only)."""
    out = []
    for i, h in enumerate(lab.get("hints", []), 1):
        out.append(nodes.raw("", '<details class="wq-hint"><summary>Hint %d</summary>' % i, format="html"))
        out.append(_para(h["text"] + " "))
        out.append(_para("Read: ", _hint_link(directive, h["link"])))
        out.append(nodes.raw("", "</details>", format="html"))
    return out


def _lab_box(directive, lab):
    """What a hand-out's chapter shows where the lab's code was."""
    adm = nodes.admonition(classes=["wq-lab-task"])
    title = "Lab %s: this code is yours to write" % lab["id"]
    adm += nodes.title(title, title)
    box = nodes.container()
    directive.state.nested_parse(StringList(lab["task"].strip("\n").split("\n")),
                                 directive.content_offset, box)
    adm += box.children
    adm += _hint_nodes(directive, lab)
    adm += _para("The tests and the commands: ", _ref("lab-" + lab["id"], "the lab's page"), ".")
    return [adm]


def _handout_lab_of_file(env, path):
    info = _handout(env)
    if not info:
        return None
    rel = os.path.relpath(os.path.abspath(path), env.config.wq_repo_root).replace(os.sep, "/")
    if rel not in info.get("lab_files", []):
        return None
    for lab_id in info["labs"]:
        lab = _lab(env, lab_id)
        if lab and rel in lab["files"]:
            return lab
    return None


class HandoutLiteralInclude(wqsource.MarkerlessLiteralInclude):
    def run(self):
        _rel, path = self.env.relfn2path(self.arguments[0])
        lab = _handout_lab_of_file(self.env, path)
        if lab:
            return _lab_box(self, lab)
        return super().run()


def _make_handout_wq_source():
    class HandoutWqSource(wqsource.WqSource):
        def run(self):
            symbol = self.arguments[0].strip()
            if symbol.endswith("()"):
                symbol = symbol[:-2]
            index = wqsource._get_index(self.env)
            loc, err = index.lookup(symbol, self.options.get("file"))
            if not err:
                lab = _handout_lab_of_file(self.env, loc.file)
                if lab:
                    return _lab_box(self, lab)
            return super().run()
    return HandoutWqSource


def setup(app):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", ".."))
    if "wq_repo_root" not in app.config.values:
        app.add_config_value("wq_repo_root", repo, "env")
    app.add_config_value("wq_labs_manifest", os.path.join(repo, "exercises", "labs.toml"), "env")
    app.add_directive("wq-lab", WqLab)
    app.add_directive("wq-labs", WqLabs)
    if os.path.isfile(os.path.join(repo, "exercises", "handout.json")):
        app.add_directive("literalinclude", HandoutLiteralInclude, override=True)
        app.add_directive("wq-source", _make_handout_wq_source(), override=True)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
