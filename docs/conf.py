# SPDX-License-Identifier: GPL-2.0-only
#
# Sphinx configuration of the cmwq book (Sphinx 5.3, Breathe 4.34, Debian 12).
#
# Build it with `make docs`, which runs, from the repository root:
#   /usr/bin/python3 -m sphinx -E -a -W --keep-going -n -b html -c docs chapters build/docs/html
# after the tests (build/docs-gen/tests.xml) and Doxygen (build/doxygen/xml).
# Every warning fails the build: an unknown symbol, an undefined reference,
# an unresolved type (nitpicky), a chapter without tests, a stray test tag,
# a page that would load an asset from outside build/docs/html.

import os
import re
import sys

DOCS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(DOCS)
BUILD = os.path.join(REPO, "build")

sys.path.insert(0, os.path.join(DOCS, "_ext"))

# -- Project -----------------------------------------------------------------

project = "cmwq"
copyright = "the cmwq authors; GPL-2.0-only"
author = "the cmwq authors"
version = release = "0.1"
root_doc = master_doc = "index"
language = "en"

extensions = [
    "breathe",
    "sphinx.ext.graphviz",
    "wqsource",   # .. wq-source:: <symbol>, :kfunc:, :ksrc:
    "wqtests",    # .. wq-tests:: <chapter>
    "wqstory",    # .. wq-read-with::, .. wq-question::, .. wq-student-path::
    "wqlabs",     # .. wq-lab:: <id>, .. wq-labs:: <chapter>; a hand-out's lab code
    "wqicount",   # .. wq-icount-table:: (bench/icount/budget.json)
]

# Chapters of functions such as __queue_work start with underscores: do not exclude "_*".
exclude_patterns = ["_build", "**/.*"]
primary_domain = "cpp"
highlight_language = "cpp"
pygments_style = "sphinx"
numfig = True
smartquotes = True
# Never fetch anything while building (no intersphinx, no remote images).
tls_verify = False

# -- Paths computed from this file, so any working directory works -----------

wq_repo_root = REPO
wq_doxygen_xml = os.path.join(BUILD, "doxygen", "xml")
wq_tests_xml = os.path.join(BUILD, "docs-gen", "tests.xml")

# -- Breathe -------------------------------------------------------------------

breathe_projects = {"cmwq": wq_doxygen_xml}
breathe_default_project = "cmwq"
breathe_domain_by_extension = {"h": "cpp", "cpp": "cpp"}
breathe_implementation_filename_extensions = [".c", ".cc", ".cpp"]
breathe_show_define_initializer = True
breathe_show_enumvalue_initializer = True
breathe_default_members = ()

# -- Cross-references ------------------------------------------------------------

nitpicky = True
# Substrate types that appear in the workqueue's signatures and fields but are
# told in prose (the substrate is not in the Doxygen input).  Keep this list
# explicit: a name missing here is a build error, on purpose.
_SUBSTRATE_TYPES = [
    # lists, hashes, trees
    "list_head", "hlist_head", "hlist_node", "llist_head", "llist_node", "rb_node", "rb_root",
    # tasks and scheduling
    "task_struct", "kthread_work", "wait_queue_head", "wait_queue_head_t", "wait_queue_entry",
    "wait_queue_entry_t",
    "completion",
    # time
    "timer_list", "hrtimer",
    # locking
    "mutex", "spinlock_t", "raw_spinlock_t", "rw_semaphore", "lockdep_map", "lock_class_key",
    # RCU and counters
    "rcu_head", "atomic_t", "atomic_long_t", "refcount_t", "percpu_ref",
    # CPUs, nodes, ids
    "cpumask", "cpumask_t", "cpumask_var_t", "nodemask_t", "idr", "ida",
    # kernel integer and misc types
    "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "gfp_t", "pid_t", "va_list",
    "size_t", "ssize_t", "uintptr_t", "loff_t", "bool_t",
    # sysfs/device, named in signatures cmwq keeps as stubs
    "device", "kobject", "attribute_group",
]
nitpick_ignore = [("cpp:identifier", t) for t in _SUBSTRATE_TYPES]
nitpick_ignore += [("cpp:type", t) for t in _SUBSTRATE_TYPES]
# Array bounds in struct fields are enum constants of the kernel's anonymous enums; the book
# shows those enums as source (literalinclude), not as C++ declarations.
_ARRAY_BOUNDS = ["WORK_NR_COLORS", "WORKER_DESC_LEN", "WQ_NAME_LEN", "NR_STD_WORKER_POOLS",
                 "BUSY_WORKER_HASH_ORDER", "NR_CPUS", "TASK_COMM_LEN"]
nitpick_ignore += [("cpp:identifier", t) for t in _ARRAY_BOUNDS]

# -- Pictures -----------------------------------------------------------------------

graphviz_dot = "/usr/bin/dot"
graphviz_output_format = "svg"
graphviz_dot_args = ["-Gfontname=sans-serif", "-Nfontname=sans-serif", "-Efontname=sans-serif"]

# -- HTML ------------------------------------------------------------------------------

html_theme = "sphinx_rtd_theme"
html_title = "cmwq: the Linux workqueue, rebuilt and told function by function"
html_short_title = "cmwq"
html_theme_options = {
    "navigation_depth": 3,
    "collapse_navigation": False,
    "sticky_navigation": True,
    "style_external_links": True,
    "prev_next_buttons_location": "both",
}
html_show_sourcelink = False
html_show_sphinx = False
html_copy_source = False
html_last_updated_fmt = None
html_use_index = True
html_domain_indices = True
# No Google fonts, no CDN: the theme's fonts and scripts are copied from
# Debian's packages into _static (symlinks followed), and checked below.
html_static_path = ["_static"]
# cmwq.css: a wider content column and 8-column tabs, so 100-column code fits.
html_css_files = ["cmwq.css", "wqstory.css"]


# -- The book must open from disk, offline ----------------------------------------------

# Assets a page loads: <script src>, <link href> (stylesheets, icons),
# <img src>, <object data>, <source src>, <iframe src>, CSS url(...).
_ASSET_RE = re.compile(
    r"""<(?:script|img|source|iframe|embed)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']"""
    r"""|<link\b[^>]*?\bhref\s*=\s*["']([^"']+)["']"""
    r"""|<object\b[^>]*?\bdata\s*=\s*["']([^"']+)["']""",
    re.IGNORECASE)
_CSS_URL_RE = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""", re.IGNORECASE)
_IMPORT_RE = re.compile(r"""@import\s+["']([^"']+)["']""", re.IGNORECASE)


def _offline_problem(ref, page_dir, outdir):
    ref = ref.strip()
    if not ref or ref.startswith(("data:", "#")):
        return None
    if re.match(r"^[a-z][a-z0-9+.-]*:", ref, re.IGNORECASE) or ref.startswith("//"):
        return "loads %s from the network" % ref
    if ref.startswith("/"):
        return "loads %s, an absolute path outside the book" % ref
    target = os.path.normpath(os.path.join(page_dir, ref.split("#", 1)[0].split("?", 1)[0]))
    if not (target == outdir or target.startswith(outdir + os.sep)):
        return "loads %s, outside %s" % (ref, outdir)
    if os.path.islink(target):
        return "loads %s, a symlink (to %s): copy the file" % (ref, os.path.realpath(target))
    if not os.path.exists(target):
        return "loads %s, which is not in the build" % ref
    return None


def check_offline(app, exception):
    """Every asset a built page loads lives inside the output directory."""
    if exception is not None or app.builder.format != "html":
        return
    from sphinx.util import logging
    logger = logging.getLogger("cmwq.offline")
    outdir = os.path.normpath(app.outdir)
    problems = 0
    for dirpath, _dirs, files in os.walk(outdir):
        for fn in files:
            path = os.path.join(dirpath, fn)
            if fn.endswith(".html"):
                pats = [_ASSET_RE]
            elif fn.endswith(".css"):
                pats = [_CSS_URL_RE, _IMPORT_RE]
            else:
                if os.path.islink(path):
                    logger.warning("offline: %s is a symlink to %s; the book must hold the file"
                                   % (os.path.relpath(path, outdir), os.path.realpath(path)))
                    problems += 1
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            for pat in pats:
                for m in pat.finditer(text):
                    ref = next(g for g in m.groups() if g is not None)
                    why = _offline_problem(ref, dirpath, outdir)
                    if why:
                        logger.warning("offline: %s %s" % (os.path.relpath(path, outdir), why))
                        problems += 1
    if problems == 0:
        logger.info("offline: every asset is inside %s" % outdir)


def setup(app):
    app.connect("build-finished", check_offline)
