# SPDX-License-Identifier: GPL-2.0-only
"""cmwq Sphinx extension: the instruction budgets, from bench/icount/budget.json.

``.. wq-icount-table::``
    A table of the operations ``bench/icount/check.py`` counts: the count
    when the budget was set, the budget, the count above which ``make test``
    fails (budget plus the tolerance), the target of issue 9 and whether the
    count meets it; an operation that does not exist yet says which issue
    adds it.  The book never runs valgrind: the numbers are the file's, so
    one commit always gives the same table (``make icount`` measures anew and
    writes ``build/bench/icount.json``).

Warnings (so ``sphinx-build -W`` fails): the file is missing or an
operation lacks a field the table needs.
"""

import json
import math
import os

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)


def _num(v):
    return "—" if v is None else "{:,}".format(v)


class IcountTable(SphinxDirective):
    has_content = False
    required_arguments = 0

    def run(self):
        path = os.path.join(self.env.config.wq_repo_root, "bench", "icount", "budget.json")
        self.env.note_dependency(path)
        try:
            with open(path) as f:
                budget = json.load(f)
        except (OSError, ValueError) as e:
            logger.warning("wq-icount-table: cannot read %s: %s" % (path, e),
                           location=self.get_location())
            return []
        tol = budget.get("tolerance", 0.10)
        lines = [
            ".. list-table:: Instructions per operation (bench/icount/budget.json)",
            "   :header-rows: 1",
            "   :widths: 22 12 10 12 10 34",
            "",
            "   * - operation",
            "     - measured",
            "     - budget",
            "     - fails above",
            "     - target",
            "     - status",
        ]
        for op in budget.get("operations", []):
            name = op.get("name")
            if op.get("pending"):
                row = ["``%s``" % name, "—", "—", "—", _num(op.get("target")),
                       "pending: %s" % op["pending"]]
            else:
                missing = [k for k in ("measured", "budget", "target") if k not in op]
                if missing:
                    logger.warning("wq-icount-table: %s lacks %s" % (name, ", ".join(missing)),
                                   location=self.get_location())
                    continue
                limit = math.floor(op["budget"] * (1 + tol))
                met = op["measured"] <= op["target"]
                row = ["``%s``" % name, _num(op["measured"]), _num(op["budget"]), _num(limit),
                       _num(op["target"]), "met" if met else "missed"]
            lines.append("   * - " + row[0])
            lines += ["     - " + c for c in row[1:]]
        node = nodes.container()
        self.state.nested_parse(StringList(lines, source=path), self.content_offset, node)
        return node.children


def setup(app):
    app.add_directive("wq-icount-table", IcountTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
