// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/__need_more_worker.cpp: is nobody running?

#include "wq_fixtures.h"

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
