// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/get_work_pool_id.cpp: a pool id from either encoding of work->data.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("get_work_pool_id of a fresh work is WORK_OFFQ_POOL_NONE", "[ch:get_work_pool_id]")
{
	struct work_struct w;

	INIT_WORK(&w, counting_work_fn);
	CHECK(get_work_pool_id(&w) == WORK_OFFQ_POOL_NONE);
}

TEST_CASE("get_work_pool_id of a queued work is the id of its pwq's pool", "[ch:get_work_pool_id]")
{
	static struct pool_workqueue pwq;
	static struct worker_pool pool;
	struct work_struct w;

	pool.id = 7;
	pwq.pool = &pool;
	atomic_long_set(&w.data, WORK_STRUCT_PENDING);
	set_work_pwq(&w, &pwq, work_color_to_flags(2));
	CHECK(get_work_pool_id(&w) == 7);
}

TEST_CASE("get_work_pool_id of a finished work is the id of the pool that ran it", "[ch:get_work_pool_id]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("gwpid", 0, 0);

	REQUIRE(wq);
	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &cw.work));
	REQUIRE(wait_done(&cw.done));
	flush_workqueue(wq);
	CHECK(get_work_pool_id(&cw.work) == per_cpu(cpu_worker_pools, 0)[0].id);
	destroy_workqueue(wq);
}
