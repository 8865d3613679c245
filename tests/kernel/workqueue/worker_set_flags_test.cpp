// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/worker_set_flags.cpp: entering NOT_RUNNING leaves nr_running.

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

TEST_CASE("worker_set_flags uncounts a running worker that enters NOT_RUNNING", "[ch:worker_set_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, 0);
	atomic_set(&pool.nr_running, 1);
	worker_set_flags(&w, WORKER_CPU_INTENSIVE);
	CHECK(atomic_read(&pool.nr_running) == 0);
	CHECK((w.flags & WORKER_CPU_INTENSIVE));
}

TEST_CASE("worker_set_flags uncounts only once when a second NOT_RUNNING flag is added",
	  "[ch:worker_set_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, 0);
	atomic_set(&pool.nr_running, 2);
	worker_set_flags(&w, WORKER_PREP);
	worker_set_flags(&w, WORKER_CPU_INTENSIVE);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK((w.flags & (WORKER_PREP | WORKER_CPU_INTENSIVE)) == (WORKER_PREP | WORKER_CPU_INTENSIVE));
}

TEST_CASE("worker_set_flags leaves nr_running alone for flags outside NOT_RUNNING", "[ch:worker_set_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, 0);
	atomic_set(&pool.nr_running, 1);
	worker_set_flags(&w, WORKER_IDLE);
	worker_set_flags(&w, WORKER_DIE);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK((w.flags & (WORKER_IDLE | WORKER_DIE)) == (WORKER_IDLE | WORKER_DIE));
}
