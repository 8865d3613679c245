// SPDX-License-Identifier: GPL-2.0-only
// include/trace/events/workqueue.h + kernel/trace: the workqueue tracepoints, recorded in memory
//
// The kernel defines its tracepoints with TRACE_EVENT() and ftrace stores
// them in per-CPU ring buffers.  cmwq keeps one buffer of fixed-size
// records under a lock and formats them only when they are read, as the
// kernel's text (wq_trace_read()).  The tools take a snapshot of the same
// records (wq_trace_snapshot_take()) and draw their own views of it
// (src/tools/trace: stable text, JSON, SVG timeline, sequence diagram).

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <map>
#include <string>
#include <utility>
#include <vector>
#include <linux/export.h>
#include "arch/arch.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "kernel/trace/trace_workqueue_internal.h"

int __wq_trace_on;

enum { WQ_TRACE_RECS = 1 << 16 };
static struct wq_trace_rec *wq_trace_buf;
static unsigned long wq_trace_n; /* records written since start; the last WQ_TRACE_RECS are kept */
static u64 wq_trace_t0;          /* arch_clock_ns() at wq_trace_start() */
static DEFINE_RAW_SPINLOCK(wq_trace_lock);

static_assert((int)WQ_TRACE_NAME_LEN == (int)WQ_NAME_LEN, "trace records copy whole workqueue names");
/* the public worker events map onto the buffer's in the same order */
static_assert((int)EV_RUNNING - (int)EV_CREATED == (int)WQ_WORKER_RUNNING - (int)WQ_WORKER_CREATED,
	      "enum wq_worker_event and enum wq_event disagree");

/* Take a slot and fill what every record has; called with wq_trace_lock held. */
static struct wq_trace_rec *wq_trace_slot(enum wq_event ev, const char *site)
{
	struct task_struct *t = current;
	struct wq_trace_rec *r;

	if (!wq_trace_buf)
		return NULL;
	r = &wq_trace_buf[wq_trace_n++ % WQ_TRACE_RECS];
	memset(r, 0, sizeof(*r));
	r->ns = arch_clock_ns();
	r->ev = ev;
	r->pid = t->pid;
	r->cpu = smp_processor_id();
	snprintf(r->comm, sizeof(r->comm), "%s", t->comm);
	r->pool_id = -1;
	r->pool_cpu = -1;
	r->site = site;
	return r;
}

/* The pool and the worker an event is about. */
static void wq_trace_set_worker(struct wq_trace_rec *r, struct worker *worker)
{
	struct worker_pool *pool = worker ? worker->pool : NULL;

	if (worker && worker->task) {
		r->wpid = worker->task->pid;
		snprintf(r->wcomm, sizeof(r->wcomm), "%s", worker->task->comm);
	}
	if (pool) {
		r->pool_id = pool->id;
		r->pool_cpu = pool->cpu;
		r->pool_nice = pool->attrs ? pool->attrs->nice : 0;
		r->nr_running = atomic_read(&pool->nr_running);
		r->nr_idle = READ_ONCE(pool->nr_idle);
	}
}

/* The pool of @pwq, if any. */
static void wq_trace_set_pwq(struct wq_trace_rec *r, struct pool_workqueue *pwq)
{
	snprintf(r->wq, sizeof(r->wq), "%s", pwq->wq->name);
	r->pool_id = pwq->pool->id;
	r->pool_cpu = pwq->pool->cpu;
	r->pool_nice = pwq->pool->attrs ? pwq->pool->attrs->nice : 0;
}

static void wq_trace_record_work(enum wq_event ev, struct work_struct *work, const char *func,
				 unsigned int req_cpu, struct pool_workqueue *pwq, const char *site)
{
	struct wq_trace_rec *r;

	raw_spin_lock(&wq_trace_lock);
	r = wq_trace_slot(ev, site);
	if (r) {
		r->work = work;
		r->func = func;
		r->req_cpu = req_cpu;
		if (pwq)
			wq_trace_set_pwq(r, pwq);
		else if (ev == EV_START || ev == EV_END) {
			wq_trace_set_worker(r, current_wq_worker());
		}
	}
	raw_spin_unlock(&wq_trace_lock);
}

void __trace_workqueue_queue_work(unsigned int req_cpu, struct pool_workqueue *pwq,
				  struct work_struct *work, const char *site)
{
	wq_trace_record_work(EV_QUEUE, work, work->name, req_cpu, pwq, site);
}

void __trace_workqueue_activate_work(struct work_struct *work, const char *site)
{
	wq_trace_record_work(EV_ACTIVATE, work, work->name, 0, NULL, site);
}

void __trace_workqueue_execute_start(struct work_struct *work, const char *site)
{
	wq_trace_record_work(EV_START, work, work->name, 0, NULL, site);
}

void __trace_workqueue_execute_end(struct work_struct *work, work_func_t function, const char *site)
{
	/*
	 * The work may be freed: do not read it.  Its name is filled in when
	 * the trace is read, from this worker's execute_start (no thread-local
	 * state, which a backend running tasks as fibers would not keep apart).
	 */
	(void)function;
	wq_trace_record_work(EV_END, work, NULL, 0, NULL, site);
}

void __trace_workqueue_worker(enum wq_worker_event wev, struct worker *worker, const char *site)
{
	struct wq_trace_rec *r;

	raw_spin_lock(&wq_trace_lock);
	r = wq_trace_slot((enum wq_event)((int)EV_CREATED + (int)wev), site);
	if (r)
		wq_trace_set_worker(r, worker);
	raw_spin_unlock(&wq_trace_lock);
}

void __trace_workqueue_flush(bool end, struct work_struct *work, struct workqueue_struct *wq,
			     const char *site)
{
	struct wq_trace_rec *r;

	raw_spin_lock(&wq_trace_lock);
	r = wq_trace_slot(end ? EV_FLUSH_END : EV_FLUSH_START, site);
	if (r) {
		/* the caller keeps @work valid until flush_work() returns */
		if (work) {
			r->work = work;
			r->func = work->name;
		}
		if (wq)
			snprintf(r->wq, sizeof(r->wq), "%s", wq->name);
	}
	raw_spin_unlock(&wq_trace_lock);
}

void __trace_workqueue_barrier_insert(struct pool_workqueue *pwq, struct work_struct *barr,
				      struct work_struct *target, const char *site)
{
	struct wq_trace_rec *r;

	raw_spin_lock(&wq_trace_lock);
	r = wq_trace_slot(EV_BARRIER_INSERT, site);
	if (r) {
		r->work = barr;
		r->func = barr->name;
		r->target = target;
		r->target_func = target->name;
		wq_trace_set_pwq(r, pwq);
	}
	raw_spin_unlock(&wq_trace_lock);
}

void wq_trace_start(void)
{
	raw_spin_lock(&wq_trace_lock);
	if (!wq_trace_buf)
		wq_trace_buf = (struct wq_trace_rec *)calloc(WQ_TRACE_RECS, sizeof(*wq_trace_buf));
	wq_trace_n = 0;
	wq_trace_t0 = arch_clock_ns();
	raw_spin_unlock(&wq_trace_lock);
	WRITE_ONCE(__wq_trace_on, 1);
}
EXPORT_SYMBOL(wq_trace_start);

void wq_trace_stop(void)
{
	WRITE_ONCE(__wq_trace_on, 0);
}
EXPORT_SYMBOL(wq_trace_stop);

const char *wq_trace_event_name(enum wq_event ev)
{
	switch (ev) {
	case EV_QUEUE: return "workqueue_queue_work";
	case EV_ACTIVATE: return "workqueue_activate_work";
	case EV_START: return "workqueue_execute_start";
	case EV_END: return "workqueue_execute_end";
	case EV_CREATED: return "workqueue_worker_created";
	case EV_IDLE: return "workqueue_worker_idle";
	case EV_WOKEN: return "workqueue_worker_woken";
	case EV_DYING: return "workqueue_worker_dying";
	case EV_SLEEPING: return "workqueue_worker_sleeping";
	case EV_RUNNING: return "workqueue_worker_running";
	case EV_FLUSH_START: return "workqueue_flush_start";
	case EV_FLUSH_END: return "workqueue_flush_end";
	case EV_BARRIER_INSERT: return "workqueue_barrier_insert";
	}
	return "workqueue_unknown";
}

void wq_trace_snapshot_take(struct wq_trace_snapshot *s)
{
	/* an item is the pair (address, function name); n counts per name */
	std::map<std::pair<const void *, std::string>, std::string> ids;
	std::map<std::string, int> per_name;
	std::map<int, const char *> running; /* pid -> function it runs (names are string literals) */
	unsigned long first, i;
	auto id_of = [&](const void *work, const char *func) {
		std::string name = func ? func : "?";
		auto key = std::make_pair(work, name);
		auto it = ids.find(key);

		if (it == ids.end())
			it = ids.emplace(key, name + "#" + std::to_string(++per_name[name])).first;
		return it->second;
	};

	raw_spin_lock(&wq_trace_lock);
	first = wq_trace_n > WQ_TRACE_RECS ? wq_trace_n - WQ_TRACE_RECS : 0;
	s->recs.clear();
	for (i = first; wq_trace_buf && i < wq_trace_n; i++)
		s->recs.push_back(wq_trace_buf[i % WQ_TRACE_RECS]);
	s->t0 = wq_trace_t0;
	raw_spin_unlock(&wq_trace_lock);

	s->work_id.assign(s->recs.size(), std::string());
	s->target_id.assign(s->recs.size(), std::string());
	for (i = 0; i < s->recs.size(); i++) {
		struct wq_trace_rec *r = &s->recs[i];

		if (r->ev == EV_BARRIER_INSERT && r->target)
			s->target_id[i] = id_of(r->target, r->target_func);
		if (r->ev > EV_END && !r->work)
			continue;
		/* an execute_end takes the name of its task's last execute_start */
		if (r->ev == EV_START)
			running[r->pid] = r->func;
		else if (r->ev == EV_END && !r->func && running.count(r->pid))
			r->func = running[r->pid];
		s->work_id[i] = id_of(r->work, r->func);
	}
}

void wq_trace_vappendf(std::string *out, const char *fmt, va_list ap)
{
	char buf[512];
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (n >= 0 && (size_t)n < sizeof(buf)) {
		out->append(buf, n);
	} else if (n >= 0) {
		std::string big(n + 1, '\0');

		vsnprintf(&big[0], big.size(), fmt, again);
		out->append(big.c_str(), n);
	}
	va_end(again);
}

void wq_trace_appendf(std::string *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	wq_trace_vappendf(out, fmt, ap);
	va_end(ap);
}

/* One line per record, as ftrace prints the kernel's: tasks by comm-pid, items by address. */
static std::string wq_trace_format_text(const struct wq_trace_snapshot *s)
{
	std::string out;

	for (size_t i = 0; i < s->recs.size(); i++) {
		const struct wq_trace_rec *r = &s->recs[i];
		const char *func = r->func ? r->func : "?";

		wq_trace_appendf(&out,
			"%16s-%-5d [%03d] %6llu.%06llu: %s: ", r->comm, r->pid, r->cpu,
			(unsigned long long)(r->ns / 1000000000ull),
			(unsigned long long)(r->ns / 1000 % 1000000), wq_trace_event_name(r->ev));
		switch (r->ev) {
		case EV_QUEUE:
			wq_trace_appendf(&out,
				"work struct=%p function=%s workqueue=%s req_cpu=%u cpu=%d\n",
				r->work, func, r->wq, r->req_cpu, r->pool_cpu);
			break;
		case EV_ACTIVATE:
			wq_trace_appendf(&out, "work struct %p\n", r->work);
			break;
		case EV_START:
		case EV_END:
			wq_trace_appendf(&out, "work struct %p: function %s\n", r->work, func);
			break;
		case EV_FLUSH_START:
		case EV_FLUSH_END:
			if (r->work)
				wq_trace_appendf(&out,
					"work struct=%p function=%s\n", r->work, func);
			else
				wq_trace_appendf(&out, "workqueue=%s\n", r->wq);
			break;
		case EV_BARRIER_INSERT:
			wq_trace_appendf(&out,
				"work struct=%p target=%p function=%s pool=%d\n", r->work,
				r->target, r->target_func ? r->target_func : "?", r->pool_id);
			break;
		default:
			wq_trace_appendf(&out,
				"worker=%s-%d pool=%d nr_running=%d nr_idle=%d\n", r->wcomm,
				r->wpid, r->pool_id, r->nr_running, r->nr_idle);
			break;
		}
	}
	return out;
}

char *wq_trace_read(void)
{
	struct wq_trace_snapshot s;
	std::string text;
	char *p;

	wq_trace_snapshot_take(&s);
	text = wq_trace_format_text(&s);
	p = (char *)malloc(text.size() + 1);
	if (p)
		memcpy(p, text.c_str(), text.size() + 1);
	return p;
}
EXPORT_SYMBOL(wq_trace_read);
