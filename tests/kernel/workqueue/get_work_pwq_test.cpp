// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/get_work_pwq.cpp: a pwq only while queued.

#include "wq_fixtures.h"

TEST_CASE("get_work_pwq is NULL for a work that was never queued or has run", "[ch:get_work_pwq]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("gwpwq_off", 0, 0);

	REQUIRE(wq);
	counting_work_init(&cw);
	CHECK(get_work_pwq(&cw.work) == nullptr);
	REQUIRE(queue_work_on(0, wq, &cw.work));
	REQUIRE(wait_done(&cw.done));
	flush_workqueue(wq);
	CHECK(get_work_pwq(&cw.work) == nullptr);
	destroy_workqueue(wq);
}

TEST_CASE("get_work_pwq of a queued work is the pwq of its workqueue on the CPU it was queued on",
	  "[ch:get_work_pwq]")
{
	static struct blocker blk;
	static struct counting_work target;
	struct workqueue_struct *wq = alloc_workqueue("gwpwq_on", 0, 1);

	REQUIRE(wq);
	INIT_WORK(&blk.work, blocker_fn);
	init_completion(&blk.started);
	init_completion(&blk.release);
	counting_work_init(&target);
	REQUIRE(queue_work_on(0, wq, &blk.work));
	REQUIRE(wait_done(&blk.started));
	REQUIRE(queue_work_on(0, wq, &target.work));

	struct pool_workqueue *expected = per_cpu_ptr(wq->cpu_pwqs, 0);
	raw_spin_lock_irq(&expected->pool->lock);
	struct pool_workqueue *pwq = get_work_pwq(&target.work);
	raw_spin_unlock_irq(&expected->pool->lock);

	CHECK(pwq == expected);
	CHECK(pwq->wq == wq);
	CHECK(pwq->pool == &per_cpu(cpu_worker_pools, 0)[0]);

	complete(&blk.release);
	CHECK(wait_done(&target.done));
	destroy_workqueue(wq);
}
