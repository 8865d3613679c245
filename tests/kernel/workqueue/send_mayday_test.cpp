// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/send_mayday.cpp
//
// cmwq has no rescuer threads yet (alloc_workqueue() does not start one for
// WQ_MEM_RECLAIM), so the positive case gives a test workqueue a fake
// rescuer: a struct worker whose kthread only records that it was woken.
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"

static void noop_fn(struct work_struct *) { }

/* A work whose data says "queued on @pwq", as __queue_work() leaves it. */
static void claim_for(struct work_struct *work, struct pool_workqueue *pwq)
{
	INIT_WORK(work, noop_fn);
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
	set_work_pwq(work, pwq, 0);
}

/* send_mayday() as pool_mayday_timeout() calls it: pool->lock, then wq_mayday_lock. */
static void mayday_locked(struct work_struct *work, struct pool_workqueue *pwq)
{
	raw_spin_lock_irq(&pwq->pool->lock);
	raw_spin_lock(&wq_mayday_lock);
	send_mayday(work);
	raw_spin_unlock(&wq_mayday_lock);
	raw_spin_unlock_irq(&pwq->pool->lock);
}

TEST_CASE("send_mayday does nothing for a workqueue without a rescuer", "[ch:send_mayday]")
{
	struct workqueue_struct *wq = alloc_workqueue("mayday_none", 0, 0);
	struct pool_workqueue *pwq;
	struct work_struct work;
	int refcnt_before, refcnt_after;
	bool pwq_listed, wq_has_maydays;

	REQUIRE(wq != NULL);
	REQUIRE(wq->rescuer == NULL);
	pwq = per_cpu_ptr(wq->cpu_pwqs, test_cpu());
	claim_for(&work, pwq);

	raw_spin_lock_irq(&pwq->pool->lock);
	refcnt_before = pwq->refcnt;
	raw_spin_unlock_irq(&pwq->pool->lock);

	mayday_locked(&work, pwq);

	raw_spin_lock_irq(&pwq->pool->lock);
	raw_spin_lock(&wq_mayday_lock);
	refcnt_after = pwq->refcnt;
	pwq_listed = !list_empty(&pwq->mayday_node);
	wq_has_maydays = !list_empty(&wq->maydays);
	raw_spin_unlock(&wq_mayday_lock);
	raw_spin_unlock_irq(&pwq->pool->lock);

	CHECK(refcnt_after == refcnt_before);
	CHECK_FALSE(pwq_listed);
	CHECK_FALSE(wq_has_maydays);

	destroy_workqueue(wq);
}

TEST_CASE("send_mayday lists the pwq once on its workqueue's maydays, pins it and wakes the rescuer",
	  "[ch:send_mayday]")
{
	struct workqueue_struct *wq = alloc_workqueue("mayday_fake", 0, 0);
	struct pool_workqueue *pwq;
	struct fake_worker *rescuer;
	struct work_struct w1, w2;
	int refcnt_before, refcnt_after;
	bool listed_once;

	REQUIRE(wq != NULL);
	pwq = per_cpu_ptr(wq->cpu_pwqs, test_cpu());
	rescuer = fake_worker_new(NULL);
	rescuer->worker->rescue_wq = wq;
	raw_spin_lock_irq(&wq_mayday_lock);
	wq->rescuer = rescuer->worker;
	raw_spin_unlock_irq(&wq_mayday_lock);
	claim_for(&w1, pwq);
	claim_for(&w2, pwq);

	raw_spin_lock_irq(&pwq->pool->lock);
	refcnt_before = pwq->refcnt;
	raw_spin_unlock_irq(&pwq->pool->lock);

	/* two works of the same pwq: one mayday */
	mayday_locked(&w1, pwq);
	mayday_locked(&w2, pwq);

	raw_spin_lock_irq(&pwq->pool->lock);
	raw_spin_lock(&wq_mayday_lock);
	refcnt_after = pwq->refcnt;
	listed_once = list_is_singular(&wq->maydays) && wq->maydays.next == &pwq->mayday_node;
	/* undo: the rescuer would do this when done with the pwq */
	list_del_init(&pwq->mayday_node);
	pwq->refcnt = refcnt_before;
	wq->rescuer = NULL;
	raw_spin_unlock(&wq_mayday_lock);
	raw_spin_unlock_irq(&pwq->pool->lock);

	CHECK(listed_once);
	CHECK(refcnt_after == refcnt_before + 1);
	/* the rescuer's task was woken */
	CHECK(wait_done(&rescuer->woken));

	fake_worker_free_woken(rescuer);
	destroy_workqueue(wq);
}
