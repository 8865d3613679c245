// SPDX-License-Identifier: GPL-2.0-only
// include/trace/events/workqueue.h + kernel/trace: the workqueue tracepoints, recorded in memory
//
// The kernel defines its tracepoints with TRACE_EVENT() and ftrace stores
// them in per-CPU ring buffers.  cmwq keeps one buffer of fixed-size
// records under a lock and formats them only when they are read
// (trace_workqueue_output.cpp: the kernel's text, wq_trace_read()).  The
// tools copy the same records (wq_trace_copy()) and draw their own views
// of them (src/tools/trace: stable text, JSON, SVG timeline, sequence
// diagram).

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vector>
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

void wq_trace_stop(void)
{
	WRITE_ONCE(__wq_trace_on, 0);
}

/* A task and the function of its last execute_start. */
struct wq_trace_running {
	int pid;
	const char *func;
};

/* The entry of task @pid in @running, added if it has none. */
static struct wq_trace_running *wq_trace_running_of(std::vector<struct wq_trace_running> *running,
						    int pid)
{
	for (auto &t : *running)
		if (t.pid == pid)
			return &t;
	running->push_back(wq_trace_running{ pid, NULL });
	return &running->back();
}

u64 wq_trace_copy(std::vector<struct wq_trace_rec> *recs)
{
	std::vector<struct wq_trace_running> running; /* a few workers: a list is enough */
	unsigned long first, i;
	u64 t0;

	raw_spin_lock(&wq_trace_lock);
	first = wq_trace_n > WQ_TRACE_RECS ? wq_trace_n - WQ_TRACE_RECS : 0;
	recs->clear();
	for (i = first; wq_trace_buf && i < wq_trace_n; i++)
		recs->push_back(wq_trace_buf[i % WQ_TRACE_RECS]);
	t0 = wq_trace_t0;
	raw_spin_unlock(&wq_trace_lock);

	/* an execute_end takes the name of its task's last execute_start */
	for (auto &r : *recs) {
		if (r.ev == EV_START)
			wq_trace_running_of(&running, r.pid)->func = r.func;
		else if (r.ev == EV_END && !r.func)
			r.func = wq_trace_running_of(&running, r.pid)->func;
	}
	return t0;
}
