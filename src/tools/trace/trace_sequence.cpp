// SPDX-License-Identifier: GPL-2.0-only
// tools/trace/trace_sequence.cpp: the workqueue trace as an SVG sequence diagram (cmwq's own)
//
// A lifeline per actor, left to right: the tasks that queue or flush (the
// callers), one per pool for its worklist, then the workers in order of
// first sight (trace_sequence_actors.cpp).  Time runs down, one row per
// recorded event, in the order the buffer holds them.  Each event is an
// arrow from the actor that caused it to the one it concerns, labelled
// with the event's name and, below, the function its tracepoint sits in
// (the record's site) and the item it is about.  Nothing in the picture is
// typed in by hand: change the events and the diagram changes.  A run
// (execute_start to execute_end) is a box on its worker's lifeline; a
// flusher's wait is a box on its caller's.

#include <stdio.h>
#include "tools/trace/trace_sequence.h"
#include "tools/trace/svg_util.h"

using namespace wq_seq;

namespace {

const char *const RUN_FILL = "#cfe0f3";  /* a run's box */
const char *const WAIT_FILL = "#e4dcef"; /* a wait's box */

/* A time in ms with microseconds. */
std::string ms(u64 ns)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%llu.%03llu ms", (unsigned long long)(ns / 1000000),
		 (unsigned long long)(ns / 1000 % 1000));
	return buf;
}

/*
 * A label at (@x, @y): first in white with a wide stroke, then in @fill, so
 * that a lifeline behind it does not cross its letters.  @attrs: more
 * attributes (anchor, weight).
 */
void label(struct trace_seq *out, double x, int y, const char *attrs, const char *fill,
	   const std::string &text)
{
	std::string t = svg_esc(text);

	trace_seq_printf(out,
			 "<text x=\"%.1f\" y=\"%d\"%s fill=\"#fff\" stroke=\"#fff\" "
			 "stroke-width=\"3\">%s</text>\n",
			 x, y, attrs, t.c_str());
	trace_seq_printf(out, "<text x=\"%.1f\" y=\"%d\"%s fill=\"%s\">%s</text>\n", x, y, attrs,
			 fill, t.c_str());
}

/* An arrow from actor @from to actor @to on row @y (a loop when they are one), and its label. */
void arrow(struct trace_seq *out, const diagram &d, size_t from, size_t to, int y, const char *cls,
	   const std::string &top, const std::string &bottom)
{
	double x0 = d.x(from), x1 = d.x(to);

	if (from == to) {
		trace_seq_printf(out,
				 "<path class=\"%s\" d=\"M%.1f %dh24v10h-24\" fill=\"none\" "
				 "stroke=\"#333\" marker-end=\"url(#arrow)\"/>\n",
				 cls, x0 + BOX_W / 2.0, y - 6);
		label(out, x0 + 34, y - 4, " font-weight=\"bold\"", "#000", top);
		label(out, x0 + 34, y + 9, "", "#444", bottom);
		return;
	}
	double off = x1 > x0 ? BOX_W / 2.0 : -BOX_W / 2.0;
	trace_seq_printf(out,
			 "<line class=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
			 "stroke=\"#333\" marker-end=\"url(#arrow)\"/>\n",
			 cls, x0 + off, y, x1 - off, y);
	label(out, (x0 + x1) / 2, y - 5, " text-anchor=\"middle\" font-weight=\"bold\"", "#000",
	      top);
	label(out, (x0 + x1) / 2, y + 12, " text-anchor=\"middle\"", "#444", bottom);
}

/*
 * Close actor @a's open box in @from, if it has one: a box on its lifeline
 * from the row where it opened down to row @y1, class "run" or "wait".
 */
void close_box(struct trace_seq *out, const diagram &d, std::map<size_t, int> *from, size_t a,
	       int y1, const char *cls, const char *fill)
{
	auto it = from->find(a);
	int y0;

	if (it == from->end())
		return;
	y0 = it->second;
	trace_seq_printf(out,
			 "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%d\" height=\"%d\" "
			 "fill=\"%s\" stroke=\"#333\"/>\n",
			 cls, d.x(a) - BOX_W / 2.0, y0, BOX_W, y1 - y0 < 2 ? 2 : y1 - y0, fill);
	from->erase(it);
}

/* Close every box still open at the end of the trace, at row @y. */
void close_all(struct trace_seq *out, const diagram &d, std::map<size_t, int> *from, int y,
	       const char *cls, const char *fill)
{
	while (!from->empty())
		close_box(out, d, from, from->begin()->first, y, cls, fill);
}

/* The arrows of every record, one row each; the boxes of runs and waits into @boxes. */
void draw_events(struct trace_seq *body, struct trace_seq *boxes, const diagram &d,
		 const struct wq_trace_snapshot *s)
{
	std::map<size_t, int> run_from, wait_from; /* actor -> row y where its open box starts */
	int y = HEAD_Y + HEAD_H + 20;

	for (size_t i = 0; i < s->recs.size(); i++, y += ROW_H) {
		const struct wq_trace_rec &r = s->recs[i];
		const std::string &id = s->work_id[i];
		std::string in = "in " + std::string(r.site ? r.site : "?") + "(): ";
		std::string name = wq_trace_event_name(r.ev);
		size_t me = d.task.at(r.comm), pool = 0, worker = me;
		u64 t = r.ns > s->t0 ? r.ns - s->t0 : 0;
		std::string what = r.work ? id : std::string(r.wq);
		char counts[64];

		if (d.pool.count(d.rec_pool[i]))
			pool = d.pool.at(d.rec_pool[i]);
		if (r.wcomm[0])
			worker = d.task.at(r.wcomm);
		snprintf(counts, sizeof(counts), "nr_running=%d nr_idle=%d", r.nr_running,
			 r.nr_idle);

		trace_seq_printf(body,
				 "<text x=\"8\" y=\"%d\" fill=\"#666\" font-size=\"10\">%s</text>\n",
				 y + 4, ms(t).c_str());
		switch (r.ev) {
		case EV_QUEUE:
			arrow(body, d, me, pool, y, "queue", name, in + id + " on " + r.wq);
			break;
		case EV_ACTIVATE:
			arrow(body, d, me, pool, y, "activate", name, in + id + " to the worklist");
			break;
		case EV_BARRIER_INSERT:
			arrow(body, d, me, pool, y, "barrier", name,
			      in + id + " behind " + s->target_id[i]);
			break;
		case EV_CREATED:
			arrow(body, d, me, worker, y, "created", name, in + counts);
			break;
		case EV_WOKEN:
			arrow(body, d, pool, worker, y, "woken", name, in + counts);
			break;
		case EV_START:
			arrow(body, d, pool, me, y, "start", name, in + id);
			run_from[me] = y;
			break;
		case EV_END:
			close_box(boxes, d, &run_from, me, y, "run", RUN_FILL);
			arrow(body, d, me, me, y, "end", name, in + id + " returned");
			break;
		case EV_IDLE:
		case EV_DYING:
			arrow(body, d, worker, pool, y, r.ev == EV_IDLE ? "idle" : "dying", name,
			      in + counts);
			break;
		case EV_SLEEPING:
		case EV_RUNNING:
			arrow(body, d, worker, worker, y,
			      r.ev == EV_SLEEPING ? "sleeping" : "running", name, in + counts);
			break;
		case EV_FLUSH_START:
			wait_from[me] = y;
			arrow(body, d, me, me, y, "flush", name, in + what);
			break;
		case EV_FLUSH_END:
			close_box(boxes, d, &wait_from, me, y, "wait", WAIT_FILL);
			arrow(body, d, me, me, y, "flush", name, in + what + " returns");
			break;
		}
	}
	close_all(boxes, d, &run_from, y, "run", RUN_FILL);
	close_all(boxes, d, &wait_from, y, "wait", WAIT_FILL);
}

/* A lifeline per actor: a box with its two lines of title, and a dashed line down. */
void draw_lifelines(struct trace_seq *out, const diagram &d, int height)
{
	for (size_t a = 0; a < d.actors.size(); a++) {
		const actor &ac = d.actors[a];
		const char *fill = ac.kind == ACT_TASK	 ? "#f7f5fa"
				   : ac.kind == ACT_POOL ? "#eef2f7"
							 : "#eef7ee";

		trace_seq_printf(out,
				 "<line class=\"lifeline\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
				 "y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n",
				 d.x(a), HEAD_Y + HEAD_H, d.x(a), height - 10);
		trace_seq_printf(out,
				 "<rect class=\"actor\" x=\"%.1f\" y=\"%d\" width=\"%d\" "
				 "height=\"%d\" rx=\"3\" fill=\"%s\" stroke=\"#333\"/>\n",
				 d.x(a) - (COL_W - 24) / 2.0, HEAD_Y, COL_W - 24, HEAD_H, fill);
		trace_seq_printf(out,
				 "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
				 "font-size=\"11\" font-weight=\"bold\">%s</text>\n",
				 d.x(a), HEAD_Y + 14, svg_esc(ac.title).c_str());
		trace_seq_printf(out,
				 "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
				 "fill=\"#444\">%s</text>\n",
				 d.x(a), HEAD_Y + 27, svg_esc(ac.sub).c_str());
	}
}

} // namespace

std::string wq_trace_format_sequence(const struct wq_trace_snapshot *s)
{
	struct trace_seq out, body, boxes;
	diagram d;
	int width, height;

	trace_seq_init(&out);
	trace_seq_init(&body);
	trace_seq_init(&boxes);
	find_actors(s, &d);
	width = LEFT + (int)d.actors.size() * COL_W + RIGHT;
	height = HEAD_Y + HEAD_H + 20 + (int)s->recs.size() * ROW_H + 30;
	draw_events(&body, &boxes, d, s);

	trace_seq_printf(&out,
			 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
			 "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"10\">\n",
			 width, height, width, height);
	trace_seq_printf(&out,
			 "<title>cmwq workqueue trace as a sequence: %zu events, %zu "
			 "lifelines</title>\n",
			 s->recs.size(), d.actors.size());
	trace_seq_puts(&out, "<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" "
			     "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path "
			     "d=\"M0 0L8 4L0 8z\" fill=\"#333\"/></marker></defs>\n");
	trace_seq_printf(&out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n",
			 width, height);
	trace_seq_puts(&out, "<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">"
			     "workqueue trace as a sequence: an arrow per event, with the function "
			     "it was recorded in</text>\n");
	trace_seq_printf(&out, "<text x=\"8\" y=\"%d\" fill=\"#666\">time</text>\n",
			 HEAD_Y + HEAD_H / 2 + 4);
	draw_lifelines(&out, d, height);
	trace_seq_puts(&out, trace_seq_text(&boxes)); /* under the arrows */
	trace_seq_puts(&out, trace_seq_text(&body));
	trace_seq_puts(&out, "</svg>\n");
	trace_seq_destroy(&boxes);
	trace_seq_destroy(&body);
	return wq_trace_seq_string(&out);
}
