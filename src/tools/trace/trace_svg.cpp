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
// it ends.  A legend under the plot explains every mark
// (trace_svg_marks.cpp); where the rows go is trace_svg_layout.cpp's job.

#include <stdio.h>
#include <map>
#include "tools/trace/trace_svg.h"

using namespace wq_svg;

namespace {

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

void draw_axis(struct trace_seq *out, const layout &L, u64 step)
{
	for (u64 t = 0; t <= L.span; t += step) {
		double x = L.x(t);
		trace_seq_printf(out,
				 "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
				 "stroke=\"#ddd\"/>\n",
				 x, TOP - 6, x, L.plot_bottom);
		trace_seq_printf(out,
				 "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
				 "fill=\"#555\">%s</text>\n",
				 x, TOP - 10, ms_label(t).c_str());
	}
	trace_seq_printf(out,
			 "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">ms</text>\n",
			 LABEL_W - 8, TOP - 10);
}

/* A band's background: the flushers' band, then pools in two alternating shades. */
const char *band_fill(int pool_id, size_t i)
{
	if (pool_id < 0)
		return "#f7f5fa";
	return i % 2 ? "#f4f4f4" : "#eef2f7";
}

void draw_rows(struct trace_seq *out, const struct wq_trace_model *m, const layout &L)
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
		trace_seq_printf(out,
				 "<rect class=\"pool\" x=\"2\" y=\"%d\" width=\"%d\" "
				 "height=\"%d\" fill=\"%s\"/>\n",
				 L.pool_y[i], WIDTH - 4, L.pool_h[i], band_fill(p.id, i));
		trace_seq_printf(out, "<text x=\"8\" y=\"%d\" font-weight=\"bold\">%s</text>\n",
				 L.pool_y[i] + 14, svg_esc(label).c_str());
	}
	for (size_t i = 0; i < m->lanes.size(); i++) {
		const wq_trace_lane &l = m->lanes[i];
		int mid = L.bar_y(i) + BAR_H / 2;

		trace_seq_printf(out,
				 "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>\n",
				 LABEL_W, mid, WIDTH - RIGHT, mid);
		if (l.comm.empty())
			trace_seq_printf(out,
					 "<text x=\"12\" y=\"%d\" font-style=\"italic\" "
					 "fill=\"#666\">queued</text>\n",
					 mid + 4);
		else
			trace_seq_printf(out, "<text x=\"12\" y=\"%d\">%s</text>\n", mid + 4,
					 svg_esc(l.comm).c_str());
	}
}

/* A label of 10 px at (@x, @y), in @fill. */
void small_text(struct trace_seq *out, double x, int y, const char *fill, const std::string &text)
{
	trace_seq_printf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"%s\">%s</text>\n",
			 x, y, fill, svg_esc(text).c_str());
}

/* Does @text fit in @w px of bar, with its margins? */
bool fits(const std::string &text, double w)
{
	return w >= CHAR_W * (double)text.size() + 6;
}

/*
 * A flusher's wait: a pale bar with a dark edge, labelled with what it
 * waits for inside the bar, or only the item's id, or after the bar's end
 * if that overlaps no other label of the row; else the tooltip alone.
 */
void draw_flushes(struct trace_seq *out, const struct wq_trace_model *m, const layout &L)
{
	std::map<size_t, double> last_end; /* lane -> right end of its last label */

	for (size_t i = 0; i < m->flushes.size(); i++) {
		const wq_trace_flush &f = m->flushes[i];
		bar_span b = L.bar(f.start, f.end, 1.0);
		double next = WIDTH - 4;
		int y = L.bar_y(f.lane);
		size_t open = f.what.find('('), close = f.what.rfind(')');
		std::string shorter = open != std::string::npos && close > open
					      ? f.what.substr(open + 1, close - open - 1)
					      : f.what;
		std::string label;
		double tx = 0;

		trace_seq_printf(out,
				 "<rect class=\"flush\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
				 "height=\"%d\" fill=\"%s\" stroke=\"%s\">",
				 b.x0, y, b.w, BAR_H, FLUSH, BARRIER);
		trace_seq_printf(out, "<title>%s: %s to %s ms%s</title></rect>\n",
				 svg_esc(f.what).c_str(), us_label(f.start).c_str(),
				 us_label(f.end).c_str(), f.finished ? "" : ", still waiting");
		for (size_t j = i + 1; j < m->flushes.size(); j++) {
			if (m->flushes[j].lane == f.lane) {
				next = L.x(m->flushes[j].start);
				break;
			}
		}
		if (fits(f.what, b.w)) {
			label = f.what;
			tx = b.x0 + 3;
		} else if (fits(shorter, b.w)) {
			label = shorter;
			tx = b.x0 + 3;
		} else if (b.x1 + 4 + CHAR_W * (double)f.what.size() <= next &&
			   (!last_end.count(f.lane) || last_end[f.lane] < b.x1)) {
			label = f.what;
			tx = b.x1 + 4;
		}
		if (label.empty() || (last_end.count(f.lane) && last_end[f.lane] > tx))
			continue;
		last_end[f.lane] = tx + CHAR_W * (double)label.size();
		small_text(out, tx, y + 11, "#222", label);
	}
}

/* Each run but a barrier's: a bar in its function's colour, with a tooltip. */
void draw_execs(struct trace_seq *out, const struct wq_trace_model *m, const layout &L)
{
	std::map<std::string, const char *> colour = colours_of(m);

	for (const auto &e : m->execs) {
		bar_span b = L.bar(e.start, e.end, 1.0);

		if (is_barrier(e))
			continue;
		trace_seq_printf(out,
				 "<rect class=\"exec\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
				 "height=\"%d\" rx=\"2\" fill=\"%s\">",
				 b.x0, L.bar_y(e.lane), b.w, BAR_H, colour[e.func]);
		trace_seq_printf(out, "<title>%s (%s%s%s): %s to %s ms%s</title></rect>\n",
				 svg_esc(e.work).c_str(), svg_esc(e.func).c_str(),
				 e.wq.empty() ? "" : ", workqueue ", svg_esc(e.wq).c_str(),
				 us_label(e.start).c_str(), us_label(e.end).c_str(),
				 e.finished ? "" : ", still running");
	}
}

/*
 * A barrier's run: dark, a little taller than a bar and at least 3 px wide
 * (under the sim it takes no time at all), its label above it, and a
 * dashed line up to the flusher's row at the moment its wait ends.
 */
void draw_barriers(struct trace_seq *out, const struct wq_trace_model *m, const layout &L)
{
	for (size_t i = 0; i < m->execs.size(); i++) {
		const wq_trace_exec &e = m->execs[i];
		bar_span b = L.bar(e.start, e.end, 3.0);
		int y = L.bar_y(e.lane);
		int ny =
			L.lane_y[e.lane] + (L.lane_notes[e.lane] - 1 - L.note_row[i]) * NOTE_H + 10;
		std::string label = barrier_label(e);

		if (!is_barrier(e))
			continue;
		trace_seq_printf(out,
				 "<rect class=\"barrier\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
				 "height=\"%d\" fill=\"%s\">",
				 b.x0 - 1, y - 2, b.w, BAR_H + 4, BARRIER);
		trace_seq_printf(out,
				 "<title>%s (wq_barrier_func): the barrier of a flush, queued "
				 "right behind %s; it ran at %s ms and woke its "
				 "flusher</title></rect>\n",
				 svg_esc(e.work).c_str(), svg_esc(e.guards).c_str(),
				 us_label(e.start).c_str());
		/* left-aligned on the barrier, or right-aligned if it would leave the picture */
		bool right = b.x0 + 1 + CHAR_W * (double)label.size() > WIDTH - 4;
		trace_seq_printf(out,
				 "<text class=\"barrier-label\" x=\"%.1f\" y=\"%d\" "
				 "font-size=\"9\" fill=\"%s\"%s>%s</text>\n",
				 right ? b.x0 + 2 : b.x0 + 1, ny, BARRIER,
				 right ? " text-anchor=\"end\"" : "", svg_esc(label).c_str());
		/* the wait it ends: the flush_work() of its item still open then */
		for (const auto &f : m->flushes) {
			if (f.what != "flush_work(" + e.guards + ")" || f.end < e.start ||
			    f.start > e.start)
				continue;
			trace_seq_printf(out,
					 "<line class=\"barrier-wakes\" x1=\"%.1f\" y1=\"%d\" "
					 "x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
					 "stroke-dasharray=\"3 2\"/>\n",
					 b.x0 + 0.5, L.bar_y(f.lane) + BAR_H, b.x0 + 0.5,
					 L.lane_y[e.lane] + 1, BARRIER);
			break;
		}
	}
}

/* Each bar's label, over the shading: the stable id if it fits, else its "#n", else nothing. */
void draw_labels(struct trace_seq *out, const struct wq_trace_model *m, const layout &L)
{
	for (const auto &e : m->execs) {
		bar_span b = L.bar(e.start, e.end, 0.0);
		std::string label = e.work;

		if (is_barrier(e))
			continue;
		if (!fits(label, b.x1 - b.x0) && label.find('#') != std::string::npos)
			label = label.substr(label.find('#'));
		if (fits(label, b.x1 - b.x0))
			small_text(out, b.x0 + 3, L.bar_y(e.lane) + 11, "#fff", label);
	}
}

} // namespace

std::string wq_trace_format_svg(const struct wq_trace_model *m)
{
	struct trace_seq out;
	u64 step = tick_step(m->t_end);
	layout L;

	trace_seq_init(&out);
	place(m, &L, step, legend_items());
	trace_seq_printf(&out,
			 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
			 "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n",
			 WIDTH, L.height, WIDTH, L.height);
	trace_seq_printf(&out, "<title>cmwq workqueue trace: %zu runs on %zu rows</title>\n",
			 m->execs.size(), m->lanes.size());
	trace_seq_printf(&out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n",
			 WIDTH, L.height);
	trace_seq_puts(&out, "<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">"
			     "workqueue trace: a row per worker, grouped by pool; time since "
			     "wq_trace_start()</text>\n");
	draw_rows(&out, m, L);
	draw_axis(&out, L, step);
	draw_flushes(&out, m, L);
	draw_execs(&out, m, L);
	draw_blocked(&out, m, L);
	draw_labels(&out, m, L);
	draw_barriers(&out, m, L);
	draw_marks(&out, m, L);
	draw_legend(&out, L);
	trace_seq_puts(&out, "</svg>\n");
	return wq_trace_seq_string(&out);
}
