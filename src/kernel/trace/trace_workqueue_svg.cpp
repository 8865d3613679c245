// SPDX-License-Identifier: GPL-2.0-only
// kernel/trace/trace_workqueue_svg.cpp: the workqueue trace as an SVG timeline (cmwq's own)
//
// One self-contained SVG document: no scripts, no external fonts or
// styles.  Time runs left to right in milliseconds since wq_trace_start().
// Each pool is a band with its label; inside it, a "queued" row with a
// tick per queued item, then a row per worker with a bar per run of a
// work function (labelled with the item's stable id when it fits; every
// bar has a tooltip) and small marks for the worker events.  A run during
// which the worker slept is shaded from its sleeping to its running mark.

#include <stdio.h>
#include <stdarg.h>
#include <map>
#include "kernel/trace/trace_workqueue_internal.h"

namespace {

constexpr int WIDTH = 860;    /* the whole picture: about a book page, so that it is not scaled down much */
constexpr int LABEL_W = 112;  /* the column of row labels */
constexpr int RIGHT = 24;     /* margin right of the plot */
constexpr int TOP = 56;       /* title and time axis */
constexpr int POOL_H = 20;    /* a pool's label row */
constexpr int LANE_H = 22;    /* a worker's row */
constexpr int BAR_H = 14;     /* a bar inside its row */
constexpr int GAP = 8;        /* between pools */
constexpr int LEGEND_H = 44;  /* under the plot */

const char *const palette[] = { "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1",
				"#76b7b2", "#edc948", "#9c755f", "#e15759" };

std::string esc(const std::string &s)
{
	std::string out;

	for (char c : s) {
		switch (c) {
		case '&': out += "&amp;"; break;
		case '<': out += "&lt;"; break;
		case '>': out += "&gt;"; break;
		case '"': out += "&quot;"; break;
		default: out += c; break;
		}
	}
	return out;
}

void put(std::string *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void put(std::string *out, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0)
		out->append(buf, (size_t)n < sizeof(buf) ? n : sizeof(buf) - 1);
}

/* A colour per function, in order of first run: the same schedule gives the same colours. */
std::map<std::string, const char *> colours_of(const struct wq_trace_model *m)
{
	std::map<std::string, const char *> c;
	const size_t n = sizeof(palette) / sizeof(palette[0]);

	for (const auto &e : m->execs)
		if (!c.count(e.func))
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

struct layout {
	u64 span;                 /* the time the plot covers, ns */
	std::vector<int> lane_y;  /* top of each row */
	std::vector<int> pool_y;  /* top of each pool's band */
	std::vector<int> pool_h;  /* its height */
	int plot_bottom;
	int height;

	double x(u64 t) const { return LABEL_W + (double)t * (WIDTH - LABEL_W - RIGHT) / (double)span; }
};

void place(const struct wq_trace_model *m, layout *L, u64 step)
{
	int y = TOP;

	L->span = (m->t_end + step - 1) / step * step;
	if (L->span == 0)
		L->span = step;
	L->lane_y.assign(m->lanes.size(), 0);
	for (const auto &p : m->pools) {
		L->pool_y.push_back(y);
		y += POOL_H;
		for (size_t i = 0; i < m->lanes.size(); i++) {
			if (m->lanes[i].pool_id != p.id)
				continue;
			L->lane_y[i] = y;
			y += LANE_H;
		}
		L->pool_h.push_back(y - L->pool_y.back());
		y += GAP;
	}
	L->plot_bottom = y;
	L->height = y + 20 + LEGEND_H;
}

void draw_axis(std::string *out, const layout &L, u64 step)
{
	for (u64 t = 0; t <= L.span; t += step) {
		double x = L.x(t);
		put(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n", x, TOP - 6, x,
		    L.plot_bottom);
		put(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n", x, TOP - 10,
		    ms_label(t).c_str());
	}
	put(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">ms</text>\n", LABEL_W - 8, TOP - 10);
}

void draw_rows(std::string *out, const struct wq_trace_model *m, const layout &L)
{
	for (size_t i = 0; i < m->pools.size(); i++) {
		const wq_trace_pool &p = m->pools[i];
		char label[80];

		if (p.cpu >= 0)
			snprintf(label, sizeof(label), "pool %d: cpu %d, nice %d", p.id, p.cpu, p.nice);
		else
			snprintf(label, sizeof(label), "pool %d: unbound, nice %d", p.id, p.nice);
		put(out, "<rect class=\"pool\" x=\"2\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", L.pool_y[i],
		    WIDTH - 4, L.pool_h[i], i % 2 ? "#f4f4f4" : "#eef2f7");
		put(out, "<text x=\"8\" y=\"%d\" font-weight=\"bold\">%s</text>\n", L.pool_y[i] + 14, esc(label).c_str());
	}
	for (size_t i = 0; i < m->lanes.size(); i++) {
		const wq_trace_lane &l = m->lanes[i];
		int y = L.lane_y[i];

		put(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>\n", LABEL_W, y + LANE_H / 2,
		    WIDTH - RIGHT, y + LANE_H / 2);
		if (l.comm.empty())
			put(out, "<text x=\"12\" y=\"%d\" font-style=\"italic\" fill=\"#666\">queued</text>\n", y + 15);
		else
			put(out, "<text x=\"12\" y=\"%d\">%s</text>\n", y + 15, esc(l.comm).c_str());
	}
}

void draw_execs(std::string *out, const struct wq_trace_model *m, const layout &L)
{
	std::map<std::string, const char *> colour = colours_of(m);

	for (const auto &e : m->execs) {
		double x0 = L.x(e.start), x1 = L.x(e.end);
		double w = x1 - x0 < 1.0 ? 1.0 : x1 - x0;
		int y = L.lane_y[e.lane] + (LANE_H - BAR_H) / 2;

		put(out, "<rect class=\"exec\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\" fill=\"%s\">", x0, y,
		    w, BAR_H, colour[e.func]);
		put(out, "<title>%s (%s%s%s): %s to %s ms%s</title></rect>\n", esc(e.work).c_str(), esc(e.func).c_str(),
		    e.wq.empty() ? "" : ", workqueue ", esc(e.wq).c_str(), ms_label(e.start / 1000 * 1000).c_str(),
		    ms_label(e.end / 1000 * 1000).c_str(), e.finished ? "" : ", still running");
	}
}

/* Each bar's label, over the shading: the stable id if it fits, else its "#n", else nothing. */
void draw_labels(std::string *out, const struct wq_trace_model *m, const layout &L)
{
	for (const auto &e : m->execs) {
		double x0 = L.x(e.start), w = L.x(e.end) - x0;
		std::string label = e.work;

		/* about 5.5 px a character at this size */
		if (w < 5.5 * (double)label.size() + 6 && label.find('#') != std::string::npos)
			label = label.substr(label.find('#'));
		if (w < 5.5 * (double)label.size() + 6)
			continue;
		put(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#fff\">%s</text>\n", x0 + 3,
		    L.lane_y[e.lane] + (LANE_H - BAR_H) / 2 + 11, esc(label).c_str());
	}
}

/* Shade what each worker spent blocked: from a sleeping mark to the next running mark of its row. */
void draw_blocked(std::string *out, const struct wq_trace_model *m, const layout &L)
{
	std::map<size_t, u64> asleep;

	auto shade = [&](size_t lane, u64 from, u64 to) {
		double x0 = L.x(from), x1 = L.x(to);
		put(out, "<rect class=\"blocked\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#fff\" "
			 "fill-opacity=\"0.55\"/>\n", x0, L.lane_y[lane] + (LANE_H - BAR_H) / 2,
		    x1 - x0 < 1.0 ? 1.0 : x1 - x0, BAR_H);
	};
	for (const auto &k : m->marks) {
		if (k.ev == EV_SLEEPING) {
			asleep[k.lane] = k.t;
		} else if (k.ev == EV_RUNNING && asleep.count(k.lane)) {
			shade(k.lane, asleep[k.lane], k.t);
			asleep.erase(k.lane);
		}
	}
	for (const auto &a : asleep)
		shade(a.first, a.second, m->t_end);
}

/* One mark; @y is the row's top.  Shapes are kept apart vertically so that marks at one instant stay legible. */
void glyph(std::string *out, enum wq_event ev, double x, int y)
{
	switch (ev) {
	case EV_QUEUE:
		put(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>\n", x, y + 4, x, y + 18);
		break;
	case EV_ACTIVATE:
		put(out, "<circle cx=\"%.1f\" cy=\"%d\" r=\"1.8\" fill=\"#999\"/>\n", x, y + 19);
		break;
	case EV_SLEEPING:
		put(out, "<path class=\"sleeping\" d=\"M%.1f %dl-4 -6h8z\" fill=\"#d62728\"/>\n", x, y + 6);
		break;
	case EV_RUNNING:
		put(out, "<path class=\"running\" d=\"M%.1f %dl-4 6h8z\" fill=\"#2ca02c\"/>\n", x, y + 16);
		break;
	case EV_WOKEN:
		put(out, "<circle class=\"woken\" cx=\"%.1f\" cy=\"%d\" r=\"3\" fill=\"#1f77b4\"/>\n", x, y + 3);
		break;
	case EV_IDLE:
		put(out, "<rect class=\"idle\" x=\"%.1f\" y=\"%d\" width=\"5\" height=\"5\" fill=\"#8c8c8c\"/>\n", x - 2.5,
		    y + 15);
		break;
	case EV_CREATED:
		put(out, "<path class=\"created\" d=\"M%.1f %dv8M%.1f %dh8\" stroke=\"#000\" stroke-width=\"1.5\"/>\n", x,
		    y + 7, x - 4, y + 11);
		break;
	case EV_DYING:
		put(out, "<path class=\"dying\" d=\"M%.1f %dl7 7M%.1f %dl-7 7\" stroke=\"#000\" stroke-width=\"1.5\"/>\n",
		    x - 3.5, y + 7, x + 3.5, y + 7);
		break;
	default:
		break;
	}
}

void draw_marks(std::string *out, const struct wq_trace_model *m, const layout &L)
{
	for (const auto &k : m->marks)
		glyph(out, k.ev, L.x(k.t), L.lane_y[k.lane]);
}

void draw_legend(std::string *out, const layout &L)
{
	static const struct {
		enum wq_event ev;
		const char *text;
	} items[] = {
		{ EV_QUEUE, "queued" }, { EV_ACTIVATE, "activated" }, { EV_CREATED, "created" },
		{ EV_WOKEN, "woken" }, { EV_SLEEPING, "sleeping" }, { EV_RUNNING, "running" },
		{ EV_IDLE, "idle" }, { EV_DYING, "dying" },
	};
	int y = L.plot_bottom + 8, x = 20;

	for (const auto &it : items) {
		glyph(out, it.ev, x, y);
		put(out, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 10, y + 15, it.text);
		x += 78;
	}
	put(out, "<rect x=\"%d\" y=\"%d\" width=\"30\" height=\"%d\" rx=\"2\" fill=\"%s\"/>\n", x, y + 4, BAR_H,
	    palette[0]);
	put(out, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"%d\" fill=\"#fff\" fill-opacity=\"0.55\"/>\n", x + 14,
	    y + 4, BAR_H);
	put(out, "<text x=\"%d\" y=\"%d\">a run; pale while blocked</text>\n", x + 36, y + 15);
	put(out, "<text x=\"20\" y=\"%d\" fill=\"#555\">Marks are cmwq's worker events; bars are the kernel's "
		 "execute_start..execute_end.  Hover a bar for its item.</text>\n", y + 36);
}

} // namespace

std::string wq_trace_format_svg(const struct wq_trace_model *m)
{
	std::string out;
	u64 step = tick_step(m->t_end);
	layout L;

	place(m, &L, step);
	put(&out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		  "font-family=\"sans-serif\" font-size=\"11\">\n", WIDTH, L.height, WIDTH, L.height);
	put(&out, "<title>cmwq workqueue trace: %zu runs on %zu rows</title>\n", m->execs.size(), m->lanes.size());
	put(&out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", WIDTH, L.height);
	put(&out, "<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">workqueue trace: a row per worker, "
		  "grouped by pool; time since wq_trace_start()</text>\n");
	draw_rows(&out, m, L);
	draw_axis(&out, L, step);
	draw_execs(&out, m, L);
	draw_blocked(&out, m, L);
	draw_labels(&out, m, L);
	draw_marks(&out, m, L);
	draw_legend(&out, L);
	out += "</svg>\n";
	return out;
}
