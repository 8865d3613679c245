// SPDX-License-Identifier: GPL-2.0-only
// tests/kernel/workqueue/wq_fixtures.h: fixtures shared by the workqueue tests
//
// Two kinds of helpers live here:
//  - hand-built structures that no workqueue feeds and no worker runs
//    (local_pool_init(), local_wq, local_worker_init(), stub_worker,
//    wake_probe): for the tests of small functions that only read or update
//    a pool's or a pwq's fields, under the test's own control;
//  - work items that hold their worker until the test lets them go
//    (blocker, gated_work, spinner, run_gated_work, gate): for the tests that queue
//    on real workqueues and need a work to stay running or queued for a while.
//    Each of their waits is bounded by TEST_WAIT_MS.
//
// Everything is `static inline` (or a type), so several test files of the
// one cmwq_tests binary may include it.
#ifndef CMWQ_WQ_FIXTURES_H
#define CMWQ_WQ_FIXTURES_H

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

#include <stdio.h>

/* ---- hand-built pools, workqueues and workers ------------------------- */

/** A pool that exists only for the test: lists empty, nobody counted. */
static inline void local_pool_init(struct worker_pool *pool)
{
	raw_spin_lock_init(&pool->lock);
	INIT_LIST_HEAD(&pool->worklist);
	INIT_LIST_HEAD(&pool->idle_list);
	INIT_LIST_HEAD(&pool->workers);
	hash_init(pool->busy_hash);
	atomic_set(&pool->nr_running, 0);
	pool->nr_workers = 0;
	pool->nr_idle = 0;
	pool->flags = 0;
	pool->watchdog_ts = 0;
}

/** A workqueue, pool and pwq that exist only for the test (per-CPU flavour). */
struct local_wq {
	struct workqueue_struct wq;
	struct worker_pool pool;
	struct pool_workqueue pwq;
};

/** Set up @p l: the pwq holds its base reference and allows @p max_active. */
static inline void local_wq_init(struct local_wq *l, int max_active)
{
	local_pool_init(&l->pool);
	l->wq.flags = 0;
	snprintf(l->wq.name, sizeof(l->wq.name), "local_wq");
	atomic_set(&l->wq.nr_pwqs_to_flush, 0);
	l->wq.first_flusher = nullptr;
	l->pwq.pool = &l->pool;
	l->pwq.wq = &l->wq;
	l->pwq.work_color = 0;
	l->pwq.flush_color = -1;
	l->pwq.refcnt = 1;
	for (int &n : l->pwq.nr_in_flight)
		n = 0;
	l->pwq.nr_active = 0;
	l->pwq.max_active = max_active;
	INIT_LIST_HEAD(&l->pwq.delayed_works);
}

/** Put @p w on @p l's delayed list as __queue_work() would past max_active. */
static inline void local_queue_delayed(struct local_wq *l, struct work_struct *w, int color,
				       unsigned long extra)
{
	INIT_WORK(w, counting_work_fn);
	atomic_long_set(&w->data, WORK_STRUCT_PENDING);
	set_work_pwq(w, &l->pwq, work_color_to_flags(color) | WORK_STRUCT_DELAYED | extra);
	list_add_tail(&w->entry, &l->pwq.delayed_works);
	l->pwq.nr_in_flight[color]++;
	l->pwq.refcnt++;
}

/** A worker of a local pool whose task is the test thread: it is "current". */
static inline void local_worker_init(struct worker *w, struct worker_pool *pool, unsigned int flags)
{
	w->task = current;
	w->pool = pool;
	w->flags = flags;
}

/**
 * A worker of a local pool, with a task whose kthread data leads back to it:
 * what wq_worker_sleeping()/wq_worker_running() are handed.  No thread runs
 * it (unlike worker_test_pool.h's fake_worker, which has a kthread).
 */
struct stub_worker {
	struct task_struct task;
	struct worker worker;
};

static inline void stub_worker_init(struct stub_worker *f, struct worker_pool *pool)
{
	f->task.data = &f->worker;
	f->task.flags = PF_WQ_WORKER;
	f->worker.task = &f->task;
	f->worker.pool = pool;
	f->worker.flags = 0;
	f->worker.sleeping = 0;
}

/** A kthread that only reports that it was woken: it stands in for an idle kworker. */
struct wake_probe {
	struct completion woken;
	struct task_struct *task;
};

static inline int wake_probe_fn(void *data)
{
	complete(&((struct wake_probe *)data)->woken);
	return 0;
}

/** Create @p p's kthread (not yet woken) and hold a reference to it. */
static inline void wake_probe_start(struct wake_probe *p)
{
	init_completion(&p->woken);
	p->task = kthread_create_on_node(wake_probe_fn, p, NUMA_NO_NODE, "wake_probe");
	REQUIRE(!IS_ERR(p->task));
	get_task_struct(p->task);
}

/** Stop it whether or not it was woken, and drop our reference. */
static inline void wake_probe_stop(struct wake_probe *p)
{
	kthread_stop(p->task);
	put_task_struct(p->task);
}

/* ---- work items that hold their worker --------------------------------- */

/** A work that completes @c started, then holds its worker until @c release (bounded). */
struct blocker {
	struct work_struct work;
	struct completion started;
	struct completion release;
};

static inline void blocker_fn(struct work_struct *work)
{
	struct blocker *b = container_of(work, struct blocker, work);

	complete(&b->started);
	wait_done(&b->release);
}

static inline void blocker_init(struct blocker *b)
{
	INIT_WORK(&b->work, blocker_fn);
	init_completion(&b->started);
	init_completion(&b->release);
}

/** A work that completes @c started, then holds its worker until the test opens @c gate; counts finished runs. */
struct gated_work {
	struct work_struct work;
	struct completion gate;
	struct completion started;
	std::atomic<int> finished{ 0 };
};

static inline void gated_fn(struct work_struct *work)
{
	struct gated_work *g = container_of(work, struct gated_work, work);

	complete(&g->started);
	wait_done(&g->gate);
	g->finished++;
}

static inline void gated_work_init(struct gated_work *g)
{
	INIT_WORK(&g->work, gated_fn);
	init_completion(&g->gate);
	init_completion(&g->started);
}

/**
 * A work that completes @c started, then computes (spins, never blocking)
 * until the test sets @c release or TEST_WAIT_MS passes: its worker keeps
 * counting in nr_running, so its pool starts nothing else meanwhile.
 */
struct spinner {
	struct work_struct work;
	struct completion started;
	std::atomic<bool> release{ false };
};

static inline void spinner_fn(struct work_struct *work)
{
	struct spinner *s = container_of(work, struct spinner, work);
	unsigned long deadline = jiffies + msecs_to_jiffies(TEST_WAIT_MS);

	complete(&s->started);
	while (!s->release && time_before(jiffies, deadline))
		cpu_relax();
}

static inline void spinner_init(struct spinner *s)
{
	INIT_WORK(&s->work, spinner_fn);
	init_completion(&s->started);
	s->release = false;
}

/** How many runs of a run_gated_work have their own gate. */
enum { MAX_RUNS = 4 };

/** A work item whose n-th run blocks until the test opens gate[n]; it records who ran it. */
struct run_gated_work {
	struct work_struct work;
	struct completion gate[MAX_RUNS];
	std::atomic<int> started{ 0 };
	std::atomic<int> finished{ 0 };
	std::atomic<int> inside{ 0 };
	std::atomic<int> max_inside{ 0 };
	std::atomic<struct task_struct *> task[MAX_RUNS];
};

static inline void run_gated_fn(struct work_struct *work)
{
	struct run_gated_work *g = container_of(work, struct run_gated_work, work);
	int n = g->started++;
	int in = ++g->inside;
	int seen = g->max_inside;

	while (in > seen && !g->max_inside.compare_exchange_weak(seen, in))
		;
	if (n < MAX_RUNS)
		g->task[n] = current;
	wait_done(&g->gate[n < MAX_RUNS ? n : MAX_RUNS - 1]);
	g->inside--;
	g->finished++;
}

static inline void run_gated_init(struct run_gated_work *g)
{
	INIT_WORK(&g->work, run_gated_fn);
	for (auto &c : g->gate)
		init_completion(&c);
}

/** Is @p work on the scheduled list of the worker of @p pool that is running it? */
static inline bool on_runner_scheduled_list(struct worker_pool *pool, struct work_struct *work)
{
	bool found = false;

	raw_spin_lock_irq(&pool->lock);
	struct worker *runner = find_worker_executing_work(pool, work);
	if (runner) {
		struct work_struct *w;

		list_for_each_entry(w, &runner->scheduled, entry)
			if (w == work)
				found = true;
	}
	raw_spin_unlock_irq(&pool->lock);
	return found;
}

/** Is @p work on @p pool's worklist (queued, not yet taken by a worker)? */
static inline bool on_worklist(struct worker_pool *pool, struct work_struct *work)
{
	struct work_struct *w;
	bool found = false;

	raw_spin_lock_irq(&pool->lock);
	list_for_each_entry(w, &pool->worklist, entry)
		found = found || w == work;
	raw_spin_unlock_irq(&pool->lock);
	return found;
}

/** A work that holds its worker (bounded) until a barrier has been linked behind @c target. */
struct gate {
	struct work_struct work;
	struct work_struct *target;
};

static inline void gate_fn(struct work_struct *work)
{
	struct gate *g = container_of(work, struct gate, work);

	for (int i = 0; i < (int)TEST_WAIT_MS; i++) {
		if (atomic_long_read(&g->target->data) & WORK_STRUCT_LINKED)
			return;
		msleep(1);
	}
}

#endif
