// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wq_worker_running.cpp: a worker that blocked counts again.

#include "wq_fixtures.h"

TEST_CASE("wq_worker_running counts a sleeping worker back in and clears its sleeping mark",
	  "[ch:wq_worker_running]")
{
	static struct worker_pool pool;
	static struct stub_worker f;

	local_pool_init(&pool);
	stub_worker_init(&f, &pool);
	f.worker.sleeping = 1;
	wq_worker_running(&f.task);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK(f.worker.sleeping == 0);
}

TEST_CASE("wq_worker_running changes nothing for a worker that did not go to sleep",
	  "[ch:wq_worker_running]")
{
	static struct worker_pool pool;
	static struct stub_worker f;

	local_pool_init(&pool);
	atomic_set(&pool.nr_running, 1);
	stub_worker_init(&f, &pool);
	wq_worker_running(&f.task);
	wq_worker_running(&f.task);
	CHECK(atomic_read(&pool.nr_running) == 1);
}

TEST_CASE("wq_worker_running does not count a NOT_RUNNING worker but still clears its mark",
	  "[ch:wq_worker_running]")
{
	static struct worker_pool pool;
	static struct stub_worker f;

	local_pool_init(&pool);
	stub_worker_init(&f, &pool);
	f.worker.flags = WORKER_CPU_INTENSIVE;
	f.worker.sleeping = 1;
	wq_worker_running(&f.task);
	CHECK(atomic_read(&pool.nr_running) == 0);
	CHECK(f.worker.sleeping == 0);
}

TEST_CASE("wq_worker_sleeping then wq_worker_running leaves nr_running where it was",
	  "[ch:wq_worker_running]")
{
	static struct worker_pool pool;
	static struct stub_worker f;

	local_pool_init(&pool);
	stub_worker_init(&f, &pool);
	atomic_set(&pool.nr_running, 1);
	wq_worker_sleeping(&f.task);
	CHECK(atomic_read(&pool.nr_running) == 0);
	wq_worker_running(&f.task);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK(f.worker.sleeping == 0);
}
