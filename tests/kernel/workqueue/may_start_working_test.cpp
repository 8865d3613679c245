// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/may_start_working.cpp: is there an idle spare?

#include "wq_fixtures.h"

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
