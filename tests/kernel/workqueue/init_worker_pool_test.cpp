// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/init_worker_pool.cpp: an empty, disassociated pool.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("init_worker_pool makes a pool with no CPU, no id and no workers, DISASSOCIATED",
	  "[ch:init_worker_pool]")
{
	struct worker_pool *pool = new worker_pool{};

	REQUIRE(init_worker_pool(pool) == 0);
	CHECK(pool->id == -1);
	CHECK(pool->cpu == -1);
	CHECK(pool->node == NUMA_NO_NODE);
	CHECK((pool->flags & POOL_DISASSOCIATED));
	CHECK(pool->refcnt == 1);
	CHECK(pool->nr_workers == 0);
	CHECK(pool->nr_idle == 0);
	CHECK(list_empty(&pool->worklist));
	CHECK(list_empty(&pool->idle_list));
	CHECK(list_empty(&pool->workers));
	for (unsigned int i = 0; i < HASH_SIZE(pool->busy_hash); i++)
		CHECK(hlist_empty(&pool->busy_hash[i]));
	CHECK(atomic_read(&pool->nr_running) == 0);
	free_workqueue_attrs(pool->attrs);
	ida_destroy(&pool->worker_ida);
	delete pool;
}

TEST_CASE("init_worker_pool arms nothing but sets up the idle and mayday timers", "[ch:init_worker_pool]")
{
	struct worker_pool *pool = new worker_pool{};

	REQUIRE(init_worker_pool(pool) == 0);
	CHECK(pool->idle_timer.function == idle_worker_timeout);
	CHECK((pool->idle_timer.flags & TIMER_DEFERRABLE));
	CHECK(pool->mayday_timer.function == pool_mayday_timeout);
	CHECK_FALSE(timer_pending(&pool->idle_timer));
	CHECK_FALSE(timer_pending(&pool->mayday_timer));
	free_workqueue_attrs(pool->attrs);
	ida_destroy(&pool->worker_ida);
	delete pool;
}

TEST_CASE("init_worker_pool gives the pool default attributes: nice 0, every possible CPU",
	  "[ch:init_worker_pool]")
{
	struct worker_pool *pool = new worker_pool{};

	REQUIRE(init_worker_pool(pool) == 0);
	REQUIRE(pool->attrs);
	CHECK(pool->attrs->nice == 0);
	CHECK(cpumask_equal(pool->attrs->cpumask, cpu_possible_mask));
	free_workqueue_attrs(pool->attrs);
	ida_destroy(&pool->worker_ida);
	delete pool;
}
