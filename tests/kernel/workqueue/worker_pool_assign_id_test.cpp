// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/worker_pool_assign_id.cpp: pools get ids that find them again.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("worker_pool_assign_id gives two pools distinct ids that idr_find maps back to them",
	  "[ch:worker_pool_assign_id]")
{
	static struct worker_pool a, b;

	a.id = b.id = -1;
	mutex_lock(&wq_pool_mutex);
	REQUIRE(worker_pool_assign_id(&a) == 0);
	REQUIRE(worker_pool_assign_id(&b) == 0);
	CHECK(a.id >= 0);
	CHECK(b.id >= 0);
	CHECK(a.id != b.id);
	CHECK(a.id < WORK_OFFQ_POOL_NONE);
	CHECK(idr_find(&worker_pool_idr, a.id) == &a);
	CHECK(idr_find(&worker_pool_idr, b.id) == &b);
	idr_remove(&worker_pool_idr, a.id);
	idr_remove(&worker_pool_idr, b.id);
	mutex_unlock(&wq_pool_mutex);
}

TEST_CASE("worker_pool_assign_id numbered every standard pool at boot", "[ch:worker_pool_assign_id]")
{
	int cpu;

	mutex_lock(&wq_pool_mutex);
	for_each_possible_cpu(cpu) {
		struct worker_pool *pool;

		for_each_cpu_worker_pool(pool, cpu)
			CHECK(idr_find(&worker_pool_idr, pool->id) == pool);
	}
	mutex_unlock(&wq_pool_mutex);
}

TEST_CASE("worker_pool_assign_id warns when called without wq_pool_mutex", "[ch:worker_pool_assign_id]")
{
	static struct worker_pool p;
	unsigned long before = warns();

	REQUIRE(worker_pool_assign_id(&p) == 0);
	CHECK(warns() == before + 1);
	mutex_lock(&wq_pool_mutex);
	idr_remove(&worker_pool_idr, p.id);
	mutex_unlock(&wq_pool_mutex);
}
