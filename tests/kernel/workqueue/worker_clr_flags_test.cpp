// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/worker_clr_flags.cpp: leaving NOT_RUNNING counts the worker again.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

/* A pool that exists only for the test: lists empty, nobody counted. */
void local_pool_init(struct worker_pool *pool)
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
}

/* A worker of a local pool whose task is the test thread: it is "current". */
void local_worker_init(struct worker *w, struct worker_pool *pool, unsigned int flags)
{
	w->task = current;
	w->pool = pool;
	w->flags = flags;
}

} // namespace

TEST_CASE("worker_clr_flags counts a worker again when its last NOT_RUNNING flag goes",
	  "[ch:worker_clr_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, WORKER_PREP);
	worker_clr_flags(&w, WORKER_PREP);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK(w.flags == 0);
}

TEST_CASE("worker_clr_flags does not count a worker that keeps another NOT_RUNNING flag",
	  "[ch:worker_clr_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, WORKER_PREP | WORKER_CPU_INTENSIVE);
	worker_clr_flags(&w, WORKER_CPU_INTENSIVE);
	CHECK(atomic_read(&pool.nr_running) == 0);
	CHECK(w.flags == WORKER_PREP);
	worker_clr_flags(&w, WORKER_PREP);
	CHECK(atomic_read(&pool.nr_running) == 1);
}

TEST_CASE("worker_clr_flags of flags the worker does not have changes nothing", "[ch:worker_clr_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, WORKER_IDLE);
	atomic_set(&pool.nr_running, 1);
	/* already counted: clearing an absent NOT_RUNNING flag must not count it twice */
	worker_clr_flags(&w, WORKER_PREP | WORKER_REBOUND);
	CHECK(atomic_read(&pool.nr_running) == 1);
	worker_clr_flags(&w, WORKER_IDLE);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK(w.flags == 0);
}

TEST_CASE("worker_set_flags and worker_clr_flags nest: a PREP burst inside CPU_INTENSIVE changes no count",
	  "[ch:worker_clr_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, 0);
	atomic_set(&pool.nr_running, 1);
	worker_set_flags(&w, WORKER_CPU_INTENSIVE);
	CHECK(atomic_read(&pool.nr_running) == 0);
	worker_set_flags(&w, WORKER_PREP);
	worker_clr_flags(&w, WORKER_PREP);
	CHECK(atomic_read(&pool.nr_running) == 0);
	worker_clr_flags(&w, WORKER_CPU_INTENSIVE);
	CHECK(atomic_read(&pool.nr_running) == 1);
}
