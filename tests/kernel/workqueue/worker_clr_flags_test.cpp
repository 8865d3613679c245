// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/worker_clr_flags.cpp: leaving NOT_RUNNING counts the worker again.

#include "wq_fixtures.h"

TEST_CASE("worker_clr_flags counts a worker again when its last NOT_RUNNING flag goes",
	  "[ch:worker_clr_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, WORKER_PREP);
	worker_clr_flags(&w, WORKER_PREP);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK(w.flags == 0);
}

TEST_CASE("worker_clr_flags does not count a worker that keeps another NOT_RUNNING flag",
	  "[ch:worker_clr_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, WORKER_PREP | WORKER_CPU_INTENSIVE);
	worker_clr_flags(&w, WORKER_CPU_INTENSIVE);
	CHECK(atomic_read(&pool.nr_running) == 0);
	CHECK(w.flags == WORKER_PREP);
	worker_clr_flags(&w, WORKER_PREP);
	CHECK(atomic_read(&pool.nr_running) == 1);
}

TEST_CASE("worker_clr_flags of flags the worker does not have changes nothing", "[ch:worker_clr_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, WORKER_IDLE);
	atomic_set(&pool.nr_running, 1);
	/* already counted: clearing an absent NOT_RUNNING flag must not count it twice */
	worker_clr_flags(&w, WORKER_PREP | WORKER_REBOUND);
	CHECK(atomic_read(&pool.nr_running) == 1);
	worker_clr_flags(&w, WORKER_IDLE);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK(w.flags == 0);
}

TEST_CASE("worker_set_flags and worker_clr_flags nest: a PREP burst inside CPU_INTENSIVE changes no count",
	  "[ch:worker_clr_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, 0);
	atomic_set(&pool.nr_running, 1);
	worker_set_flags(&w, WORKER_CPU_INTENSIVE);
	CHECK(atomic_read(&pool.nr_running) == 0);
	worker_set_flags(&w, WORKER_PREP);
	worker_clr_flags(&w, WORKER_PREP);
	CHECK(atomic_read(&pool.nr_running) == 0);
	worker_clr_flags(&w, WORKER_CPU_INTENSIVE);
	CHECK(atomic_read(&pool.nr_running) == 1);
}
