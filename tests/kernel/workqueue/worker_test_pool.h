// SPDX-License-Identifier: GPL-2.0-only
// tests/kernel/workqueue/worker_test_pool.h: a private pool and fake workers
//
// The worker-lifecycle tests (chapters/workqueue/07-workers/) need a pool
// whose every worker they know.  The live per-CPU pools are shared with the
// system workqueues and with every other test, so most of these tests build
// their own pool instead:
//
//  - test_pool_create() makes a pool shaped like a per-CPU pool (one CPU,
//    not DISASSOCIATED) that no workqueue feeds: a real worker created on it
//    with create_worker() only ever idles.
//  - test_pool_destroy() tells every idle worker to die, waits on the pool's
//    detach_completion until the last real worker has detached (the same wait
//    the kernel's put_unbound_pool() does), and frees the pool.
//  - a fake_worker is a struct worker whose task is a kthread that never runs
//    worker_thread(): it sleeps until woken, then records the worker's flags
//    and completes `woken`.  It lets a test see exactly whom destroy_worker()
//    or send_mayday() woke, without a real worker racing the test.
#ifndef CMWQ_WORKER_TEST_POOL_H
#define CMWQ_WORKER_TEST_POOL_H

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

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
	struct completion woken;             /* completed when its task ran */
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
	for (unsigned int i = 0; i < TEST_WAIT_MS; i++) {
		if (!pool_has_worker_pid(pool, pid))
			return true;
		msleep(1);
	}
	return false;
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

#endif
