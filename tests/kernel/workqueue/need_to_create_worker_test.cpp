// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/need_to_create_worker.cpp: needed, and no idle one to wake.

#include "wq_fixtures.h"

TEST_CASE("need_to_create_worker is true with work queued and nobody running or idle",
	  "[ch:need_to_create_worker]")
{
	static struct worker_pool pool;
	struct work_struct w;

	local_pool_init(&pool);
	INIT_LIST_HEAD(&w.entry);
	list_add_tail(&w.entry, &pool.worklist);
	pool.nr_workers = 1;
	CHECK(need_to_create_worker(&pool));
	list_del_init(&w.entry);
}

TEST_CASE("need_to_create_worker is false when an idle worker can be woken instead",
	  "[ch:need_to_create_worker]")
{
	static struct worker_pool pool;
	struct work_struct w;

	local_pool_init(&pool);
	INIT_LIST_HEAD(&w.entry);
	list_add_tail(&w.entry, &pool.worklist);
	pool.nr_workers = 2;
	pool.nr_idle = 1;
	CHECK_FALSE(need_to_create_worker(&pool));
	list_del_init(&w.entry);
}

TEST_CASE("need_to_create_worker is false when no worker is needed at all", "[ch:need_to_create_worker]")
{
	static struct worker_pool pool;
	struct work_struct w;

	local_pool_init(&pool);
	CHECK_FALSE(need_to_create_worker(&pool)); /* nothing queued */

	INIT_LIST_HEAD(&w.entry);
	list_add_tail(&w.entry, &pool.worklist);
	atomic_set(&pool.nr_running, 1);
	CHECK_FALSE(need_to_create_worker(&pool)); /* someone runs and will get to it */
	list_del_init(&w.entry);
}
