// SPDX-License-Identifier: GPL-2.0-only
// tools/diagrams/work_data.cpp: wq_diagram work_data, the bits of work->data (cmwq's own tool)
//
// Drawn from the header's constants alone (work_data_layout.h): no run.

#include "tools/diagrams/diagram.h"
#include "tools/diagrams/work_data_layout.h"
#include "tools/trace/svg_util.h"

namespace {

/** @brief Width in pixels of a box of @p bits bits: room for a name, growing with the bits. */
int wd_width(int bits)
{
	return 78 + 6 * (bits - 1);
}

/** @brief Fill colour of a range of kind @p k. */
const char *wd_fill(enum wd_kind k)
{
	switch (k) {
	case WD_POINTER:
		return "#cfe2f3";
	case WD_COLOR:
		return "#fce5cd";
	case WD_FLAG:
		return "#d9ead3";
	case WD_POOL:
		return "#d9d2e9";
	case WD_ZERO:
		return "#eeeeee";
	}
	return "#ffffff";
}

} // namespace

/** @brief The SVG of wd_rows: one row of boxes per encoding, each box a named bit range. */
std::string draw_work_data(void)
{
	const int x0 = 20, row_h = 52, gap = 46, top = 46;
	int width = 0;
	std::string body;

	for (int r = 0; r < 2; r++) {
		const struct wd_row &row = wd_rows[r];
		int x = x0, y = top + r * (row_h + gap);

		body += fmt("<text x=\"%d\" y=\"%d\" class=\"title\">%s</text>\n", x0, y - 10,
			    svg_esc(row.title).c_str());
		for (int i = 0; i < row.nr; i++) {
			const struct wd_range &g = row.r[i];
			int w = wd_width(g.hi - g.lo + 1);
			std::string bits =
				g.hi == g.lo ? fmt("bit %d", g.lo) : fmt("bits %d-%d", g.hi, g.lo);

			body += fmt("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
				    "stroke=\"#444444\" data-row=\"%s\" data-hi=\"%d\" data-lo=\"%d\" "
				    "data-name=\"%s\"/>\n",
				    x, y, w, row_h, wd_fill(g.kind), row.id, g.hi, g.lo,
				    svg_esc(g.name).c_str());
			body += fmt("<text x=\"%d\" y=\"%d\" class=\"name\">%s</text>\n", x + w / 2,
				    y + 22, svg_esc(g.name).c_str());
			body += fmt("<text x=\"%d\" y=\"%d\" class=\"bits\">%s</text>\n", x + w / 2,
				    y + 40, bits.c_str());
			x += w;
		}
		if (x > width)
			width = x;
	}
	width += x0;
	return fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		   "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n",
		   width, top + 2 * row_h + gap + 52, width, top + 2 * row_h + gap + 52) +
	       "<title>work_struct::data: the two encodings (BITS_PER_LONG = " +
	       std::to_string(BITS_PER_LONG) +
	       ")</title>\n"
	       "<style>.title{font-size:14px;font-weight:bold;fill:#222222}"
	       ".name{font-size:12px;text-anchor:middle;fill:#111111}"
	       ".bits{font-size:11px;text-anchor:middle;fill:#555555}</style>\n"
	       "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" +
	       body +
	       fmt("<text x=\"%d\" y=\"%d\" class=\"bits\" style=\"text-anchor:start\">"
		   "WORK_STRUCT_FLAG_BITS = %d, WORK_STRUCT_COLOR_SHIFT = %d, "
		   "WORK_STRUCT_COLOR_BITS = %d</text>\n",
		   x0, top + 2 * row_h + gap + 24, (int)WORK_STRUCT_FLAG_BITS,
		   (int)WORK_STRUCT_COLOR_SHIFT, (int)WORK_STRUCT_COLOR_BITS) +
	       fmt("<text x=\"%d\" y=\"%d\" class=\"bits\" style=\"text-anchor:start\">"
		   "WORK_OFFQ_FLAG_BASE = %d, WORK_OFFQ_POOL_SHIFT = %d, WORK_OFFQ_POOL_BITS = "
		   "%d</text>\n",
		   x0, top + 2 * row_h + gap + 40, (int)WORK_OFFQ_FLAG_BASE,
		   (int)WORK_OFFQ_POOL_SHIFT, (int)WORK_OFFQ_POOL_BITS) +
	       "</svg>\n";
}
