// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/keep_working.cpp: should the running worker take another item?

#include "wq_fixtures.h"

TEST_CASE("keep_working is false with nothing queued", "[ch:keep_working]")
{
	static struct worker_pool pool;

	local_pool_init(&pool);
	atomic_set(&pool.nr_running, 1);
	CHECK_FALSE(keep_working(&pool));
}

TEST_CASE("keep_working is true while the caller is the only worker running", "[ch:keep_working]")
{
	static struct worker_pool pool;
	struct work_struct w;

	local_pool_init(&pool);
	INIT_LIST_HEAD(&w.entry);
	list_add_tail(&w.entry, &pool.worklist);
	atomic_set(&pool.nr_running, 1);
	CHECK(keep_working(&pool));
	/* zero happens for uncounted workers (CPU_INTENSIVE, unbound): they keep going too */
	atomic_set(&pool.nr_running, 0);
	CHECK(keep_working(&pool));
	list_del_init(&w.entry);
}

TEST_CASE("keep_working is false when a second worker is running", "[ch:keep_working]")
{
	static struct worker_pool pool;
	struct work_struct w;

	local_pool_init(&pool);
	INIT_LIST_HEAD(&w.entry);
	list_add_tail(&w.entry, &pool.worklist);
	atomic_set(&pool.nr_running, 2);
	CHECK_FALSE(keep_working(&pool));
	list_del_init(&w.entry);
}
