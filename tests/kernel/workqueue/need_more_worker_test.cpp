// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/need_more_worker.cpp: work waiting and nobody running.

#include "wq_fixtures.h"

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
