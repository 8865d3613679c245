# SPDX-License-Identifier: GPL-2.0-only
"""cmwq Sphinx extension: the story part and the student path.

``.. wq-read-with:: name [name ...]``
    In a story chapter: the function chapters a student reads with it, in
    reading order (chapter base names; each has the label ``ch-<name>``).
    Renders a "Read with this chapter" list of links.  One story chapter
    plus its read-with chapters is one *step* of the student path.

``.. wq-question:: The question``
    A "check your understanding" question; its indented body is the answer.
    Renders as an HTML ``<details>`` element, collapsed, with the question as
    its summary: the reader opens it without any script.  Questions are
    numbered within their page.

``.. wq-student-path::``
    On the Start here page: the whole student path, step by step (each
    story chapter, then the chapters it names), read from the story part's
    toctree and the chapters' ``wq-read-with`` directives by
    :mod:`studentpath`, the same code ``docs/forward_refs.py`` uses.

A story chapter without exactly one ``wq-read-with``, a name that is no
chapter, or a chapter named by two steps is a warning (so ``sphinx -W``
fails); ``docs/check_chapters.py`` checks the Summary and the questions.
"""

import os

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import studentpath

logger = logging.getLogger(__name__)


# -- <details> without JavaScript ------------------------------------------------------

class wq_details(nodes.General, nodes.Element):
    """A collapsed block: its first child is the summary, the rest the body."""


class wq_summary(nodes.General, nodes.TextElement):
    """The always-visible line of a :class:`wq_details`."""


def _visit_details_html(self, node):
    self.body.append(self.starttag(node, "details", CLASS="wq-question"))


def _depart_details_html(self, node):
    self.body.append("</details>\n")


def _visit_summary_html(self, node):
    self.body.append(self.starttag(node, "summary", ""))


def _depart_summary_html(self, node):
    self.body.append("</summary>\n")


def _visit_plain(self, node):
    pass


def _depart_plain(self, node):
    pass


def _chapter_ref(env, name, short=False):
    """A :ref: to chapter ``name``, resolved (and checked) like any other:
    shown with the chapter's title, or ``short`` with its name as code."""
    target = "ch-" + name
    ref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=target,
                                refexplicit=short, refwarn=True, refdoc=env.docname)
    ref += nodes.literal(name, name) if short else nodes.inline(name, name)
    return ref


def _chapter_item(env, name):
    """A list item whose one paragraph is the link to chapter ``name``."""
    item = nodes.list_item()
    p = nodes.paragraph()
    p += _chapter_ref(env, name)
    item += p
    return item


class WqReadWith(SphinxDirective):
    has_content = False
    required_arguments = 0
    optional_arguments = 200
    final_argument_whitespace = False

    def run(self):
        names = list(self.arguments)
        seen = self.env.temp_data.setdefault("wq_read_with_count", 0)
        self.env.temp_data["wq_read_with_count"] = seen + 1
        if seen:
            logger.warning("wq-read-with: a story chapter has one read-with list",
                           location=self.get_location())
        para = nodes.paragraph()
        para += nodes.strong("Read with this chapter", "Read with this chapter")
        if not names:
            para += nodes.Text(": nothing yet; this step is the story alone.")
            return [para]
        para += nodes.Text(
            " (the function chapters of this step, in reading order; each shows the code, "
            "its rules and its tests):")
        lst = nodes.enumerated_list(classes=["wq-read-with"])
        for name in names:
            lst += _chapter_item(self.env, name)
        return [para, lst]


class WqQuestion(SphinxDirective):
    has_content = True
    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = True

    def run(self):
        n = self.env.temp_data.get("wq_question_count", 0) + 1
        self.env.temp_data["wq_question_count"] = n
        if not self.content:
            logger.warning("wq-question: %r has no answer" % self.arguments[0],
                           location=self.get_location())
        details = wq_details(classes=["wq-question"])
        summary = wq_summary()
        label = "Question %d. " % n
        summary += nodes.strong(label, label)
        text_nodes, msgs = self.state.inline_text(self.arguments[0], self.lineno)
        summary += text_nodes
        details += summary
        body = nodes.container(classes=["wq-answer"])
        head = nodes.paragraph()
        head += nodes.emphasis("Answer.", "Answer.")
        body += head
        self.state.nested_parse(self.content, self.content_offset, body)
        details += body
        return [details] + msgs


class WqStudentPath(SphinxDirective):
    has_content = False

    def run(self):
        path, problems = studentpath.load(os.path.join(self.config.wq_repo_root, "chapters"))
        for p in problems:
            logger.warning("wq-student-path: %s" % p, location=self.get_location())
        self.env.note_dependency(os.path.join(self.config.wq_repo_root, "chapters", "story",
                                              "index.rst"))
        out = nodes.enumerated_list(classes=["wq-student-path"])
        for step in path.steps:
            self.env.note_dependency(step.path)
            item = _chapter_item(self.env, step.story)
            if step.read_with:
                q = nodes.paragraph(classes=["wq-path-with"])
                q += nodes.Text("with ")
                for i, name in enumerate(step.read_with):
                    if i:
                        q += nodes.Text(", ")
                    q += _chapter_ref(self.env, name, short=True)
                item += q
            out += item
        return [out]


def _reset_counters(app, docname, source):
    env = app.env
    env.temp_data["wq_question_count"] = 0
    env.temp_data["wq_read_with_count"] = 0


def _check_story_page(app, doctree):
    env = app.env
    doc = env.docname
    if doc.startswith("story/") and os.path.basename(doc) != "index":
        if env.temp_data.get("wq_read_with_count", 0) != 1:
            logger.warning("wq-read-with: story chapter %s needs exactly one "
                           "`.. wq-read-with::` (%d found)"
                           % (doc, env.temp_data.get("wq_read_with_count", 0)),
                           location=doc)


def setup(app):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", ".."))
    if "wq_repo_root" not in app.config.values:
        app.add_config_value("wq_repo_root", repo, "env")
    app.add_node(wq_details, html=(_visit_details_html, _depart_details_html),
                 latex=(_visit_plain, _depart_plain), text=(_visit_plain, _depart_plain))
    app.add_node(wq_summary, html=(_visit_summary_html, _depart_summary_html),
                 latex=(_visit_plain, _depart_plain), text=(_visit_plain, _depart_plain))
    app.add_directive("wq-read-with", WqReadWith)
    app.add_directive("wq-question", WqQuestion)
    app.add_directive("wq-student-path", WqStudentPath)
    app.connect("source-read", _reset_counters)
    app.connect("doctree-read", _check_story_page)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
