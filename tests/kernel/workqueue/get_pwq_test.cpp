// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/get_pwq.cpp: one more reference, under the pool lock.

#include "wq_fixtures.h"

#include <stdio.h>

TEST_CASE("get_pwq adds one reference", "[ch:get_pwq]")
{
	static struct local_wq l;
	unsigned long before = warns();

	local_wq_init(&l, 1);
	raw_spin_lock_irq(&l.pool.lock);
	get_pwq(&l.pwq);
	get_pwq(&l.pwq);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(l.pwq.refcnt == 3);
	CHECK(warns() == before);
}

TEST_CASE("get_pwq warns when the pool lock is not held", "[ch:get_pwq]")
{
	static struct local_wq l;
	unsigned long before = warns();

	local_wq_init(&l, 1);
	get_pwq(&l.pwq);
	CHECK(warns() == before + 1);
	CHECK(l.pwq.refcnt == 2);
}

TEST_CASE("queueing a work takes a pwq reference and running it gives it back", "[ch:get_pwq]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("getpwq", 0, 0);

	REQUIRE(wq);
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, 0);
	raw_spin_lock_irq(&pwq->pool->lock);
	int base = pwq->refcnt;
	raw_spin_unlock_irq(&pwq->pool->lock);

	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &cw.work));
	REQUIRE(wait_done(&cw.done));
	flush_workqueue(wq);
	raw_spin_lock_irq(&pwq->pool->lock);
	int after = pwq->refcnt;
	raw_spin_unlock_irq(&pwq->pool->lock);

	CHECK(base >= 1);
	CHECK(after == base);
	destroy_workqueue(wq);
}
