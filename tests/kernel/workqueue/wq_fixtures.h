// SPDX-License-Identifier: GPL-2.0-only
// tests/kernel/workqueue/wq_fixtures.h: the fixtures of the workqueue tests
//
// The one fixture header of the tests that reach into the workqueue's
// internals (tests/test_helpers.h, which it includes, holds what every test
// uses: bounded waits, the kernel log, child processes).  Four kinds of
// helpers live here:
//  - hand-built structures that no workqueue feeds and no worker runs
//    (local_pool_init(), local_wq, local_worker_init(), stub_worker,
//    wake_probe): for the tests of small functions that only read or update
//    a pool's or a pwq's fields, under the test's own control;
//  - a private pool and fake workers (test_pool_create(), fake_worker,
//    bare_worker): for the worker-lifecycle tests, which need a pool whose
//    every worker they know;
//  - work items that hold their worker until the test lets them go
//    (blocker, gated_work, spinner, run_gated_work, gate): for the tests that queue
//    on real workqueues and need a work to stay running or queued for a while;
//  - a blocking burst (blocking_burst, blocking_item): items that each need a worker of
//    their own at the same time, so that a pool's manager must create more.
// Each of their waits is bounded by TEST_WAIT_MS.
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
	struct worker_pool pool;
	struct pool_workqueue pwq;
	struct workqueue_struct wq; /* last: it ends in the flexible numa_pwq_tbl[] */
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
 * it (unlike fake_worker below, which has a kthread).
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

/* ---- a private pool and fake workers --------------------------------- */

/*
 * The worker-lifecycle tests (chapters/workqueue/07-workers/) need a pool
 * whose every worker they know.  The live per-CPU pools are shared with the
 * system workqueues and with every other test, so most of these tests build
 * their own pool instead:
 *
 *  - test_pool_create() makes a pool shaped like a per-CPU pool (one CPU,
 *    not DISASSOCIATED) that no workqueue feeds: a real worker created on it
 *    with create_worker() only ever idles.
 *  - test_pool_destroy() tells every idle worker to die, waits on the pool's
 *    detach_completion until the last real worker has detached (the same wait
 *    the kernel's put_unbound_pool() does), and frees the pool.
 *  - a fake_worker is a struct worker whose task is a kthread that never runs
 *    worker_thread(): it sleeps until woken, then records the worker's flags
 *    and completes `woken`.  It lets a test see exactly whom destroy_worker()
 *    or send_mayday() woke, without a real worker racing the test.
 */

/** A pool bound to @p cpu (or unbound-style if @p cpu < 0) that no workqueue uses. */
static inline struct worker_pool *test_pool_create(int cpu, int nice)
{
	struct worker_pool *pool =
		(struct worker_pool *)__kmalloc(sizeof(*pool), alignof(struct worker_pool), true);

	REQUIRE(pool != NULL);
	REQUIRE(init_worker_pool(pool) == 0);
	pool->attrs->nice = nice;
	if (cpu >= 0) {
		pool->cpu = cpu;
		cpumask_copy(pool->attrs->cpumask, cpumask_of(cpu));
		/* like workqueue_init() does for an online CPU's pools */
		pool->flags &= ~POOL_DISASSOCIATED;
	}
	return pool;
}

/** Destroy every idle worker of @p pool, wait until all real ones detached, free it. */
static inline void test_pool_destroy(struct worker_pool *pool)
{
	struct completion detached;
	bool wait;

	del_timer_sync(&pool->idle_timer);
	del_timer_sync(&pool->mayday_timer);

	init_completion(&detached);
	mutex_lock(&wq_pool_attach_mutex);
	wait = !list_empty(&pool->workers);
	if (wait)
		pool->detach_completion = &detached;
	mutex_unlock(&wq_pool_attach_mutex);

	raw_spin_lock_irq(&pool->lock);
	while (!list_empty(&pool->idle_list))
		destroy_worker(list_first_entry(&pool->idle_list, struct worker, entry));
	raw_spin_unlock_irq(&pool->lock);

	/* the last worker to run worker_detach_from_pool() completes it */
	if (wait)
		REQUIRE(wait_done(&detached));

	del_timer_sync(&pool->idle_timer);
	free_workqueue_attrs(pool->attrs);
	ida_destroy(&pool->worker_ida);
	kfree(pool);
}

/** A struct worker whose task sleeps until woken, then reports and exits. */
struct fake_worker {
	struct worker *worker;
	struct completion woken;                   /* completed when its task ran */
	std::atomic<unsigned int> flags_seen{ 0 }; /* worker->flags when it woke */
};

static inline int fake_worker_fn(void *data)
{
	struct fake_worker *f = (struct fake_worker *)data;

	f->flags_seen.store(READ_ONCE(f->worker->flags));
	complete_all(&f->woken); /* tests may wait on it more than once */
	return 0;
}

/** A fake worker of @p pool: not attached, not counted, not idle (WORKER_PREP). */
static inline struct fake_worker *fake_worker_new(struct worker_pool *pool)
{
	static std::atomic<int> seq{ 0 };
	struct fake_worker *f = new fake_worker;

	init_completion(&f->woken);
	f->worker = alloc_worker(NUMA_NO_NODE);
	REQUIRE(f->worker != NULL);
	f->worker->pool = pool;
	f->worker->task = kthread_create_on_node(fake_worker_fn, f, NUMA_NO_NODE, "fake_worker/%d",
						 seq.fetch_add(1));
	REQUIRE(!IS_ERR(f->worker->task));
	return f;
}

/** Count @p f in its pool and put it on the idle list, as create_worker() does. */
static inline void fake_worker_start(struct fake_worker *f)
{
	struct worker_pool *pool = f->worker->pool;

	raw_spin_lock_irq(&pool->lock);
	pool->nr_workers++;
	worker_enter_idle(f->worker);
	raw_spin_unlock_irq(&pool->lock);
}

/** Has @p f been told to die (WORKER_DIE)?  Read under its pool's lock. */
static inline bool fake_worker_dead(struct fake_worker *f)
{
	return READ_ONCE(f->worker->flags) & WORKER_DIE;
}

/**
 * Undo fake_worker_start() if it still counts, reap its task, free it.
 * A worker destroyed by the code under test has already been uncounted and
 * its task woken; the task finishes by itself.
 */
static inline void fake_worker_free(struct fake_worker *f, bool counted)
{
	struct worker_pool *pool = f->worker->pool;

	if (fake_worker_dead(f)) {
		REQUIRE(wait_done(&f->woken));
	} else {
		if (counted) {
			raw_spin_lock_irq(&pool->lock);
			if (f->worker->flags & WORKER_IDLE) {
				list_del_init(&f->worker->entry);
				pool->nr_idle--;
			}
			pool->nr_workers--;
			raw_spin_unlock_irq(&pool->lock);
		}
		/* never woken: kthread_stop() reaps it without running fake_worker_fn */
		kthread_stop(f->worker->task);
	}
	kfree(f->worker);
	delete f;
}

/** Free @p f whose task was woken without WORKER_DIE (a fake rescuer): wait until it ran. */
static inline void fake_worker_free_woken(struct fake_worker *f)
{
	REQUIRE(wait_done(&f->woken));
	kfree(f->worker);
	delete f;
}

/** Is a task with pid @p pid attached to @p pool?  Takes wq_pool_attach_mutex. */
static inline bool pool_has_worker_pid(struct worker_pool *pool, int pid)
{
	struct worker *w;
	bool found = false;

	mutex_lock(&wq_pool_attach_mutex);
	for_each_pool_worker(w, pool)
		if (w->task->pid == pid)
			found = true;
	mutex_unlock(&wq_pool_attach_mutex);
	return found;
}

/**
 * Wait, bounded, until the worker whose task has pid @p pid is no longer
 * attached to @p pool.
 *
 * A worker told to die by destroy_worker() exits on its own; on a live pool
 * with other workers no completion marks the moment it detaches (the pool's
 * detach_completion fires only for the last worker).  So this is the one
 * place these tests poll: msleep(1) between looks, at most TEST_WAIT_MS
 * looks.  It observes an exit; it never orders the test against a worker.
 */
static inline bool wait_worker_detached(struct worker_pool *pool, int pid)
{
	return wait_until([pool, pid] { return !pool_has_worker_pid(pool, pid); });
}

/** A worker of @p pool with no task, counted in nr_workers: worker_enter_idle() never looks at the task. */
static inline struct worker *bare_worker(struct worker_pool *pool)
{
	struct worker *worker = alloc_worker(NUMA_NO_NODE);

	REQUIRE(worker != NULL);
	worker->pool = pool;
	raw_spin_lock_irq(&pool->lock);
	pool->nr_workers++;
	raw_spin_unlock_irq(&pool->lock);
	return worker;
}

/** Uncount @p worker (and take it off the idle list if it is there), free it. */
static inline void drop_bare_worker(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	raw_spin_lock_irq(&pool->lock);
	if (worker->flags & WORKER_IDLE) {
		list_del_init(&worker->entry);
		pool->nr_idle--;
	}
	pool->nr_workers--;
	raw_spin_unlock_irq(&pool->lock);
	kfree(worker);
}

/** The CPU these tests use for the live per-CPU pools: the last one. */
static inline int test_cpu(void)
{
	return (int)nr_cpu_ids - 1;
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

	wait_until([g] { return (atomic_long_read(&g->target->data) & WORK_STRUCT_LINKED) != 0; });
}

/* ---- a blocking burst --------------------------------------------------- */

/*
 * Every item of a burst blocks on `release` (a completion: the worker sleeps
 * through schedule(), so it counts as blocked) until all of them have
 * started.  That needs one worker per item at the same time, so a burst
 * larger than a pool's workers makes its manager create the missing ones
 * with maybe_create_worker().  Used by the tests of maybe_create_worker()
 * and by the fault-injection tests (tests/reliability/faults_test.cpp).
 */

/** The items of a burst count here; the test opens @c release when all have started. */
struct blocking_burst {
	int n;
	std::atomic<int> started{ 0 };
	std::atomic<int> timed_out{ 0 };
	struct completion all_started;
	struct completion release;
};

/** One item of a burst: it holds its worker until the burst's @c release (bounded). */
struct blocking_item {
	struct work_struct work;
	struct blocking_burst *burst;
	std::atomic<int> runs{ 0 }; /* how often this item ran */
};

static inline void blocking_item_fn(struct work_struct *work)
{
	struct blocking_item *b = container_of(work, struct blocking_item, work);
	struct blocking_burst *burst = b->burst;

	b->runs.fetch_add(1);
	if (burst->started.fetch_add(1) + 1 == burst->n)
		complete(&burst->all_started);
	if (!wait_for_completion_timeout(&burst->release, msecs_to_jiffies(TEST_WAIT_MS)))
		burst->timed_out.fetch_add(1);
}

#endif
