// SPDX-License-Identifier: GPL-2.0-only
// tools/trace/trace_svg_marks.cpp: the SVG timeline's marks and the legend that explains them
//
// A mark is a small shape at the instant of one event on its row: a tick
// per queued item, a dot per activation, a diamond per flush barrier, and
// a shape per worker event (cmwq's own).  The shapes sit at different
// heights of the row, so that marks of one instant stay legible.  The
// legend draws each shape with the same function the plot uses, so the
// two cannot disagree.

#include <map>
#include "tools/trace/trace_svg.h"

namespace wq_svg {

namespace {

/* One mark; @y is the top of the row's 22 px band. */
void glyph(struct trace_seq *out, enum wq_event ev, double x, int y)
{
	switch (ev) {
	case EV_QUEUE:
		trace_seq_printf(out,
				 "<line class=\"queued\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
				 "y2=\"%d\" stroke=\"#333\"/>\n",
				 x, y + 4, x, y + 18);
		break;
	case EV_ACTIVATE:
		trace_seq_printf(out,
				 "<circle class=\"activated\" cx=\"%.1f\" cy=\"%d\" r=\"1.8\" "
				 "fill=\"#999\"/>\n",
				 x, y + 19);
		break;
	case EV_BARRIER_INSERT:
		trace_seq_printf(out,
				 "<path class=\"barrier-queued\" d=\"M%.1f %dl4 5l-4 5l-4 -5z\" "
				 "fill=\"%s\"/>\n",
				 x, y + 1, BARRIER);
		break;
	case EV_SLEEPING:
		trace_seq_printf(out,
				 "<path class=\"sleeping\" d=\"M%.1f %dl-4 -6h8z\" "
				 "fill=\"#d62728\"/>\n",
				 x, y + 6);
		break;
	case EV_RUNNING:
		trace_seq_printf(out,
				 "<path class=\"running\" d=\"M%.1f %dl-4 6h8z\" "
				 "fill=\"#2ca02c\"/>\n",
				 x, y + 16);
		break;
	case EV_WOKEN:
		trace_seq_printf(out,
				 "<circle class=\"woken\" cx=\"%.1f\" cy=\"%d\" r=\"3\" "
				 "fill=\"#1f77b4\"/>\n",
				 x, y + 3);
		break;
	case EV_IDLE:
		trace_seq_printf(out,
				 "<rect class=\"idle\" x=\"%.1f\" y=\"%d\" width=\"5\" height=\"5\" "
				 "fill=\"#8c8c8c\"/>\n",
				 x - 2.5, y + 15);
		break;
	case EV_CREATED:
		trace_seq_printf(out,
				 "<path class=\"created\" d=\"M%.1f %dv8M%.1f %dh8\" "
				 "stroke=\"#000\" stroke-width=\"1.5\"/>\n",
				 x, y + 7, x - 4, y + 11);
		break;
	case EV_DYING:
		trace_seq_printf(out,
				 "<path class=\"dying\" d=\"M%.1f %dl7 7M%.1f %dl-7 7\" "
				 "stroke=\"#000\" stroke-width=\"1.5\"/>\n",
				 x - 3.5, y + 7, x + 3.5, y + 7);
		break;
	default:
		break;
	}
}

/* How far below the top of its band a mark's middle is (to line it up with text in the legend). */
int glyph_middle(enum wq_event ev)
{
	switch (ev) {
	case EV_ACTIVATE:
	case EV_RUNNING:
		return 19;
	case EV_BARRIER_INSERT:
		return 6;
	case EV_SLEEPING:
	case EV_WOKEN:
		return 3;
	case EV_IDLE:
		return 17;
	default: /* the queued tick, created, dying */
		return 11;
	}
}

/* What a legend entry shows. */
enum legend_kind { LG_MARK, LG_RUN, LG_BLOCKED, LG_BARRIER, LG_FLUSH };

struct legend_item {
	enum legend_kind kind;
	enum wq_event ev; /* LG_MARK: which mark */
	const char *text;
};

const legend_item legend[] = {
	{ LG_MARK, EV_QUEUE, "queued (workqueue_queue_work)" },
	{ LG_MARK, EV_ACTIVATE, "activated: on the pool's worklist" },
	{ LG_MARK, EV_BARRIER_INSERT, "flush barrier queued (cmwq)" },
	{ LG_MARK, EV_CREATED, "worker created (cmwq)" },
	{ LG_MARK, EV_WOKEN, "worker woken, leaves idle (cmwq)" },
	{ LG_MARK, EV_IDLE, "worker goes idle (cmwq)" },
	{ LG_MARK, EV_SLEEPING, "blocks: counted out of nr_running" },
	{ LG_MARK, EV_RUNNING, "runs again: counted back in" },
	{ LG_MARK, EV_DYING, "worker dies (cmwq)" },
	{ LG_RUN, EV_QUEUE, "a run, execute_start to _end" },
	{ LG_BLOCKED, EV_QUEUE, "pale: its worker is blocked" },
	{ LG_BARRIER, EV_QUEUE, "barrier's run, names its item" },
	{ LG_FLUSH, EV_QUEUE, "a flusher's wait, call to return (cmwq)" },
};

} // namespace

void pale(struct trace_seq *out, double x0, double x1, int y)
{
	trace_seq_printf(out,
			 "<rect class=\"blocked\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
			 "fill=\"#fff\" fill-opacity=\"0.55\"/>\n",
			 x0, y, x1 - x0 < 1.0 ? 1.0 : x1 - x0, BAR_H);
}

void draw_blocked(struct trace_seq *out, const struct wq_trace_model *m, const layout &L)
{
	std::map<size_t, u64> asleep;

	for (const auto &k : m->marks) {
		if (k.ev == EV_SLEEPING) {
			asleep[k.lane] = k.t;
		} else if (k.ev == EV_RUNNING && asleep.count(k.lane)) {
			pale(out, L.x(asleep[k.lane]), L.x(k.t), L.bar_y(k.lane));
			asleep.erase(k.lane);
		}
	}
	for (const auto &a : asleep)
		pale(out, L.x(a.second), L.x(m->t_end), L.bar_y(a.first));
}

void draw_marks(struct trace_seq *out, const struct wq_trace_model *m, const layout &L)
{
	for (const auto &k : m->marks)
		glyph(out, k.ev, L.x(k.t), L.bar_y(k.lane) - (LANE_H - BAR_H) / 2);
}

int legend_items(void)
{
	return (int)(sizeof(legend) / sizeof(legend[0]));
}

void draw_legend(struct trace_seq *out, const layout &L)
{
	int top = L.plot_bottom + 12;

	for (int i = 0; i < legend_items(); i++) {
		const legend_item &it = legend[i];
		int x = 20 + (i % 3) * LEGEND_COL, y = top + (i / 3) * LEGEND_ROW;
		int bar_y = y + (LANE_H - BAR_H) / 2;

		switch (it.kind) {
		case LG_MARK:
			glyph(out, it.ev, x + 12, y + 11 - glyph_middle(it.ev));
			break;
		case LG_RUN:
		case LG_BLOCKED:
			trace_seq_printf(out,
					 "<rect x=\"%d\" y=\"%d\" width=\"24\" height=\"%d\" "
					 "rx=\"2\" fill=\"%s\"/>\n",
					 x, bar_y, BAR_H, palette[0]);
			if (it.kind == LG_BLOCKED)
				pale(out, x + 8, x + 24, bar_y);
			break;
		case LG_BARRIER:
			trace_seq_printf(out,
					 "<rect x=\"%d\" y=\"%d\" width=\"3\" height=\"%d\" "
					 "fill=\"%s\"/>\n",
					 x + 10, bar_y - 2, BAR_H + 4, BARRIER);
			break;
		case LG_FLUSH:
			trace_seq_printf(out,
					 "<rect x=\"%d\" y=\"%d\" width=\"24\" height=\"%d\" "
					 "fill=\"%s\" stroke=\"%s\"/>\n",
					 x, bar_y, BAR_H, FLUSH, BARRIER);
			break;
		}
		trace_seq_printf(out, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 32, y + 15,
				 svg_esc(it.text).c_str());
	}
	trace_seq_printf(out,
			 "<text x=\"20\" y=\"%d\" fill=\"#555\">Bars and the queued and "
			 "activated marks are the kernel's events; marks and bars labelled (cmwq) "
			 "are cmwq's own.  Hover a bar for its item.</text>\n",
			 top + L.legend_rows * LEGEND_ROW + 14);
}

} // namespace wq_svg
