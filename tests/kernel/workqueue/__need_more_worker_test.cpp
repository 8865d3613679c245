// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/__need_more_worker.cpp: is nobody running?

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

} // namespace

TEST_CASE("__need_more_worker is true exactly when nr_running is zero", "[ch:__need_more_worker]")
{
	static struct worker_pool pool;

	local_pool_init(&pool);
	CHECK(__need_more_worker(&pool));
	atomic_set(&pool.nr_running, 1);
	CHECK_FALSE(__need_more_worker(&pool));
	atomic_set(&pool.nr_running, 3);
	CHECK_FALSE(__need_more_worker(&pool));
	atomic_set(&pool.nr_running, 0);
	CHECK(__need_more_worker(&pool));
}

TEST_CASE("__need_more_worker does not look at the worklist", "[ch:__need_more_worker]")
{
	static struct worker_pool pool;
	struct work_struct w;

	local_pool_init(&pool);
	INIT_LIST_HEAD(&w.entry);
	list_add_tail(&w.entry, &pool.worklist);
	CHECK(__need_more_worker(&pool));
	atomic_set(&pool.nr_running, 1);
	CHECK_FALSE(__need_more_worker(&pool));
	list_del_init(&w.entry);
}
