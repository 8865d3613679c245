// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/too_many_workers.cpp: two idle always, then one per four busy.

#include "wq_fixtures.h"

TEST_CASE("too_many_workers never culls the first two idle workers", "[ch:too_many_workers]")
{
	static struct worker_pool pool;

	local_pool_init(&pool);
	pool.nr_workers = 2;
	pool.nr_idle = 2;
	CHECK_FALSE(too_many_workers(&pool)); /* all idle, but only two */
	pool.nr_workers = 1;
	pool.nr_idle = 1;
	CHECK_FALSE(too_many_workers(&pool));
}

TEST_CASE("too_many_workers allows one extra idle worker per four busy ones", "[ch:too_many_workers]")
{
	static struct worker_pool pool;

	local_pool_init(&pool);
	/* 3 idle: one beyond the two kept; too many unless more than 4 are busy */
	pool.nr_idle = 3;
	pool.nr_workers = 3 + 4;
	CHECK(too_many_workers(&pool)); /* (3-2)*4 >= 4 */
	pool.nr_workers = 3 + 5;
	CHECK_FALSE(too_many_workers(&pool)); /* (3-2)*4 < 5 */

	pool.nr_idle = 4;
	pool.nr_workers = 4 + 8;
	CHECK(too_many_workers(&pool));
	pool.nr_workers = 4 + 9;
	CHECK_FALSE(too_many_workers(&pool));
}

TEST_CASE("too_many_workers counts the active manager as idle", "[ch:too_many_workers]")
{
	static struct worker_pool pool;

	local_pool_init(&pool);
	pool.nr_idle = 2;
	pool.nr_workers = 3; /* the third is managing */
	CHECK_FALSE(too_many_workers(&pool));
	pool.flags |= POOL_MANAGER_ACTIVE;
	CHECK(too_many_workers(&pool)); /* 3 idle, 0 busy */
}
