// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/may_start_working.cpp: is there an idle spare?

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

TEST_CASE("may_start_working is true exactly when some worker is idle", "[ch:may_start_working]")
{
	static struct worker_pool pool;

	local_pool_init(&pool);
	pool.nr_workers = 3;
	CHECK_FALSE(may_start_working(&pool));
	pool.nr_idle = 1;
	CHECK(may_start_working(&pool));
	pool.nr_idle = 2;
	CHECK(may_start_working(&pool));
}

TEST_CASE("may_start_working ignores queued work and running workers", "[ch:may_start_working]")
{
	static struct worker_pool pool;
	struct work_struct w;

	local_pool_init(&pool);
	INIT_LIST_HEAD(&w.entry);
	list_add_tail(&w.entry, &pool.worklist);
	atomic_set(&pool.nr_running, 2);
	CHECK_FALSE(may_start_working(&pool));
	pool.nr_idle = 1;
	CHECK(may_start_working(&pool));
	list_del_init(&w.entry);
}
