// SPDX-License-Identifier: GPL-2.0-only
// tools/trace/trace_sequence.cpp: the workqueue trace as an SVG sequence diagram (cmwq's own)
//
// A lifeline per actor, left to right: the tasks that queue or flush (the
// callers), one per pool for its worklist, then the workers in order of
// first sight.  Time runs down, one row per recorded event, in the order
// the buffer holds them.  Each event is an arrow from the actor that
// caused it to the one it concerns, labelled with the event's name and,
// below, the function its tracepoint sits in (the record's site) and the
// item it is about.  Nothing in the picture is typed in by hand: change
// the events and the diagram changes.  A run (execute_start to
// execute_end) is a box on its worker's lifeline; a flusher's wait is a
// box on its caller's.

#include <stdio.h>
#include <algorithm>
#include <map>
#include <set>
#include "tools/trace/trace_views.h"
#include "tools/trace/svg_util.h"

namespace {

constexpr int COL_W = 200; /* between two lifelines */
constexpr int LEFT = 84;   /* the time column */
constexpr int RIGHT = 230; /* right of the last lifeline: a self-arrow's label */
constexpr int HEAD_Y = 40; /* top of the actors' boxes */
constexpr int HEAD_H = 34; /* their height */
constexpr int ROW_H = 40;  /* one event */
constexpr int BOX_W = 10;  /* a run's or a wait's box on a lifeline */

/** The kinds of actor a lifeline stands for. */
enum actor_kind { ACT_TASK, ACT_POOL, ACT_WORKER };

struct actor {
	enum actor_kind kind;
	std::string name;  /* the task's name, or the pool's id */
	std::string title; /* the first line of its box */
	std::string sub;   /* the second */
};

struct diagram {
	std::vector<actor> actors;
	std::map<std::string, size_t> task; /* caller or worker name -> actor */
	std::map<int, size_t> pool;	    /* pool id -> actor */

	double x(size_t a) const { return LEFT + COL_W / 2.0 + (double)a * COL_W; }
};

/* The names of every task that ever acts as a worker of a pool. */
std::set<std::string> workers_of(const struct wq_trace_snapshot *s)
{
	std::set<std::string> w;

	for (const auto &r : s->recs) {
		if (r.ev == EV_START || r.ev == EV_END)
			w.insert(r.comm);
		else if (r.ev >= EV_CREATED && r.ev <= EV_RUNNING && r.wcomm[0])
			w.insert(r.wcomm);
	}
	return w;
}

/* The pool a record is about: its own, or for an activation the pool its item was queued on. */
int pool_of(const struct wq_trace_rec &r, const std::string &id,
	    const std::map<std::string, int> &queued_on)
{
	if (r.pool_id >= 0)
		return r.pool_id;
	auto it = queued_on.find(id);
	return it == queued_on.end() ? -1 : it->second;
}

/* Lifelines: callers first, then pools, then workers, each in order of first sight. */
void find_actors(const struct wq_trace_snapshot *s, diagram *d)
{
	std::set<std::string> workers = workers_of(s);
	std::vector<std::string> callers, wlist;
	std::vector<int> pools;
	std::map<std::string, int> queued_on;
	std::set<std::string> seen;

	for (size_t i = 0; i < s->recs.size(); i++) {
		const struct wq_trace_rec &r = s->recs[i];
		std::string who = r.comm;
		int p;

		if (r.ev == EV_QUEUE || r.ev == EV_BARRIER_INSERT)
			queued_on[s->work_id[i]] = r.pool_id;
		p = pool_of(r, s->work_id[i], queued_on);
		if (p >= 0 && r.ev != EV_FLUSH_START && r.ev != EV_FLUSH_END &&
		    std::find(pools.begin(), pools.end(), p) == pools.end())
			pools.push_back(p);
		if (!seen.count(who)) {
			seen.insert(who);
			(workers.count(who) ? wlist : callers).push_back(who);
		}
		if (r.wcomm[0] && !seen.count(r.wcomm)) {
			seen.insert(r.wcomm);
			wlist.push_back(r.wcomm);
		}
	}
	for (const auto &c : callers) {
		d->task[c] = d->actors.size();
		d->actors.push_back(actor{ ACT_TASK, c, "task " + c, "queues, flushes" });
	}
	for (int p : pools) {
		char sub[64];

		d->pool[p] = d->actors.size();
		snprintf(sub, sizeof(sub), "pool %d: worklist, idle list", p);
		d->actors.push_back(actor{ ACT_POOL, std::to_string(p),
					   "pwq -> pool " + std::to_string(p), sub });
	}
	for (const auto &w : wlist) {
		d->task[w] = d->actors.size();
		d->actors.push_back(actor{ ACT_WORKER, w, "worker " + w, "worker_thread()" });
	}
}

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
void label(std::string *out, double x, int y, const char *attrs, const char *fill,
	   const std::string &text)
{
	std::string t = svg_esc(text);

	svg_put(out,
		"<text x=\"%.1f\" y=\"%d\"%s fill=\"#fff\" stroke=\"#fff\" "
		"stroke-width=\"3\">%s</text>\n",
		x, y, attrs, t.c_str());
	svg_put(out, "<text x=\"%.1f\" y=\"%d\"%s fill=\"%s\">%s</text>\n", x, y, attrs, fill,
		t.c_str());
}

/*
 * An arrow from actor @from to actor @to on row @y (a loop when they are
 * one), and its two lines of label.
 */
void arrow(std::string *out, const diagram &d, size_t from, size_t to, int y, const char *cls,
	   const std::string &top, const std::string &bottom)
{
	double x0 = d.x(from), x1 = d.x(to);

	if (from == to) {
		svg_put(out,
			"<path class=\"%s\" d=\"M%.1f %dh24v10h-24\" fill=\"none\" stroke=\"#333\" "
			"marker-end=\"url(#arrow)\"/>\n",
			cls, x0 + BOX_W / 2.0, y - 6);
		label(out, x0 + 34, y - 4, " font-weight=\"bold\"", "#000", top);
		label(out, x0 + 34, y + 9, "", "#444", bottom);
		return;
	}
	double off = x1 > x0 ? BOX_W / 2.0 : -BOX_W / 2.0;
	svg_put(out,
		"<line class=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" "
		"marker-end=\"url(#arrow)\"/>\n",
		cls, x0 + off, y, x1 - off, y);
	label(out, (x0 + x1) / 2, y - 5, " text-anchor=\"middle\" font-weight=\"bold\"", "#000",
	      top);
	label(out, (x0 + x1) / 2, y + 12, " text-anchor=\"middle\"", "#444", bottom);
}

/* A box on actor @a's lifeline from row y0 to y1: a run (class "run") or a wait (class "wait"). */
void box(std::string *out, const diagram &d, size_t a, int y0, int y1, const char *cls,
	 const char *fill)
{
	svg_put(out,
		"<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
		"stroke=\"#333\"/>\n",
		cls, d.x(a) - BOX_W / 2.0, y0, BOX_W, y1 - y0 < 2 ? 2 : y1 - y0, fill);
}

/* Close actor @a's open box in @p from, if it has one: draw it down to row y1 and forget it. */
void close_box(std::string *out, const diagram &d, std::map<size_t, int> *from, size_t a, int y1,
	       const char *cls, const char *fill)
{
	auto it = from->find(a);

	if (it == from->end())
		return;
	box(out, d, a, it->second, y1, cls, fill);
	from->erase(it);
}

} // namespace

std::string wq_trace_format_sequence(const struct wq_trace_snapshot *s)
{
	std::string out, body, boxes;
	std::map<std::string, int> queued_on;
	std::map<size_t, int> run_from, wait_from; /* actor -> row y where its open box starts */
	diagram d;
	int width, height, y;

	find_actors(s, &d);
	width = LEFT + (int)d.actors.size() * COL_W + RIGHT;
	height = HEAD_Y + HEAD_H + 20 + (int)s->recs.size() * ROW_H + 30;

	y = HEAD_Y + HEAD_H + 20;
	for (size_t i = 0; i < s->recs.size(); i++, y += ROW_H) {
		const struct wq_trace_rec &r = s->recs[i];
		const std::string &id = s->work_id[i];
		std::string site = std::string(r.site ? r.site : "?") + "()";
		std::string name = wq_trace_event_name(r.ev);
		size_t me = d.task[r.comm], pool = 0, worker = me;
		u64 t = r.ns > s->t0 ? r.ns - s->t0 : 0;
		char counts[64];
		int p;

		if (r.ev == EV_QUEUE || r.ev == EV_BARRIER_INSERT)
			queued_on[id] = r.pool_id;
		p = pool_of(r, id, queued_on);
		if (d.pool.count(p))
			pool = d.pool[p];
		if (r.wcomm[0])
			worker = d.task[r.wcomm];
		snprintf(counts, sizeof(counts), "nr_running=%d nr_idle=%d", r.nr_running,
			 r.nr_idle);

		svg_put(&body, "<text x=\"8\" y=\"%d\" fill=\"#666\" font-size=\"10\">%s</text>\n",
			y + 4, ms(t).c_str());
		switch (r.ev) {
		case EV_QUEUE:
			arrow(&body, d, me, pool, y, "queue", name,
			      "in " + site + ": " + id + " on " + r.wq);
			break;
		case EV_ACTIVATE:
			arrow(&body, d, me, pool, y, "activate", name,
			      "in " + site + ": " + id + " to the worklist");
			break;
		case EV_BARRIER_INSERT:
			arrow(&body, d, me, pool, y, "barrier", name,
			      "in " + site + ": " + id + " behind " + s->target_id[i]);
			break;
		case EV_CREATED:
			arrow(&body, d, me, worker, y, "created", name,
			      "in " + site + ": " + counts);
			break;
		case EV_WOKEN:
			arrow(&body, d, pool, worker, y, "woken", name,
			      "in " + site + ": " + counts);
			break;
		case EV_START:
			arrow(&body, d, pool, me, y, "start", name, "in " + site + ": " + id);
			run_from[me] = y;
			break;
		case EV_END:
			close_box(&boxes, d, &run_from, me, y, "run", "#cfe0f3");
			arrow(&body, d, me, me, y, "end", name,
			      "in " + site + ": " + id + " returned");
			break;
		case EV_IDLE:
		case EV_DYING:
			arrow(&body, d, worker, pool, y, r.ev == EV_IDLE ? "idle" : "dying", name,
			      "in " + site + ": " + counts);
			break;
		case EV_SLEEPING:
		case EV_RUNNING:
			arrow(&body, d, worker, worker, y,
			      r.ev == EV_SLEEPING ? "sleeping" : "running", name,
			      "in " + site + ": " + counts);
			break;
		case EV_FLUSH_START:
			wait_from[me] = y;
			arrow(&body, d, me, me, y, "flush", name,
			      "in " + site + ": " + (r.work ? id : std::string(r.wq)));
			break;
		case EV_FLUSH_END:
			close_box(&boxes, d, &wait_from, me, y, "wait", "#e4dcef");
			arrow(&body, d, me, me, y, "flush", name,
			      "in " + site + ": " + (r.work ? id : std::string(r.wq)) + " returns");
			break;
		}
	}
	for (const auto &b : run_from)
		box(&boxes, d, b.first, b.second, y, "run", "#cfe0f3");
	for (const auto &b : wait_from)
		box(&boxes, d, b.first, b.second, y, "wait", "#e4dcef");

	svg_put(&out,
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 "
		"0 %d %d\" "
		"font-family=\"sans-serif\" font-size=\"10\">\n",
		width, height, width, height);
	svg_put(&out,
		"<title>cmwq workqueue trace as a sequence: %zu events, %zu lifelines</title>\n",
		s->recs.size(), d.actors.size());
	out += "<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" "
	       "markerWidth=\"7\" "
	       "markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L8 4L0 8z\" "
	       "fill=\"#333\"/></marker></defs>\n";
	svg_put(&out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", width,
		height);
	svg_put(&out,
		"<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">workqueue trace as a "
		"sequence: an arrow per event, with the function it was recorded in</text>\n");
	svg_put(&out, "<text x=\"8\" y=\"%d\" fill=\"#666\">time</text>\n",
		HEAD_Y + HEAD_H / 2 + 4);
	for (size_t a = 0; a < d.actors.size(); a++) {
		const actor &ac = d.actors[a];
		const char *fill = ac.kind == ACT_TASK	 ? "#f7f5fa"
				   : ac.kind == ACT_POOL ? "#eef2f7"
							 : "#eef7ee";

		svg_put(&out,
			"<line class=\"lifeline\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
			"stroke=\"#999\" "
			"stroke-dasharray=\"4 3\"/>\n",
			d.x(a), HEAD_Y + HEAD_H, d.x(a), height - 10);
		svg_put(&out,
			"<rect class=\"actor\" x=\"%.1f\" y=\"%d\" width=\"%d\" height=\"%d\" "
			"rx=\"3\" "
			"fill=\"%s\" stroke=\"#333\"/>\n",
			d.x(a) - (COL_W - 24) / 2.0, HEAD_Y, COL_W - 24, HEAD_H, fill);
		svg_put(&out,
			"<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" "
			"font-weight=\"bold\">%s</text>\n",
			d.x(a), HEAD_Y + 14, svg_esc(ac.title).c_str());
		svg_put(&out,
			"<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
			"fill=\"#444\">%s</text>\n",
			d.x(a), HEAD_Y + 27, svg_esc(ac.sub).c_str());
	}
	out += boxes; /* under the arrows */
	out += body;
	out += "</svg>\n";
	return out;
}
