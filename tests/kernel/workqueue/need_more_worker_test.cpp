// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/need_more_worker.cpp: work waiting and nobody running.

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

TEST_CASE("need_more_worker is true only with work queued and nobody running", "[ch:need_more_worker]")
{
	static struct worker_pool pool;
	struct work_struct w;

	local_pool_init(&pool);
	INIT_LIST_HEAD(&w.entry);
	CHECK_FALSE(need_more_worker(&pool)); /* no work */

	list_add_tail(&w.entry, &pool.worklist);
	CHECK(need_more_worker(&pool)); /* work, nobody running */

	atomic_set(&pool.nr_running, 1);
	CHECK_FALSE(need_more_worker(&pool)); /* work, but someone runs */

	list_del_init(&w.entry);
	atomic_set(&pool.nr_running, 0);
	CHECK_FALSE(need_more_worker(&pool));
}
