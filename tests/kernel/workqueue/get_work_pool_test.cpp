// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/get_work_pool.cpp: the pool a work is on, or last ran on.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("get_work_pool is NULL for a work that never ran anywhere", "[ch:get_work_pool]")
{
	struct work_struct w;

	INIT_WORK(&w, counting_work_fn);
	rcu_read_lock();
	CHECK(get_work_pool(&w) == nullptr);
	rcu_read_unlock();
}

TEST_CASE("get_work_pool of a finished work is the pool it ran on", "[ch:get_work_pool]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("gwp_ran", WQ_HIGHPRI, 0);

	REQUIRE(wq);
	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &cw.work));
	REQUIRE(wait_done(&cw.done));
	flush_workqueue(wq);

	rcu_read_lock();
	struct worker_pool *pool = get_work_pool(&cw.work);
	rcu_read_unlock();
	/* WQ_HIGHPRI: the second standard pool of CPU 0 */
	CHECK(pool == &per_cpu(cpu_worker_pools, 0)[1]);
	destroy_workqueue(wq);
}

TEST_CASE("get_work_pool of a queued work goes through its pwq", "[ch:get_work_pool]")
{
	static struct pool_workqueue pwq;
	static struct worker_pool pool;
	struct work_struct w;

	pwq.pool = &pool;
	atomic_long_set(&w.data, WORK_STRUCT_PENDING);
	set_work_pwq(&w, &pwq, 0);
	rcu_read_lock();
	CHECK(get_work_pool(&w) == &pool);
	rcu_read_unlock();
}

TEST_CASE("get_work_pool of an off-queue work with an unknown pool id is NULL", "[ch:get_work_pool]")
{
	struct work_struct w;

	atomic_long_set(&w.data, WORK_STRUCT_PENDING);
	set_work_pool_and_clear_pending(&w, WORK_OFFQ_POOL_NONE - 1); /* never allocated */
	rcu_read_lock();
	CHECK(get_work_pool(&w) == nullptr);
	rcu_read_unlock();
}
