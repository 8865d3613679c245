// SPDX-License-Identifier: GPL-2.0-only
// tools/trace/trace_svg.cpp: the workqueue trace as an SVG timeline (cmwq's own)
//
// One self-contained SVG document: no scripts, no external fonts or
// styles.  Time runs left to right in milliseconds since wq_trace_start().
// On top, if anybody flushed, a band with a row per flushing task and a
// bar per wait, from flush_work()/flush_workqueue()'s start to its return.
// Then each pool is a band with its label; inside it, a "queued" row with
// a tick per queued item, then a row per worker with a bar per run of a
// work function (labelled with the item's stable id when it fits; every
// bar has a tooltip) and small marks for the worker events.  A run during
// which the worker slept is shaded from its sleeping to its running mark.
// A flush barrier's run is drawn apart, dark and full height, labelled
// with the item it waited behind, and joined by a dashed line to the wait
// it ends.  A legend under the plot explains every mark.

#include <stdio.h>
#include <algorithm>
#include <map>
#include "tools/trace/trace_views.h"
#include "tools/trace/svg_util.h"

namespace {

constexpr int WIDTH =
	860; /* the whole picture: about a book page, so that it is not scaled down much */
constexpr int LABEL_W = 112;	/* the column of row labels */
constexpr int RIGHT = 24;	/* margin right of the plot */
constexpr int TOP = 56;		/* title and time axis */
constexpr int POOL_H = 20;	/* a pool's label row */
constexpr int LANE_H = 22;	/* a worker's row */
constexpr int BAR_H = 14;	/* a bar inside its row */
constexpr int NOTE_H = 12;	/* a row of barrier labels above a worker's bars */
constexpr int GAP = 8;		/* between pools */
constexpr int LEGEND_COL = 280; /* a column of the legend */
constexpr int LEGEND_ROW = 20;	/* a row of the legend */
constexpr double CHAR_W = 5.5;	/* about the width of a character at 10 px */

const char *const BARRIER = "#5b2a86"; /* a barrier's run, its queued mark and its dashed line */
const char *const FLUSH = "#d9d4e6";   /* a flusher's wait */

const char *const palette[] = { "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1",
				"#76b7b2", "#edc948", "#9c755f", "#e15759" };

bool is_barrier(const wq_trace_exec &e)
{
	return e.func == "wq_barrier_func";
}

/* A colour per function, in order of first run: the same schedule gives the same colours. */
std::map<std::string, const char *> colours_of(const struct wq_trace_model *m)
{
	std::map<std::string, const char *> c;
	const size_t n = sizeof(palette) / sizeof(palette[0]);

	for (const auto &e : m->execs)
		if (!is_barrier(e) && !c.count(e.func))
			c.emplace(e.func, palette[c.size() % n]);
	return c;
}

/* A time in ms for the axis: whole ms, or with microsecond decimals. */
std::string ms_label(u64 ns)
{
	char buf[32];

	if (ns % 1000000 == 0)
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)(ns / 1000000));
	else
		snprintf(buf, sizeof(buf), "%llu.%03llu", (unsigned long long)(ns / 1000000),
			 (unsigned long long)(ns / 1000 % 1000));
	return buf;
}

/* A 1-2-5 step that cuts [0, t_end] into at most ten intervals, at least 1 us. */
u64 tick_step(u64 t_end)
{
	u64 step = 1000;

	for (;;) {
		for (u64 f : { 1, 2, 5 })
			if (t_end <= 10 * step * f)
				return step * f;
		step *= 10;
	}
}

/* The label of a barrier's run. */
std::string barrier_label(const wq_trace_exec &e)
{
	return "barrier for " + (e.guards.empty() ? std::string("?") : e.guards);
}

struct layout {
	u64 span;		     /* the time the plot covers, ns */
	std::vector<int> lane_y;     /* top of each row's bar area */
	std::vector<int> lane_h;     /* its height, bars and notes */
	std::vector<int> lane_notes; /* how many rows of barrier labels it has above its bars */
	std::vector<int> note_row;   /* per exec: which row of labels a barrier's label takes */
	std::vector<int> pool_y;     /* top of each pool's band */
	std::vector<int> pool_h;     /* its height */
	int plot_bottom;
	int legend_rows;
	int height;

	double x(u64 t) const
	{
		return LABEL_W + (double)t * (WIDTH - LABEL_W - RIGHT) / (double)span;
	}
	/* top of a bar in row @lane */
	int bar_y(size_t lane) const
	{
		return lane_y[lane] + lane_notes[lane] * NOTE_H + (LANE_H - BAR_H) / 2;
	}
};

/* Give each barrier's label a row above its lane where it does not overlap the one before. */
void place_notes(const struct wq_trace_model *m, layout *L)
{
	/* lane -> right end of the last label in each row */
	std::map<size_t, std::vector<double>> ends;

	L->lane_notes.assign(m->lanes.size(), 0);
	L->note_row.assign(m->execs.size(), -1);
	for (size_t i = 0; i < m->execs.size(); i++) {
		const wq_trace_exec &e = m->execs[i];
		std::vector<double> &rows = ends[e.lane];
		double x0 = L->x(e.start), x1 = x0 + CHAR_W * (double)barrier_label(e).size() + 8;
		size_t r = 0;

		if (!is_barrier(e))
			continue;
		while (r < rows.size() && rows[r] > x0)
			r++;
		if (r == rows.size())
			rows.push_back(x1);
		else
			rows[r] = x1;
		L->note_row[i] = (int)r;
		L->lane_notes[e.lane] = std::max(L->lane_notes[e.lane], (int)r + 1);
	}
}

void place(const struct wq_trace_model *m, layout *L, u64 step, int legend_items)
{
	int y = TOP;

	L->span = (m->t_end + step - 1) / step * step;
	if (L->span == 0)
		L->span = step;
	place_notes(m, L);
	L->lane_y.assign(m->lanes.size(), 0);
	L->lane_h.assign(m->lanes.size(), 0);
	for (const auto &p : m->pools) {
		L->pool_y.push_back(y);
		y += POOL_H;
		for (size_t i = 0; i < m->lanes.size(); i++) {
			if (m->lanes[i].pool_id != p.id)
				continue;
			L->lane_y[i] = y;
			L->lane_h[i] = LANE_H + L->lane_notes[i] * NOTE_H;
			y += L->lane_h[i];
		}
		L->pool_h.push_back(y - L->pool_y.back());
		y += GAP;
	}
	L->plot_bottom = y;
	L->legend_rows = (legend_items + 2) / 3;
	L->height = y + 12 + L->legend_rows * LEGEND_ROW + 24;
}

void draw_axis(std::string *out, const layout &L, u64 step)
{
	for (u64 t = 0; t <= L.span; t += step) {
		double x = L.x(t);
		svg_put(out,
			"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n", x,
			TOP - 6, x, L.plot_bottom);
		svg_put(out,
			"<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
			"fill=\"#555\">%s</text>\n",
			x, TOP - 10, ms_label(t).c_str());
	}
	svg_put(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">ms</text>\n",
		LABEL_W - 8, TOP - 10);
}

/* A band's background: the flushers' band, then pools in two alternating shades. */
const char *band_fill(int pool_id, size_t i)
{
	if (pool_id < 0)
		return "#f7f5fa";
	return i % 2 ? "#f4f4f4" : "#eef2f7";
}

void draw_rows(std::string *out, const struct wq_trace_model *m, const layout &L)
{
	for (size_t i = 0; i < m->pools.size(); i++) {
		const wq_trace_pool &p = m->pools[i];
		char label[80];

		if (p.id < 0)
			snprintf(label, sizeof(label),
				 "tasks that flush: each wait, from call to return");
		else if (p.cpu >= 0)
			snprintf(label, sizeof(label), "pool %d: cpu %d, nice %d", p.id, p.cpu,
				 p.nice);
		else
			snprintf(label, sizeof(label), "pool %d: unbound, nice %d", p.id, p.nice);
		svg_put(out,
			"<rect class=\"pool\" x=\"2\" y=\"%d\" width=\"%d\" height=\"%d\" "
			"fill=\"%s\"/>\n",
			L.pool_y[i], WIDTH - 4, L.pool_h[i], band_fill(p.id, i));
		svg_put(out, "<text x=\"8\" y=\"%d\" font-weight=\"bold\">%s</text>\n",
			L.pool_y[i] + 14, svg_esc(label).c_str());
	}
	for (size_t i = 0; i < m->lanes.size(); i++) {
		const wq_trace_lane &l = m->lanes[i];
		int mid = L.bar_y(i) + BAR_H / 2;

		svg_put(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>\n",
			LABEL_W, mid, WIDTH - RIGHT, mid);
		if (l.comm.empty())
			svg_put(out,
				"<text x=\"12\" y=\"%d\" font-style=\"italic\" "
				"fill=\"#666\">queued</text>\n",
				mid + 4);
		else
			svg_put(out, "<text x=\"12\" y=\"%d\">%s</text>\n", mid + 4,
				svg_esc(l.comm).c_str());
	}
}

/*
 * A flusher's wait: a pale bar with a dark edge, labelled with what it
 * waits for inside the bar, or only the item's id, or after the bar's end
 * if that overlaps no other label of the row; else the tooltip alone.
 */
void draw_flushes(std::string *out, const struct wq_trace_model *m, const layout &L)
{
	std::map<size_t, double> last_end; /* lane -> right end of its last label */

	for (size_t i = 0; i < m->flushes.size(); i++) {
		const wq_trace_flush &f = m->flushes[i];
		double x0 = L.x(f.start), x1 = L.x(f.end);
		double w = x1 - x0 < 1.0 ? 1.0 : x1 - x0, next = WIDTH - 4;
		int y = L.bar_y(f.lane);
		size_t open = f.what.find('('), close = f.what.rfind(')');
		std::string shorter = open != std::string::npos && close > open
					      ? f.what.substr(open + 1, close - open - 1)
					      : f.what;
		std::string label;
		double tx = 0;

		svg_put(out,
			"<rect class=\"flush\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
			"fill=\"%s\" "
			"stroke=\"%s\">",
			x0, y, w, BAR_H, FLUSH, BARRIER);
		svg_put(out, "<title>%s: %s to %s ms%s</title></rect>\n", svg_esc(f.what).c_str(),
			ms_label(f.start / 1000 * 1000).c_str(),
			ms_label(f.end / 1000 * 1000).c_str(), f.finished ? "" : ", still waiting");
		for (size_t j = i + 1; j < m->flushes.size(); j++) {
			if (m->flushes[j].lane == f.lane) {
				next = L.x(m->flushes[j].start);
				break;
			}
		}
		if (w >= CHAR_W * (double)f.what.size() + 6) {
			label = f.what;
			tx = x0 + 3;
		} else if (w >= CHAR_W * (double)shorter.size() + 6) {
			label = shorter;
			tx = x0 + 3;
		} else if (x1 + 4 + CHAR_W * (double)f.what.size() <= next &&
			   (!last_end.count(f.lane) || last_end[f.lane] < x1)) {
			label = f.what;
			tx = x1 + 4;
		}
		if (label.empty() || (last_end.count(f.lane) && last_end[f.lane] > tx))
			continue;
		last_end[f.lane] = tx + CHAR_W * (double)label.size();
		svg_put(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#222\">%s</text>\n",
			tx, y + 11, svg_esc(label).c_str());
	}
}

void draw_execs(std::string *out, const struct wq_trace_model *m, const layout &L)
{
	std::map<std::string, const char *> colour = colours_of(m);

	for (const auto &e : m->execs) {
		double x0 = L.x(e.start), x1 = L.x(e.end);
		double w = x1 - x0 < 1.0 ? 1.0 : x1 - x0;
		int y = L.bar_y(e.lane);

		if (is_barrier(e))
			continue;
		svg_put(out,
			"<rect class=\"exec\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
			"rx=\"2\" "
			"fill=\"%s\">",
			x0, y, w, BAR_H, colour[e.func]);
		svg_put(out, "<title>%s (%s%s%s): %s to %s ms%s</title></rect>\n",
			svg_esc(e.work).c_str(), svg_esc(e.func).c_str(),
			e.wq.empty() ? "" : ", workqueue ", svg_esc(e.wq).c_str(),
			ms_label(e.start / 1000 * 1000).c_str(),
			ms_label(e.end / 1000 * 1000).c_str(), e.finished ? "" : ", still running");
	}
}

/*
 * A barrier's run: dark, a little taller than a bar and at least 3 px wide
 * (under the sim it takes no time at all), its label above it, and a
 * dashed line up to the flusher's row at the moment its wait ends.
 */
void draw_barriers(std::string *out, const struct wq_trace_model *m, const layout &L)
{
	for (size_t i = 0; i < m->execs.size(); i++) {
		const wq_trace_exec &e = m->execs[i];
		double x0 = L.x(e.start), x1 = L.x(e.end);
		double w = x1 - x0 < 3.0 ? 3.0 : x1 - x0;
		int y = L.bar_y(e.lane);
		int ny =
			L.lane_y[e.lane] + (L.lane_notes[e.lane] - 1 - L.note_row[i]) * NOTE_H + 10;

		if (!is_barrier(e))
			continue;
		svg_put(out,
			"<rect class=\"barrier\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
			"fill=\"%s\">",
			x0 - 1, y - 2, w, BAR_H + 4, BARRIER);
		svg_put(out,
			"<title>%s (wq_barrier_func): the barrier of a flush, queued right behind "
			"%s; "
			"it ran at %s ms and woke its flusher</title></rect>\n",
			svg_esc(e.work).c_str(), svg_esc(e.guards).c_str(),
			ms_label(e.start / 1000 * 1000).c_str());
		/* left-aligned on the barrier, or right-aligned if it would leave the picture */
		bool right = x0 + 1 + CHAR_W * (double)barrier_label(e).size() > WIDTH - 4;
		svg_put(out,
			"<text class=\"barrier-label\" x=\"%.1f\" y=\"%d\" font-size=\"9\" "
			"fill=\"%s\"%s>%s</text>\n",
			right ? x0 + 2 : x0 + 1, ny, BARRIER, right ? " text-anchor=\"end\"" : "",
			svg_esc(barrier_label(e)).c_str());
		/* the wait it ends: the flush_work() of its item still open then */
		for (const auto &f : m->flushes) {
			if (f.what != "flush_work(" + e.guards + ")" || f.end < e.start ||
			    f.start > e.start)
				continue;
			svg_put(out,
				"<line class=\"barrier-wakes\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
				"y2=\"%d\" "
				"stroke=\"%s\" stroke-dasharray=\"3 2\"/>\n",
				x0 + 0.5, L.bar_y(f.lane) + BAR_H, x0 + 0.5, L.lane_y[e.lane] + 1,
				BARRIER);
			break;
		}
	}
}

/* Each bar's label, over the shading: the stable id if it fits, else its "#n", else nothing. */
void draw_labels(std::string *out, const struct wq_trace_model *m, const layout &L)
{
	for (const auto &e : m->execs) {
		double x0 = L.x(e.start), w = L.x(e.end) - x0;
		std::string label = e.work;

		if (is_barrier(e))
			continue;
		if (w < CHAR_W * (double)label.size() + 6 && label.find('#') != std::string::npos)
			label = label.substr(label.find('#'));
		if (w < CHAR_W * (double)label.size() + 6)
			continue;
		svg_put(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#fff\">%s</text>\n",
			x0 + 3, L.bar_y(e.lane) + 11, svg_esc(label).c_str());
	}
}

/* The pale part of a run: from x0 to x1 on a bar at @y. */
void pale(std::string *out, double x0, double x1, int y)
{
	svg_put(out,
		"<rect class=\"blocked\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
		"fill=\"#fff\" "
		"fill-opacity=\"0.55\"/>\n",
		x0, y, x1 - x0 < 1.0 ? 1.0 : x1 - x0, BAR_H);
}

/* Shade each worker's blocked time: from a sleeping mark to the next running mark of its row. */
void draw_blocked(std::string *out, const struct wq_trace_model *m, const layout &L)
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

/*
 * One mark; @y is the top of the row's 22 px band.  Shapes are kept apart
 * vertically so that marks at one instant stay legible.
 */
void glyph(std::string *out, enum wq_event ev, double x, int y)
{
	switch (ev) {
	case EV_QUEUE:
		svg_put(out,
			"<line class=\"queued\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
			"stroke=\"#333\"/>\n",
			x, y + 4, x, y + 18);
		break;
	case EV_ACTIVATE:
		svg_put(out,
			"<circle class=\"activated\" cx=\"%.1f\" cy=\"%d\" r=\"1.8\" "
			"fill=\"#999\"/>\n",
			x, y + 19);
		break;
	case EV_BARRIER_INSERT:
		svg_put(out,
			"<path class=\"barrier-queued\" d=\"M%.1f %dl4 5l-4 5l-4 -5z\" "
			"fill=\"%s\"/>\n",
			x, y + 1, BARRIER);
		break;
	case EV_SLEEPING:
		svg_put(out,
			"<path class=\"sleeping\" d=\"M%.1f %dl-4 -6h8z\" fill=\"#d62728\"/>\n", x,
			y + 6);
		break;
	case EV_RUNNING:
		svg_put(out, "<path class=\"running\" d=\"M%.1f %dl-4 6h8z\" fill=\"#2ca02c\"/>\n",
			x, y + 16);
		break;
	case EV_WOKEN:
		svg_put(out,
			"<circle class=\"woken\" cx=\"%.1f\" cy=\"%d\" r=\"3\" "
			"fill=\"#1f77b4\"/>\n",
			x, y + 3);
		break;
	case EV_IDLE:
		svg_put(out,
			"<rect class=\"idle\" x=\"%.1f\" y=\"%d\" width=\"5\" height=\"5\" "
			"fill=\"#8c8c8c\"/>\n",
			x - 2.5, y + 15);
		break;
	case EV_CREATED:
		svg_put(out,
			"<path class=\"created\" d=\"M%.1f %dv8M%.1f %dh8\" stroke=\"#000\" "
			"stroke-width=\"1.5\"/>\n",
			x, y + 7, x - 4, y + 11);
		break;
	case EV_DYING:
		svg_put(out,
			"<path class=\"dying\" d=\"M%.1f %dl7 7M%.1f %dl-7 7\" stroke=\"#000\" "
			"stroke-width=\"1.5\"/>\n",
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
	case EV_QUEUE:
		return 11;
	case EV_ACTIVATE:
		return 19;
	case EV_BARRIER_INSERT:
		return 6;
	case EV_SLEEPING:
		return 3;
	case EV_RUNNING:
		return 19;
	case EV_WOKEN:
		return 3;
	case EV_IDLE:
		return 17;
	default:
		return 11;
	}
}

void draw_marks(std::string *out, const struct wq_trace_model *m, const layout &L)
{
	for (const auto &k : m->marks)
		glyph(out, k.ev, L.x(k.t), L.bar_y(k.lane) - (LANE_H - BAR_H) / 2);
}

/* The legend: every mark and bar the plot can hold, three to a row. */
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

void draw_legend(std::string *out, const layout &L)
{
	int top = L.plot_bottom + 12;

	for (size_t i = 0; i < sizeof(legend) / sizeof(legend[0]); i++) {
		const legend_item &it = legend[i];
		int x = 20 + (int)(i % 3) * LEGEND_COL, y = top + (int)(i / 3) * LEGEND_ROW;
		int bar_y = y + (LANE_H - BAR_H) / 2;

		switch (it.kind) {
		case LG_MARK:
			glyph(out, it.ev, x + 12, y + 11 - glyph_middle(it.ev));
			break;
		case LG_RUN:
			svg_put(out,
				"<rect x=\"%d\" y=\"%d\" width=\"24\" height=\"%d\" rx=\"2\" "
				"fill=\"%s\"/>\n",
				x, bar_y, BAR_H, palette[0]);
			break;
		case LG_BLOCKED:
			svg_put(out,
				"<rect x=\"%d\" y=\"%d\" width=\"24\" height=\"%d\" rx=\"2\" "
				"fill=\"%s\"/>\n",
				x, bar_y, BAR_H, palette[0]);
			pale(out, x + 8, x + 24, bar_y);
			break;
		case LG_BARRIER:
			svg_put(out,
				"<rect x=\"%d\" y=\"%d\" width=\"3\" height=\"%d\" fill=\"%s\"/>\n",
				x + 10, bar_y - 2, BAR_H + 4, BARRIER);
			break;
		case LG_FLUSH:
			svg_put(out,
				"<rect x=\"%d\" y=\"%d\" width=\"24\" height=\"%d\" fill=\"%s\" "
				"stroke=\"%s\"/>\n",
				x, bar_y, BAR_H, FLUSH, BARRIER);
			break;
		}
		svg_put(out, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 32, y + 15,
			svg_esc(it.text).c_str());
	}
	svg_put(out,
		"<text x=\"20\" y=\"%d\" fill=\"#555\">Bars and the queued and activated marks are "
		"the "
		"kernel's events; marks and bars labelled (cmwq) are cmwq's own.  Hover a bar for "
		"its "
		"item.</text>\n",
		top + L.legend_rows * LEGEND_ROW + 14);
}

} // namespace

std::string wq_trace_format_svg(const struct wq_trace_model *m)
{
	std::string out;
	u64 step = tick_step(m->t_end);
	layout L;

	place(m, &L, step, (int)(sizeof(legend) / sizeof(legend[0])));
	svg_put(&out,
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 "
		"0 %d %d\" "
		"font-family=\"sans-serif\" font-size=\"11\">\n",
		WIDTH, L.height, WIDTH, L.height);
	svg_put(&out, "<title>cmwq workqueue trace: %zu runs on %zu rows</title>\n",
		m->execs.size(), m->lanes.size());
	svg_put(&out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", WIDTH,
		L.height);
	svg_put(&out, "<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">workqueue "
		      "trace: a row per "
		      "worker, grouped by pool; time since wq_trace_start()</text>\n");
	draw_rows(&out, m, L);
	draw_axis(&out, L, step);
	draw_flushes(&out, m, L);
	draw_execs(&out, m, L);
	draw_blocked(&out, m, L);
	draw_labels(&out, m, L);
	draw_barriers(&out, m, L);
	draw_marks(&out, m, L);
	draw_legend(&out, L);
	out += "</svg>\n";
	return out;
}
