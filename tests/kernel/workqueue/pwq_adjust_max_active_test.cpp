// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/pwq_adjust_max_active.cpp: a pwq follows its workqueue's limit.

#include <catch2/catch.hpp>
#include "wq_fixtures.h"

TEST_CASE("pwq_adjust_max_active raises the limit and activates delayed works at once",
	  "[ch:pwq_adjust_max_active]")
{
	static struct blocker b;
	static struct counting_work cw[3];
	struct workqueue_struct *wq = alloc_workqueue("pama_raise", 0, 1);
	struct pool_workqueue *pwq;
	int delayed_before, delayed_after, max_after;

	REQUIRE(wq);
	pwq = per_cpu_ptr(wq->cpu_pwqs, 0);
	INIT_WORK(&b.work, blocker_fn);
	init_completion(&b.started);
	init_completion(&b.release);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));
	for (auto &c : cw) {
		counting_work_init(&c);
		REQUIRE(queue_work_on(0, wq, &c.work));
	}

	raw_spin_lock_irq(&pwq->pool->lock);
	delayed_before = list_length(&pwq->delayed_works);
	raw_spin_unlock_irq(&pwq->pool->lock);

	mutex_lock(&wq->mutex);
	wq->saved_max_active = 4;
	pwq_adjust_max_active(pwq);
	mutex_unlock(&wq->mutex);

	raw_spin_lock_irq(&pwq->pool->lock);
	delayed_after = list_length(&pwq->delayed_works);
	max_after = pwq->max_active;
	raw_spin_unlock_irq(&pwq->pool->lock);

	/* the three run while the blocker still blocks */
	bool all_ran = true;
	for (auto &c : cw)
		all_ran &= wait_done(&c.done);
	complete(&b.release);

	CHECK(delayed_before == 3);
	CHECK(delayed_after == 0);
	CHECK(max_after == 4);
	CHECK(all_ran);
	flush_workqueue(wq);
	destroy_workqueue(wq);
}

TEST_CASE("pwq_adjust_max_active gives a freezable workqueue 0 while the system freezes",
	  "[ch:pwq_adjust_max_active]")
{
	struct workqueue_struct *fwq = alloc_workqueue("pama_freezable", WQ_FREEZABLE, 3);
	struct workqueue_struct *wq = alloc_workqueue("pama_plain", 0, 3);
	struct pool_workqueue *fpwq, *pwq;
	int frozen_max, plain_max, thawed_max;

	REQUIRE(fwq);
	REQUIRE(wq);
	fpwq = per_cpu_ptr(fwq->cpu_pwqs, 0);
	pwq = per_cpu_ptr(wq->cpu_pwqs, 0);

	/* workqueue_freezing is read under wq_pool_mutex: nobody else sees it set */
	mutex_lock(&wq_pool_mutex);
	workqueue_freezing = true;
	mutex_lock(&fwq->mutex);
	pwq_adjust_max_active(fpwq);
	mutex_unlock(&fwq->mutex);
	mutex_lock(&wq->mutex);
	pwq_adjust_max_active(pwq);
	mutex_unlock(&wq->mutex);
	raw_spin_lock_irq(&fpwq->pool->lock);
	frozen_max = fpwq->max_active;
	plain_max = pwq->max_active;
	raw_spin_unlock_irq(&fpwq->pool->lock);

	workqueue_freezing = false;
	mutex_lock(&fwq->mutex);
	pwq_adjust_max_active(fpwq);
	mutex_unlock(&fwq->mutex);
	raw_spin_lock_irq(&fpwq->pool->lock);
	thawed_max = fpwq->max_active;
	raw_spin_unlock_irq(&fpwq->pool->lock);
	mutex_unlock(&wq_pool_mutex);

	CHECK(frozen_max == 0);
	CHECK(plain_max == 3);
	CHECK(thawed_max == 3);
	destroy_workqueue(wq);
	destroy_workqueue(fwq);
}
