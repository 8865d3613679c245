// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/worker_set_flags.cpp: entering NOT_RUNNING leaves nr_running.

#include "wq_fixtures.h"

TEST_CASE("worker_set_flags uncounts a running worker that enters NOT_RUNNING", "[ch:worker_set_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, 0);
	atomic_set(&pool.nr_running, 1);
	worker_set_flags(&w, WORKER_CPU_INTENSIVE);
	CHECK(atomic_read(&pool.nr_running) == 0);
	CHECK((w.flags & WORKER_CPU_INTENSIVE));
}

TEST_CASE("worker_set_flags uncounts only once when a second NOT_RUNNING flag is added",
	  "[ch:worker_set_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, 0);
	atomic_set(&pool.nr_running, 2);
	worker_set_flags(&w, WORKER_PREP);
	worker_set_flags(&w, WORKER_CPU_INTENSIVE);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK((w.flags & (WORKER_PREP | WORKER_CPU_INTENSIVE)) == (WORKER_PREP | WORKER_CPU_INTENSIVE));
}

TEST_CASE("worker_set_flags leaves nr_running alone for flags outside NOT_RUNNING", "[ch:worker_set_flags]")
{
	static struct worker_pool pool;
	static struct worker w;

	local_pool_init(&pool);
	local_worker_init(&w, &pool, 0);
	atomic_set(&pool.nr_running, 1);
	worker_set_flags(&w, WORKER_IDLE);
	worker_set_flags(&w, WORKER_DIE);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK((w.flags & (WORKER_IDLE | WORKER_DIE)) == (WORKER_IDLE | WORKER_DIE));
}
