# SPDX-License-Identifier: GPL-2.0-only
"""cmwq Sphinx extension: code by symbol, and links to the v5.9 kernel.

``.. wq-source:: <symbol>``
    Includes the definition of a function (or struct, union, enum, ...) from
    the real source file.  The lines come from Doxygen's XML
    (``<location bodyfile= bodystart= bodyend=>``), so a chapter never holds
    a line number and never drifts: if the code moves, the inclusion moves
    with it; if the symbol goes away, the build fails.  For a function
    declared in a header and defined in a ``.cpp`` file, the definition is
    shown.  The caption is the file's path from the repository root and the
    line numbers are the file's own.

    Options: ``:file:`` (a path or path suffix, to pick one of several
    symbols with the same name), ``:caption:`` (replaces the path),
    ``:emphasize-lines:``, ``:name:``, ``:class:``.

    An unknown or ambiguous symbol is a warning, so ``sphinx-build -W``
    fails.

Marker comments
    A line that holds only a fragment marker (``// [worker_thread:die]``,
    ``// [lab:insert_work]``) stays in the source but is not shown: both
    ``wq-source`` and ``literalinclude`` (overridden here) drop it after
    the lines were selected.  The remaining lines keep the file's own line
    numbers, so a fragment with ``:lineno-match:`` shows the same numbers as
    the full listing of its function.

Exports
    ``wq-source`` of a function of ``src/kernel/workqueue/`` shows the
    ``EXPORT_SYMBOL()`` or ``EXPORT_SYMBOL_GPL()`` line that follows its
    body, as the kernel writes it, and says under the listing whether the
    function is exported, with the line of v5.9's ``kernel/workqueue.c``
    that exports it.  The source and the v5.9 table below must agree
    (exported or not, GPL or not): a difference is a warning, so
    ``sphinx-build -W`` fails.

``:kfunc:`name```
    Links ``name()`` to its definition in Linux v5.9 on elixir.bootlin.com
    (a pinned tag, never master).  ``:kfunc:`text <name>``` sets the text.

``:ksrc:`path```
    Links a path of the v5.9 tree, e.g. ``:ksrc:`kernel/workqueue.c```.
    A ``#L123`` suffix is kept (the tag is pinned, so the line cannot drift).

``:ksrc-at:`tag:path```
    Links a path of another pinned release, for a note on a later kernel,
    e.g. ``:ksrc-at:`v6.12.117:kernel/workqueue.c#L3373```; the text names
    the release.  A tag must look like ``v6.12`` or ``v6.12.117``.
"""

import os
import re
import xml.etree.ElementTree as ET

from docutils import nodes
from sphinx import addnodes
from docutils.parsers.rst import directives
from sphinx.directives.code import LiteralInclude
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import split_explicit_title

from wqcache import once_per_version

logger = logging.getLogger(__name__)

KERNEL_TAG = "v5.9"
ELIXIR = "https://elixir.bootlin.com/linux/" + KERNEL_TAG
# v5.9 kernel/workqueue.c: every function it exports, with the macro and
# the line of its EXPORT_SYMBOL*() (34 lines, the seven system workqueues
# among them; grep -n '^EXPORT_SYMBOL' kernel/workqueue.c in v5.9).
V59_EXPORTS = {
    "system_wq": ("EXPORT_SYMBOL", 343),
    "system_highpri_wq": ("EXPORT_SYMBOL_GPL", 345),
    "system_long_wq": ("EXPORT_SYMBOL_GPL", 347),
    "system_unbound_wq": ("EXPORT_SYMBOL_GPL", 349),
    "system_freezable_wq": ("EXPORT_SYMBOL_GPL", 351),
    "system_power_efficient_wq": ("EXPORT_SYMBOL_GPL", 353),
    "system_freezable_power_efficient_wq": ("EXPORT_SYMBOL_GPL", 355),
    "__init_work": ("EXPORT_SYMBOL_GPL", 505),
    "destroy_work_on_stack": ("EXPORT_SYMBOL_GPL", 511),
    "destroy_delayed_work_on_stack": ("EXPORT_SYMBOL_GPL", 518),
    "queue_work_on": ("EXPORT_SYMBOL", 1525),
    "queue_work_node": ("EXPORT_SYMBOL_GPL", 1609),
    "delayed_work_timer_fn": ("EXPORT_SYMBOL", 1618),
    "queue_delayed_work_on": ("EXPORT_SYMBOL", 1681),
    "mod_delayed_work_on": ("EXPORT_SYMBOL_GPL", 1719),
    "queue_rcu_work": ("EXPORT_SYMBOL", 1753),
    "flush_workqueue": ("EXPORT_SYMBOL", 2917),
    "drain_workqueue": ("EXPORT_SYMBOL_GPL", 2972),
    "flush_work": ("EXPORT_SYMBOL_GPL", 3069),
    "cancel_work_sync": ("EXPORT_SYMBOL_GPL", 3171),
    "flush_delayed_work": ("EXPORT_SYMBOL", 3193),
    "flush_rcu_work": ("EXPORT_SYMBOL", 3213),
    "cancel_delayed_work": ("EXPORT_SYMBOL", 3252),
    "cancel_delayed_work_sync": ("EXPORT_SYMBOL", 3267),
    "execute_in_process_context": ("EXPORT_SYMBOL_GPL", 3330),
    "alloc_workqueue": ("EXPORT_SYMBOL_GPL", 4333),
    "destroy_workqueue": ("EXPORT_SYMBOL_GPL", 4442),
    "workqueue_set_max_active": ("EXPORT_SYMBOL_GPL", 4474),
    "current_work": ("EXPORT_SYMBOL", 4490),
    "workqueue_congested": ("EXPORT_SYMBOL_GPL", 4547),
    "work_busy": ("EXPORT_SYMBOL_GPL", 4581),
    "set_worker_desc": ("EXPORT_SYMBOL_GPL", 4604),
    "work_on_cpu": ("EXPORT_SYMBOL_GPL", 5126),
    "work_on_cpu_safe": ("EXPORT_SYMBOL_GPL", 5149),
}

# v5.9 functions of kernel/workqueue.c that cmwq implements and that are
# global but not exported: other parts of the kernel call them, no module
# does (the line of each definition; who calls it).  Every other function
# cmwq implements from that file is static there, and the note says so: a new
# function chapter for a function that v5.9 defines without "static" and
# does not export belongs in this table.
V59_GLOBAL_NOT_EXPORTED = {
    "wq_worker_running": (846, "the scheduler (kernel/sched/core.c) calls it"),
    "wq_worker_sleeping": (865, "the scheduler (kernel/sched/core.c) calls it"),
    "wq_worker_last_func": (931, "pressure stall accounting (kernel/sched/psi.c) calls it"),
    "free_workqueue_attrs": (3338, "padata (kernel/padata.c) calls it"),
    "alloc_workqueue_attrs": (3354, "padata (kernel/padata.c) calls it"),
    "apply_workqueue_attrs": (4055, "padata (kernel/padata.c) calls it"),
    "workqueue_init_early": (5914, "the boot (init/main.c) calls it"),
    "workqueue_init": (5992, "the boot (init/main.c) calls it"),
}

EXPORT_LINE_RE = re.compile(r"^(EXPORT_SYMBOL(?:_GPL)?)\(([A-Za-z_][A-Za-z0-9_]*)\);$")
WORKQUEUE_DIR = os.path.join("src", "kernel", "workqueue")


# memberdef kinds and compounddef kinds that have a body worth showing
_MEMBER_KINDS = {"function", "define", "enum", "typedef", "variable"}
_COMPOUND_KINDS = {"struct", "union", "class"}


class _Location:
    __slots__ = ("kind", "name", "file", "start", "end")

    def __init__(self, kind, name, file, start, end):
        self.kind, self.name, self.file, self.start, self.end = kind, name, file, start, end

    def key(self):
        return (self.file, self.start, self.end)


class DoxygenIndex:
    """Body locations of every documented symbol, read once per build."""

    def __init__(self, xml_dir, repo_root):
        self.xml_dir = xml_dir
        self.repo_root = repo_root
        self.symbols = {}  # name -> {key: _Location}
        self.error = None
        self._load()

    def _path(self, f):
        if not os.path.isabs(f):
            f = os.path.join(self.repo_root, f)
        return os.path.normpath(f)

    def _add(self, kind, name, loc):
        if loc is None:
            return
        bodyfile = loc.get("bodyfile")
        try:
            start = int(loc.get("bodystart", "0"))
            end = int(loc.get("bodyend", "0"))
        except ValueError:
            return
        if not bodyfile or start <= 0:
            return
        if end < start:  # a one-line body, or a declaration only
            end = start
        entry = _Location(kind, name, self._path(bodyfile), start, end)
        self.symbols.setdefault(name, {})[entry.key()] = entry

    def _load(self):
        if not os.path.isdir(self.xml_dir):
            self.error = ("no Doxygen XML in %s (run `make docs`, which runs doxygen first)"
                          % self.xml_dir)
            return
        for fn in sorted(os.listdir(self.xml_dir)):
            if not fn.endswith(".xml") or fn in ("index.xml", "Doxyfile.xml"):
                continue
            try:
                root = ET.parse(os.path.join(self.xml_dir, fn)).getroot()
            except ET.ParseError as e:
                logger.warning("wq-source: cannot parse %s: %s", fn, e)
                continue
            for cdef in root.iter("compounddef"):
                ckind = cdef.get("kind")
                if ckind in _COMPOUND_KINDS:
                    name = (cdef.findtext("compoundname") or "").strip()
                    self._add(ckind, name, cdef.find("location"))
                for mdef in cdef.iter("memberdef"):
                    if mdef.get("kind") in _MEMBER_KINDS:
                        name = (mdef.findtext("name") or "").strip()
                        self._add(mdef.get("kind"), name, mdef.find("location"))

    def lookup(self, name, file_hint=None):
        """Return (location, error message)."""
        if self.error:
            return None, self.error
        found = list(self.symbols.get(name, {}).values())
        if not found:
            return None, "unknown symbol %r (not in the Doxygen XML: is it documented?)" % name
        if file_hint:
            hint = os.path.normpath(file_hint)
            found = [l for l in found if l.file == self._path(hint) or l.file.endswith(os.sep + hint)]
            if not found:
                return None, "symbol %r has no definition in a file matching %r" % (name, file_hint)
        if len(found) > 1:
            # A declaration in a header and the body in a .cpp: show the body.
            defs = [l for l in found if l.end > l.start or l.file.endswith((".cpp", ".cc", ".c"))]
            cpp = [l for l in defs if l.file.endswith((".cpp", ".cc", ".c"))]
            found = cpp or defs or found
            # Prefer the longest body (a one-line declaration loses to a definition)
            if len({l.file for l in found}) == 1:
                found = [max(found, key=lambda l: l.end - l.start)]
        if len(found) > 1:
            where = ", ".join("%s:%d" % (os.path.relpath(l.file, self.repo_root), l.start)
                              for l in sorted(found, key=_Location.key))
            return None, ("symbol %r is ambiguous (%s): add :file: to pick one" % (name, where))
        return found[0], None


_CACHE = {}


def _get_index(env):
    """The index, once per XML directory version (not kept in the pickled env)."""
    cfg = env.config
    return once_per_version(_CACHE, cfg.wq_doxygen_xml,
                            lambda _exists: DoxygenIndex(cfg.wq_doxygen_xml, cfg.wq_repo_root),
                            stamp_of=os.path.join(cfg.wq_doxygen_xml, "index.xml"))


_LEAD_RE = re.compile(r"^\s*($|//|/\*|\*|#)")


def _definition_start(lines, loc):
    """Doxygen's bodystart is the line with the function's name; the kernel's
    style puts the return type on the line before (``static struct worker *``
    / ``alloc_worker(int node)``).  Take such lines in, so the excerpt is the
    whole definition."""
    start = loc.start
    if loc.kind != "function":
        return start
    for _ in range(2):
        if start <= 1:
            break
        prev = lines[start - 2]
        s = prev.rstrip()
        if not s or _LEAD_RE.match(prev) or s.endswith((";", "}", "{", "*/", ")", ",")):
            break
        start -= 1
    return start


MARKER_RE = re.compile(r"^\s*// \[[A-Za-z0-9_:.-]+\]\s*$")


def strip_markers(block):
    """Drop the marker-only lines of one literal_block made by literalinclude.

    With line numbers, the lines left keep their numbers in the file: a
    contiguous run just moves ``linenostart``; otherwise the list of numbers
    goes in ``block['wq_linenos']`` for the HTML translator below."""
    text = block.astext()
    lines = text.split("\n")
    trailing = lines and lines[-1] == ""
    if trailing:
        lines.pop()
    keep = [i for i, l in enumerate(lines) if not MARKER_RE.match(l)]
    if len(keep) == len(lines) or not keep:
        return
    new_text = "\n".join(lines[i] for i in keep) + ("\n" if trailing else "")
    block.children = [nodes.Text(new_text)]
    block.rawsource = new_text
    args = block.get("highlight_args", {})
    if "hl_lines" in args:  # 1-based indices into the block
        index = {old + 1: new + 1 for new, old in enumerate(keep)}
        args["hl_lines"] = [index[n] for n in args["hl_lines"] if n in index]
    if block.get("linenos"):
        first = args.get("linenostart", 1)
        numbers = [first + i for i in keep]
        args["linenostart"] = numbers[0]
        if numbers[-1] - numbers[0] + 1 != len(numbers):
            block["wq_linenos"] = numbers


class MarkerlessLiteralInclude(LiteralInclude):
    """Sphinx's literalinclude, without the marker-only lines."""

    def run(self):
        result = super().run()
        for node in result:
            if isinstance(node, nodes.Element):
                for block in node.traverse(nodes.literal_block):
                    strip_markers(block)
        return result


_LINENO_RE = re.compile(r'<span class="linenos">\s*\d+</span>')


def visit_literal_block_html(self, node):
    """HTML: as Sphinx's, then give the lines their numbers in the file when
    marker lines were dropped from the middle of a numbered listing."""
    numbers = node.get("wq_linenos")
    start = len(self.body)
    try:
        _html_base(self).visit_literal_block(self, node)
    except nodes.SkipNode:
        if numbers:
            html = "".join(self.body[start:])
            width = len(str(numbers[-1]))
            it = iter(numbers)
            count = [0]

            def renumber(m):
                count[0] += 1
                n = next(it, None)
                return m.group(0) if n is None else (
                    '<span class="linenos">%*d</span>' % (width, n))
            html = _LINENO_RE.sub(renumber, html)
            if count[0] != len(numbers):
                logger.warning("wq-source: %d line numbers for %d lines", len(numbers), count[0],
                               location=node)
            del self.body[start:]
            self.body.append(html)
        raise


def _html_base(translator):
    from sphinx.writers.html import HTMLTranslator
    from sphinx.writers.html5 import HTML5Translator
    return HTML5Translator if isinstance(translator, HTML5Translator) else HTMLTranslator


def depart_literal_block_html(self, node):
    _html_base(self).depart_literal_block(self, node)


class WqSource(SphinxDirective):
    has_content = False
    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = False
    option_spec = {
        "file": directives.unchanged_required,
        "caption": directives.unchanged,
        "emphasize-lines": directives.unchanged_required,
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def _fail(self, msg):
        logger.warning("wq-source: %s", msg, location=self.get_location())
        return []

    def run(self):
        symbol = self.arguments[0].strip()
        if symbol.endswith("()"):
            symbol = symbol[:-2]
        index = _get_index(self.env)
        loc, err = index.lookup(symbol, self.options.get("file"))
        if err:
            return self._fail(err)
        if not os.path.isfile(loc.file):
            return self._fail("%s: file %s does not exist" % (symbol, loc.file))
        with open(loc.file, encoding="utf-8") as f:
            file_lines = f.read().splitlines()
        if loc.end > len(file_lines):
            return self._fail("%s: lines %d-%d are beyond the end of %s (stale Doxygen XML?)"
                              % (symbol, loc.start, loc.end, loc.file))
        start = _definition_start(file_lines, loc)
        rel_to_repo = os.path.relpath(loc.file, self.config.wq_repo_root)
        rel_to_doc = os.path.relpath(loc.file, os.path.dirname(self.env.doc2path(self.env.docname)))
        self.env.note_dependency(loc.file)

        end = loc.end
        export = None
        if loc.end < len(file_lines):
            m = EXPORT_LINE_RE.match(file_lines[loc.end])
            if m and m.group(2) == symbol:
                export = m.group(1)
                end = loc.end + 1  # the kernel's place for it: right after the body

        options = {
            "language": "cpp",
            "lines": "%d-%d" % (start, end),
            "lineno-start": start,
            "caption": self.options.get("caption") or rel_to_repo,
        }
        for k in ("emphasize-lines", "name", "class"):
            if k in self.options:
                options[k] = self.options[k]
        inc = MarkerlessLiteralInclude(
            "literalinclude", [rel_to_doc.replace(os.sep, "/")], options, self.content,
            self.lineno, self.content_offset, self.block_text, self.state, self.state_machine)
        out = inc.run()
        in_workqueue = os.path.dirname(rel_to_repo) == WORKQUEUE_DIR
        if loc.kind == "function" and in_workqueue and \
                os.path.basename(loc.file) == symbol + ".cpp":
            note = self._export_note(symbol, export)
            if note is None:
                return []
            out.append(note)
        return out

    def _export_note(self, symbol, export):
        """One paragraph: is @symbol exported, and is that what v5.9 does?"""
        v59 = V59_EXPORTS.get(symbol)
        para = nodes.paragraph(classes=["wq-export"])
        if export:
            if not v59:
                self._fail("%s: cmwq has %s(%s), v5.9's kernel/workqueue.c exports no %s"
                           % (symbol, export, symbol, symbol))
                return None
            if v59[0] != export:
                self._fail("%s: cmwq has %s, v5.9 has %s at kernel/workqueue.c line %d"
                           % (symbol, export, v59[0], v59[1]))
                return None
            whom = ("to GPL-compatible modules only" if export == "EXPORT_SYMBOL_GPL"
                    else "to every module")
            para += nodes.strong("Exported: ", "Exported: ")
            para += nodes.literal(export, export)
            para += nodes.Text(", as v5.9 exports it %s: " % whom)
            para += _ksrc_link("kernel/workqueue.c#L%d" % v59[1],
                               "kernel/workqueue.c line %d" % v59[1])
            para += nodes.Text(". A global symbol of the installed libcmwq.a (")
            para += _ref("workqueue-exports", "what the library exports")
            para += nodes.Text(").")
        else:
            if v59:
                self._fail("%s: v5.9 exports it (%s at kernel/workqueue.c line %d); cmwq "
                           "has no %s(%s) after its body" % (symbol, v59[0], v59[1], v59[0], symbol))
                return None
            para += nodes.strong("Not exported: ", "Not exported: ")
            glob = V59_GLOBAL_NOT_EXPORTED.get(symbol)
            if glob:
                para += nodes.Text("global in v5.9 (")
                para += _ksrc_link("kernel/workqueue.c#L%d" % glob[0],
                                   "kernel/workqueue.c line %d" % glob[0])
                para += nodes.Text("), for the kernel's own use: %s. " % glob[1])
            else:
                para += nodes.Text("static in v5.9's kernel/workqueue.c. ")
            para += nodes.Text("Local to the installed libcmwq.a: a program that links it "
                               "cannot call it, and may have a function of the same name (")
            para += _ref("workqueue-exports", "what the library exports")
            para += nodes.Text(").")
        return para


def _make_link_role(url_of, text_of):
    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        has_title, title, target = split_explicit_title(text)
        target = target.strip()
        if not target:
            msg = inliner.reporter.error("%s: empty target" % name, line=lineno)
            return [inliner.problematic(rawtext, rawtext, msg)], [msg]
        label = title if has_title else text_of(target)
        ref = nodes.reference(rawtext, "", refuri=url_of(target), classes=["kernel-link"])
        ref += nodes.literal(label, label)
        return [ref], []
    return role


def _kfunc_url(name):
    name = name[:-2] if name.endswith("()") else name
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        name = re.sub(r"[^A-Za-z0-9_]", "", name)
    return "%s/C/ident/%s" % (ELIXIR, name)


def _kfunc_text(name):
    return name if name.endswith("()") else name + "()"


def _ksrc_url(path):
    return "%s/source/%s" % (ELIXIR, path.lstrip("/"))


def _ksrc_text(path):
    return path.split("#", 1)[0]


def _ref(label, text):
    """A :ref: to @label, made in code."""
    ref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=label,
                                refexplicit=True, refwarn=True)
    ref += nodes.inline(text, text)
    return ref


def _ksrc_link(path, text):
    ref = nodes.reference("", "", refuri=_ksrc_url(path), classes=["kernel-link"])
    ref += nodes.literal(text, text)
    return ref


_TAG_RE = re.compile(r"v[0-9]+\.[0-9]+(\.[0-9]+)?")


def _ksrc_at_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    has_title, title, target = split_explicit_title(text)
    tag, sep, path = target.strip().partition(":")
    if not sep or not _TAG_RE.fullmatch(tag) or not path:
        msg = inliner.reporter.error("%s: %r is not tag:path (e.g. v6.12.117:kernel/workqueue.c)"
                                     % (name, target), line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    label = title if has_title else "%s (%s)" % (_ksrc_text(path), tag)
    url = "https://elixir.bootlin.com/linux/%s/source/%s" % (tag, path.lstrip("/"))
    ref = nodes.reference(rawtext, "", refuri=url, classes=["kernel-link"])
    ref += nodes.literal(label, label)
    return [ref], []


def setup(app):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", ".."))
    app.add_config_value("wq_repo_root", repo, "env")
    app.add_config_value("wq_doxygen_xml", os.path.join(repo, "build", "doxygen", "xml"), "env")
    app.add_directive("wq-source", WqSource)
    app.add_directive("literalinclude", MarkerlessLiteralInclude, override=True)
    app.add_node(nodes.literal_block, override=True,
                 html=(visit_literal_block_html, depart_literal_block_html))
    app.add_role("kfunc", _make_link_role(_kfunc_url, _kfunc_text))
    app.add_role("ksrc", _make_link_role(_ksrc_url, _ksrc_text))
    app.add_role("ksrc-at", _ksrc_at_role)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
