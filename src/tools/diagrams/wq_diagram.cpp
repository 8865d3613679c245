// SPDX-License-Identifier: GPL-2.0-only
// tools/diagrams/wq_diagram.cpp: the book's generated concept diagrams (cmwq's own tool)
//
//   wq_diagram <kind> [-o FILE]
//
//   work_data      SVG: the two encodings of work->data, from the header's constants
//   worker_states  dot: the worker state machine seen in a traced run, with counts
//   lock_order     dot: the lock classes and the order they were taken in, learned
//                  from a run; an inversion (a cycle) fails the tool
//   flush_colors   SVG: the flush-color ring of a live workqueue, caught mid-flush
//
// wq_diagram is linked against cmwq_sim: one task runs at a time on a virtual
// clock, so the runs are the same on every machine for a given WQ_SEED (read
// at boot, default 1), and waiting five minutes for an idle worker to time out
// costs nothing.  `make docs` draws the book's figures with it, so a change in
// the code changes the pictures.  Exit status: 0, 1 if the run went wrong (or
// the lock order has a cycle), 2 for a bad command line.

#include <string> /* before the kernel headers: linux/sched.h defines "current" */
#include <vector>
#include <map>
#include <math.h>

#include "kernel/workqueue/workqueue_internal.h"
#include "tools/trace/trace_views.h"

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <trace/events/workqueue.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/sim/sim.h"
#include "tools/diagrams/work_data_layout.h"
#include "tools/trace/svg_util.h"

namespace {

const u64 NSEC_PER_MSEC_U = 1000000ull;

/** @brief Nothing runs after this: parked tasks stay parked while the process ends. */
[[noreturn]] void finish(int status)
{
	rcu_barrier();
	sim_freeze();
	fflush(stdout);
	exit(status);
}

/** @brief Print "wq_diagram: <message>" on stderr and end with @p status. */
[[noreturn]] void die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
[[noreturn]] void die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "wq_diagram: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	finish(status);
}

/** @brief printf into a std::string (through a struct trace_seq). */
std::string fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char *f, ...)
{
	struct trace_seq out;
	va_list ap;

	trace_seq_init(&out);
	va_start(ap, f);
	trace_seq_vprintf(&out, f, ap);
	va_end(ap);
	return wq_trace_seq_string(&out);
}

/** @brief @p s as the inside of a dot string: quotes and backslashes escaped. */
std::string dot_esc(const std::string &s)
{
	std::string o;

	for (char c : s) {
		if (c == '"' || c == '\\')
			o += '\\';
		o += c;
	}
	return o;
}

/* ---- work_data: the bit layout ------------------------------------------------------ */

/** @brief Width in pixels of a box of @p bits bits: wide enough for a name, growing with the bits. */
int wd_width(int bits)
{
	return 78 + 6 * (bits - 1);
}

/** @brief Fill colour of a range of kind @p k. */
const char *wd_fill(enum wd_kind k)
{
	switch (k) {
	case WD_POINTER: return "#cfe2f3";
	case WD_COLOR: return "#fce5cd";
	case WD_FLAG: return "#d9ead3";
	case WD_POOL: return "#d9d2e9";
	case WD_ZERO: return "#eeeeee";
	}
	return "#ffffff";
}

/** @brief The SVG of wd_rows: one row of boxes per encoding, each box a named bit range. */
std::string draw_work_data()
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
			std::string bits = g.hi == g.lo ? fmt("bit %d", g.lo) : fmt("bits %d-%d", g.hi, g.lo);

			body += fmt("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
				    "stroke=\"#444444\" data-row=\"%s\" data-hi=\"%d\" data-lo=\"%d\" "
				    "data-name=\"%s\"/>\n",
				    x, y, w, row_h, wd_fill(g.kind), row.id, g.hi, g.lo, svg_esc(g.name).c_str());
			body += fmt("<text x=\"%d\" y=\"%d\" class=\"name\">%s</text>\n", x + w / 2, y + 22,
				    svg_esc(g.name).c_str());
			body += fmt("<text x=\"%d\" y=\"%d\" class=\"bits\">%s</text>\n", x + w / 2, y + 40,
				    bits.c_str());
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
	       std::to_string(BITS_PER_LONG) + ")</title>\n"
	       "<style>.title{font-size:14px;font-weight:bold;fill:#222222}"
	       ".name{font-size:12px;text-anchor:middle;fill:#111111}"
	       ".bits{font-size:11px;text-anchor:middle;fill:#555555}</style>\n"
	       "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + body +
	       fmt("<text x=\"%d\" y=\"%d\" class=\"bits\" style=\"text-anchor:start\">"
		   "WORK_STRUCT_FLAG_BITS = %d, WORK_STRUCT_COLOR_SHIFT = %d, WORK_STRUCT_COLOR_BITS = %d</text>\n",
		   x0, top + 2 * row_h + gap + 24, (int)WORK_STRUCT_FLAG_BITS,
		   (int)WORK_STRUCT_COLOR_SHIFT, (int)WORK_STRUCT_COLOR_BITS) +
	       fmt("<text x=\"%d\" y=\"%d\" class=\"bits\" style=\"text-anchor:start\">"
		   "WORK_OFFQ_FLAG_BASE = %d, WORK_OFFQ_POOL_SHIFT = %d, WORK_OFFQ_POOL_BITS = %d</text>\n",
		   x0, top + 2 * row_h + gap + 40, (int)WORK_OFFQ_FLAG_BASE,
		   (int)WORK_OFFQ_POOL_SHIFT, (int)WORK_OFFQ_POOL_BITS) +
	       "</svg>\n";
}

/* ---- the scenarios the runs are made of ----------------------------------------------- */

/** @brief A work item that computes, then optionally sleeps. */
struct demo_item {
	struct work_struct work; /**< the item */
	unsigned int run_ms;     /**< virtual ms of computing first */
	unsigned int sleep_ms;   /**< then ms of msleep(): the worker blocks */
	struct completion *gate; /**< or, if set, wait for this before returning */
};

/** @brief The work function of demo_item. */
void demo_fn(struct work_struct *work)
{
	struct demo_item *d = container_of(work, struct demo_item, work);

	if (d->run_ms)
		sim_run_for((u64)d->run_ms * NSEC_PER_MSEC_U);
	if (d->sleep_ms)
		msleep(d->sleep_ms);
	if (d->gate)
		wait_for_completion(d->gate);
}

/** @brief @p n demo items, computing @p run_ms then sleeping @p sleep_ms. */
std::vector<demo_item> make_items(int n, unsigned int run_ms, unsigned int sleep_ms)
{
	std::vector<demo_item> v(n);

	for (auto &d : v) {
		INIT_WORK(&d.work, demo_fn);
		d.run_ms = run_ms;
		d.sleep_ms = sleep_ms;
		d.gate = NULL;
	}
	return v;
}

/** @brief Queue @p v on CPU @p cpu of @p wq, then flush @p wq. */
void queue_and_flush(struct workqueue_struct *wq, int cpu, std::vector<demo_item> &v)
{
	for (auto &d : v)
		queue_work_on(cpu, wq, &d.work);
	flush_workqueue(wq);
}

/** @brief Sleep past IDLE_WORKER_TIMEOUT: the idle timer destroys the extra idle workers. */
void idle_timeout(void)
{
	msleep(jiffies_to_msecs(IDLE_WORKER_TIMEOUT) + 10 * 1000);
}

/**
 * @brief The worker-state scenarios on CPU 0 of system_wq: a burst of
 * computing items (a manager creates a worker), items that sleep
 * (concurrency management wakes the next worker), then five idle minutes.
 */
void run_worker_scenarios(void)
{
	std::vector<demo_item> burst = make_items(8, 2, 0);
	std::vector<demo_item> blocking = make_items(4, 1, 20);

	queue_and_flush(system_wq, 0, burst);
	queue_and_flush(system_wq, 0, blocking);
	idle_timeout();
}

/* ---- worker_states: the state machine seen in the trace -------------------------------- */

/** @brief The worker states the book names, plus the start and end of a worker's life. */
enum ws_state { WS_START, WS_CREATED, WS_IDLE, WS_WOKEN, WS_MANAGER, WS_BUSY, WS_BLOCKED, WS_DYING, WS_END, WS_NR };

/** @brief dot node id and label of each state. */
const struct {
	const char *id;    /**< node id */
	const char *label; /**< what the picture says */
} ws_info[WS_NR] = {
	{ "start", "" },
	{ "created", "created\\nWORKER_PREP\\n(alloc_worker)" },
	{ "idle", "idle, on pool->idle_list\\nWORKER_IDLE | WORKER_PREP" },
	{ "woken", "woken, preparing\\nWORKER_PREP" },
	{ "manager", "manager (still WORKER_PREP)\\npool->manager = worker\\nPOOL_MANAGER_ACTIVE" },
	{ "busy", "busy, running an item\\nin pool->busy_hash\\ncounted in nr_running" },
	{ "blocked", "blocked, counted out\\nworker->sleeping = 1" },
	{ "dying", "dying\\nWORKER_DIE" },
	{ "end", "" },
};

/** @brief A transition and the event that makes it. */
struct ws_edge {
	enum ws_state from; /**< state left */
	enum ws_state to;   /**< state entered */
	std::string why;    /**< the trace event (or what was inferred) */
	/** @brief Order by state left, state entered, event: the order the dot file lists them. */
	bool operator<(const ws_edge &o) const
	{
		return from != o.from ? from < o.from : to != o.to ? to < o.to : why < o.why;
	}
};

/** @brief The transitions of every worker in snapshot @p s, counted. */
std::map<ws_edge, int> worker_transitions(const struct wq_trace_snapshot *s)
{
	std::map<int, ws_state> st;
	std::map<ws_edge, int> edges;
	auto move = [&](int pid, ws_state to, const std::string &why) {
		auto it = st.find(pid);
		/* Workers alive when tracing started were idle: the run begins at rest. */
		ws_state from = it == st.end() ? WS_IDLE : it->second;

		edges[{ from, to, why }]++;
		st[pid] = to;
	};
	auto leave_manager = [&](int pid) {
		auto it = st.find(pid);

		return it != st.end() && it->second == WS_MANAGER;
	};

	for (const auto &r : s->recs) {
		switch (r.ev) {
		case EV_CREATED:
			/* Told by the creator: a worker creating one is the pool's manager. */
			if (!strncmp(r.comm, "kworker/", 8) && !leave_manager(r.pid))
				move(r.pid, WS_MANAGER, "manage_workers()");
			st[r.wpid] = WS_START;
			move(r.wpid, WS_CREATED, "worker_created");
			break;
		case EV_IDLE:
			move(r.wpid, WS_IDLE, "worker_idle");
			break;
		case EV_WOKEN:
			move(r.wpid, WS_WOKEN, "worker_woken");
			break;
		case EV_START:
			move(r.pid, WS_BUSY, "execute_start");
			break;
		case EV_SLEEPING:
			move(r.wpid, WS_BLOCKED, "worker_sleeping");
			break;
		case EV_RUNNING:
			move(r.wpid, WS_BUSY, "worker_running");
			break;
		case EV_DYING:
			move(r.wpid, WS_DYING, "worker_dying");
			move(r.wpid, WS_END, "exit");
			break;
		case EV_QUEUE:
		case EV_ACTIVATE:
		case EV_END:
		case EV_FLUSH_START:
		case EV_FLUSH_END:
		case EV_BARRIER_INSERT:
			/* about items and flushers, not about a worker's state */
			break;
		}
	}
	return edges;
}

/** @brief Run the scenarios under the tracepoints; the dot graph of the worker states. */
std::string draw_worker_states(void)
{
	struct wq_trace_snapshot s;
	std::string out;
	std::map<ws_edge, int> edges;

	wq_trace_start();
	run_worker_scenarios();
	wq_trace_stop();
	wq_trace_snapshot_take(&s);
	edges = worker_transitions(&s);

	out = "digraph worker_states {\n"
	      "\tgraph [rankdir=TB, nodesep=0.5, ranksep=0.45];\n"
	      "\tnode [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", fontsize=11];\n"
	      "\tedge [fontsize=9, color=\"#555555\"];\n"
	      "\tstart [shape=circle, style=filled, fillcolor=\"#222222\", label=\"\", width=0.18];\n"
	      "\tend [shape=doublecircle, style=filled, fillcolor=\"#222222\", label=\"\", width=0.14];\n";
	for (int i = WS_CREATED; i < WS_END; i++)
		out += fmt("\t%s [label=\"%s\"];\n", ws_info[i].id, ws_info[i].label);
	for (const auto &[e, n] : edges) {
		if (e.from == WS_START && e.to != WS_CREATED)
			continue;
		out += fmt("\t%s -> %s [label=\"%s\\n(%d)\"];\n", ws_info[e.from].id, ws_info[e.to].id,
			   e.why.c_str(), n);
	}
	out += fmt("\tlabel=\"worker events of one run (WQ_SEED=%llu): 8 computing items, "
		   "4 sleeping items, then %d s idle; (n) = times seen\";\n\tfontsize=10;\n}\n",
		   (unsigned long long)sim_seed(), (int)(IDLE_WORKER_TIMEOUT / HZ) + 10);
	return out;
}

/* ---- lock_order: the classes and their order, learned from a run ---------------------- */

/** @brief Is @p cls one of the workqueue's own locks (drawn in the workqueue's colour)? */
bool wq_lock_class(const char *cls)
{
	static const char *const wq_classes[] = {
		"wq_pool_mutex", "wq_pool_attach_mutex", "wq_mayday_lock", "&pool->lock", "&wq->mutex",
	};

	for (const char *c : wq_classes)
		if (!strcmp(c, cls))
			return true;
	return false;
}

/**
 * @brief Record the lock order over the realistic set of operations; the dot graph.
 *
 * Fails the tool (exit 1) on an inversion or a lost edge.
 */
std::string draw_lock_order(void)
{
	std::vector<lock_order_edge> e;
	std::vector<std::string> nodes;
	const char *cycle[32];
	struct workqueue_struct *wq;
	std::string out;
	int n, len;

	lock_order_start();
	wq = alloc_workqueue("lockdemo", 0, 0);
	if (!wq)
		die(1, "alloc_workqueue() failed");
	{
		std::vector<demo_item> a = make_items(6, 1, 10);
		std::vector<demo_item> b = make_items(3, 1, 0);

		for (auto &d : a)
			queue_work_on(0, wq, &d.work);
		flush_work(&a[0].work);       /* waits behind a barrier */
		flush_workqueue(wq);
		workqueue_set_max_active(wq, 1); /* the rest wait on the delayed list */
		for (auto &d : b)
			queue_work_on(0, wq, &d.work);
		drain_workqueue(wq);
		workqueue_set_max_active(wq, WQ_DFL_ACTIVE);
	}
	run_worker_scenarios(); /* system_wq: creation, blocking, idle-timeout death */
	destroy_workqueue(wq);
	rcu_barrier();
	lock_order_stop();

	n = lock_order_edges(NULL, 0);
	e.resize(n);
	lock_order_edges(e.data(), n);
	if (lock_order_dropped())
		die(1, "lock_order: %lu edges lost (a table was full); the graph would be incomplete",
		    lock_order_dropped());
	len = lock_order_find_cycle(cycle, 32);
	if (len) {
		std::string c;

		for (int i = 0; i < len; i++)
			c += std::string(cycle[i]) + " -> ";
		die(1, "lock_order: inversion: %s%s", c.c_str(), cycle[0]);
	}

	auto add_node = [&](const char *c) {
		for (const auto &x : nodes)
			if (x == c)
				return;
		nodes.push_back(c);
	};
	{
		int nc = lock_order_classes(NULL, 0);
		std::vector<const char *> cls(nc);

		lock_order_classes(cls.data(), nc);
		for (const char *c : cls)
			add_node(c);
	}
	out = "digraph lock_order {\n"
	      "\tgraph [rankdir=TB, nodesep=0.4, ranksep=0.5];\n"
	      "\tnode [shape=box, style=\"rounded,filled\", fontsize=11];\n"
	      "\tedge [fontsize=9, color=\"#555555\"];\n";
	for (const auto &x : nodes)
		out += fmt("\t\"%s\" [fillcolor=\"%s\"];\n", dot_esc(x).c_str(),
			   wq_lock_class(x.c_str()) ? "#cfe2f3" : "#eeeeee");
	out += "\t{ rank=sink;";
	for (const auto &x : nodes) {
		bool alone = true;

		for (const auto &y : e)
			if (x == y.from || x == y.to)
				alone = false;
		if (alone)
			out += " \"" + dot_esc(x) + "\";";
	}
	out += " }\n";
	for (const auto &x : e)
		out += fmt("\t\"%s\" -> \"%s\" [label=\"%lu\"];\n", dot_esc(x.from).c_str(), dot_esc(x.to).c_str(),
			   x.count);
	out += "\tlabel=\"an arrow A -> B: B was taken while A was held (n = times seen), learned from one run;\\n"
	       "blue: the workqueue's locks, grey: the substrate's; a box without arrows was taken alone\";\n"
	       "\tfontsize=10;\n}\n";
	return out;
}

/* ---- flush_colors: the ring, caught mid-flush ------------------------------------------ */

/** @brief A task that flushes a workqueue and says when it is done. */
struct flusher_arg {
	struct workqueue_struct *wq; /**< the workqueue to flush */
	struct completion done;      /**< completed after flush_workqueue() returns */
};

/** @brief The flusher kthread's function. */
int flusher_fn(void *data)
{
	struct flusher_arg *f = (struct flusher_arg *)data;

	flush_workqueue(f->wq);
	complete(&f->done);
	return 0;
}

/** @brief Wait (bounded) until @p wq has @p nr flushers waiting; die otherwise. */
void wait_for_flushers(struct workqueue_struct *wq, int nr)
{
	for (int tries = 0; tries < 10000; tries++) {
		struct wq_flusher *fl;
		int seen = 0;

		mutex_lock(&wq->mutex);
		if (wq->first_flusher)
			seen++;
		list_for_each_entry(fl, &wq->flusher_queue, list)
			seen++;
		mutex_unlock(&wq->mutex);
		if (seen >= nr)
			return;
		msleep(1);
	}
	die(1, "flush_colors: the flushers never blocked");
}

/** @brief Start a kthread that flushes @p f->wq. */
void start_flusher(struct flusher_arg *f, struct workqueue_struct *wq, int i)
{
	struct task_struct *t;

	f->wq = wq;
	init_completion(&f->done);
	t = kthread_create(flusher_fn, f, "flusher/%d", i);
	if (IS_ERR(t))
		die(1, "kthread_create() failed");
	wake_up_process(t);
}

/** @brief What the picture shows, copied under wq->mutex and pool->lock. */
struct ring_snapshot {
	int work_color;                 /**< wq->work_color */
	int flush_color;                /**< wq->flush_color */
	int first_flusher_color;        /**< the first flusher's color, or -1 */
	std::vector<int> queued_flusher_colors; /**< the other flushers' colors */
	int pwq_work_color;             /**< CPU 0's pwq: its work_color */
	int pwq_flush_color;            /**< and its flush_color */
	int nr_in_flight[WORK_NR_COLORS]; /**< and its nr_in_flight[] */
	int batch[3];                   /**< items queued in each batch */
};

/** @brief The ring as an SVG. */
std::string draw_ring(const struct ring_snapshot &r)
{
	const double cx = 330, cy = 300, R = 200, rn = 30;
	std::string body;

	for (int c = 0; c < WORK_NR_COLORS; c++) {
		double a = -M_PI / 2 + 2 * M_PI * c / (int)WORK_NR_COLORS;
		double x = cx + R * cos(a), y = cy + R * sin(a);
		double lx = cx + (R + 62) * cos(a), ly = cy + (R + 62) * sin(a);
		/* colors from flush_color up to (not including) work_color are being flushed */
		bool flushing = r.flush_color >= 0 &&
			((c - r.flush_color + WORK_NR_COLORS) % WORK_NR_COLORS) <
			((r.work_color - r.flush_color + WORK_NR_COLORS) % WORK_NR_COLORS);
		const char *fill = c == r.work_color ? "#d9ead3" : flushing ? "#fce5cd" : "#f3f3f3";

		body += fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#444444\" "
			    "data-color=\"%d\" data-in-flight=\"%d\"/>\n",
			    x, y, rn, fill, c, r.nr_in_flight[c]);
		body += fmt("<text x=\"%.1f\" y=\"%.1f\" class=\"c\">%d</text>\n", x, y - 3, c);
		body += fmt("<text x=\"%.1f\" y=\"%.1f\" class=\"n\">%d in flight</text>\n", x, y + 12,
			    r.nr_in_flight[c]);
		if (c == r.work_color)
			body += fmt("<text x=\"%.1f\" y=\"%.1f\" class=\"m\" data-mark=\"work_color\">"
				    "wq-&gt;work_color</text>\n", lx, ly);
		if (c == r.flush_color)
			body += fmt("<text x=\"%.1f\" y=\"%.1f\" class=\"m\" data-mark=\"flush_color\">"
				    "wq-&gt;flush_color</text>\n", lx, ly);
	}
	body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"t\">%d colors (WORK_NR_COLORS)</text>\n", cx,
		    cy - 36, (int)WORK_NR_COLORS);
	body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"s\">color %d (WORK_NO_COLOR)</text>\n", cx,
		    cy - 16, (int)WORK_NO_COLOR);
	body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"s\">is for barriers, not on the ring</text>\n",
		    cx, cy + 2);
	body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"s\">first flusher waits for %d;</text>\n", cx,
		    cy + 26, r.first_flusher_color);
	{
		std::string q;

		for (int c : r.queued_flusher_colors)
			q += (q.empty() ? "" : ", ") + std::to_string(c);
		body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"s\">queued flushers wait for: %s</text>\n",
			    cx, cy + 42, q.empty() ? "none" : q.c_str());
	}
	body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"s\">CPU 0's pwq: work_color %d, flush_color %d</text>\n",
		    cx, cy + 58, r.pwq_work_color, r.pwq_flush_color);
	body += fmt("<text x=\"20\" y=\"%.0f\" class=\"s\" style=\"text-anchor:start\">"
		    "orange: being flushed (flush_color up to work_color); green: given to newly queued "
		    "items; batches queued: %d, %d, %d</text>\n",
		    cy + R + 100, r.batch[0], r.batch[1], r.batch[2]);
	return fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"660\" height=\"%.0f\" "
		   "viewBox=\"0 0 660 %.0f\" font-family=\"sans-serif\">\n",
		   cy + R + 120, cy + R + 120) +
	       "<title>The flush-color ring of a workqueue, mid-flush</title>\n"
	       "<style>.c{font-size:14px;font-weight:bold;text-anchor:middle}"
	       ".n{font-size:9px;text-anchor:middle;fill:#333333}"
	       ".m{font-size:12px;font-weight:bold;text-anchor:middle;fill:#990000}"
	       ".t{font-size:14px;font-weight:bold;text-anchor:middle}"
	       ".s{font-size:11px;text-anchor:middle;fill:#333333}</style>\n"
	       "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + body +
	       "</svg>\n";
}

/**
 * @brief Items of color 0 held by a gate, a flusher blocked on them, items of
 * color 1, a second flusher queued behind the first, items of color 2; the
 * ring is read then, and everything is let go.
 */
std::string draw_flush_colors(void)
{
	static struct flusher_arg f[2];
	struct completion gate;
	struct workqueue_struct *wq = alloc_workqueue("flushdemo", 0, 0);
	struct ring_snapshot r;
	struct pool_workqueue *pwq;
	std::vector<demo_item> batch[3] = { make_items(3, 0, 0), make_items(2, 0, 0), make_items(1, 0, 0) };

	if (!wq)
		die(1, "alloc_workqueue() failed");
	init_completion(&gate);
	for (int b = 0; b < 3; b++) {
		for (auto &d : batch[b]) {
			d.gate = &gate;
			queue_work_on(0, wq, &d.work);
		}
		r.batch[b] = (int)batch[b].size();
		if (b < 2) {
			start_flusher(&f[b], wq, b);
			wait_for_flushers(wq, b + 1);
		}
	}

	mutex_lock(&wq->mutex);
	r.work_color = wq->work_color;
	r.flush_color = wq->flush_color;
	r.first_flusher_color = wq->first_flusher ? wq->first_flusher->flush_color : -1;
	{
		struct wq_flusher *fl;

		list_for_each_entry(fl, &wq->flusher_queue, list)
			r.queued_flusher_colors.push_back(fl->flush_color);
	}
	pwq = per_cpu_ptr(wq->cpu_pwqs, 0);
	raw_spin_lock_irq(&pwq->pool->lock);
	r.pwq_work_color = pwq->work_color;
	r.pwq_flush_color = pwq->flush_color;
	for (int c = 0; c < WORK_NR_COLORS; c++)
		r.nr_in_flight[c] = pwq->nr_in_flight[c];
	raw_spin_unlock_irq(&pwq->pool->lock);
	mutex_unlock(&wq->mutex);

	complete_all(&gate);
	for (auto &fl : f)
		if (!wait_for_completion_timeout(&fl.done, 60 * HZ))
			die(1, "flush_colors: a flusher never finished");
	destroy_workqueue(wq);
	return draw_ring(r);
}

/* ---- the command line -------------------------------------------------------------------- */

/** @brief A kind of diagram and how to draw it. */
const struct {
	const char *name;            /**< the kind, as typed */
	std::string (*draw)(void);   /**< makes the picture's text */
	const char *what;            /**< for --help */
} kinds[] = {
	{ "work_data", draw_work_data, "SVG: the bits of work->data, from the header's constants" },
	{ "worker_states", draw_worker_states, "dot: worker states and transitions seen in a run" },
	{ "lock_order", draw_lock_order, "dot: lock classes in the order a run took them" },
	{ "flush_colors", draw_flush_colors, "SVG: the flush-color ring of a workqueue mid-flush" },
};

/** @brief The usage text. */
void usage(FILE *f)
{
	fprintf(f, "usage: wq_diagram <kind> [-o FILE]\nkinds:\n");
	for (const auto &k : kinds)
		fprintf(f, "  %-14s %s\n", k.name, k.what);
}

} // namespace

/** @brief wq_diagram <kind> [-o FILE]: print the picture of @p kind, or write it to FILE. */
int main(int argc, char **argv)
{
	const char *kind = NULL, *path = NULL;
	std::string text;
	FILE *out = stdout;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			path = argv[++i];
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			finish(0);
		} else if (argv[i][0] != '-' && !kind) {
			kind = argv[i];
		} else {
			usage(stderr);
			die(2, "unexpected argument '%s'", argv[i]);
		}
	}
	if (!kind) {
		usage(stderr);
		die(2, "no kind given");
	}
	for (const auto &k : kinds) {
		if (strcmp(k.name, kind))
			continue;
		/* Let the boot settle: the workers made at boot run until they are idle. */
		sim_run_for(NSEC_PER_MSEC_U);
		text = k.draw();
		if (path && !(out = fopen(path, "w")))
			die(1, "%s: %s", path, strerror(errno));
		fputs(text.c_str(), out);
		if (path && fclose(out))
			die(1, "%s: %s", path, strerror(errno));
		finish(0);
	}
	usage(stderr);
	die(2, "unknown kind '%s'", kind);
}
