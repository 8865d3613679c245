// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/pwq_activate_delayed_work.cpp: from the delayed list to the worklist.

#include "wq_fixtures.h"

#include <stdio.h>

TEST_CASE("pwq_activate_delayed_work moves the work to the pool's worklist and clears DELAYED and counts it active",
	  "[ch:pwq_activate_delayed_work]")
{
	static struct local_wq l;
	struct work_struct a, b;

	local_wq_init(&l, 1);
	local_queue_delayed(&l, &a, 0, 0);
	local_queue_delayed(&l, &b, 0, 0);
	l.pool.watchdog_ts = ~0UL; /* a value jiffies cannot have yet */
	unsigned long start = jiffies;

	raw_spin_lock_irq(&l.pool.lock);
	pwq_activate_delayed_work(&b);
	raw_spin_unlock_irq(&l.pool.lock);

	CHECK(l.pool.worklist.next == &b.entry);
	CHECK(l.pool.worklist.prev == &b.entry);
	CHECK(l.pwq.delayed_works.next == &a.entry);
	CHECK(l.pwq.delayed_works.prev == &a.entry);
	CHECK_FALSE((*work_data_bits(&b) & WORK_STRUCT_DELAYED));
	CHECK((*work_data_bits(&a) & WORK_STRUCT_DELAYED));
	CHECK(get_work_pwq(&b) == &l.pwq);
	CHECK(l.pwq.nr_active == 1);
	/* the worklist was empty: the watchdog's clock starts now */
	CHECK(l.pool.watchdog_ts != ~0UL);
	CHECK(time_after_eq(l.pool.watchdog_ts, start));

	/* the worklist is not empty any more: the clock is left alone */
	l.pool.watchdog_ts = ~0UL;
	raw_spin_lock_irq(&l.pool.lock);
	pwq_activate_delayed_work(&a);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(l.pool.watchdog_ts == ~0UL);
	CHECK(l.pool.worklist.prev == &a.entry);
	CHECK(l.pwq.nr_active == 2);
}

TEST_CASE("pwq_activate_delayed_work brings the linked barrier along", "[ch:pwq_activate_delayed_work]")
{
	static struct local_wq l;
	struct work_struct target, barrier, later;

	local_wq_init(&l, 1);
	local_queue_delayed(&l, &target, 0, WORK_STRUCT_LINKED);
	local_queue_delayed(&l, &barrier, 0, 0);
	local_queue_delayed(&l, &later, 0, 0);

	raw_spin_lock_irq(&l.pool.lock);
	pwq_activate_delayed_work(&target);
	raw_spin_unlock_irq(&l.pool.lock);

	CHECK(l.pool.worklist.next == &target.entry);
	CHECK(target.entry.next == &barrier.entry);
	CHECK(barrier.entry.next == &l.pool.worklist);
	CHECK(l.pwq.delayed_works.next == &later.entry);
	CHECK(l.pwq.nr_active == 1); /* one activation, however long the series */
}

TEST_CASE("a work past max_active waits on the delayed list with DELAYED set until the active one finishes",
	  "[ch:pwq_activate_delayed_work]")
{
	static struct blocker blk;
	static struct counting_work target;
	struct workqueue_struct *wq = alloc_workqueue("pwq_adw", 0, 1);

	REQUIRE(wq);
	INIT_WORK(&blk.work, blocker_fn);
	init_completion(&blk.started);
	init_completion(&blk.release);
	counting_work_init(&target);
	REQUIRE(queue_work_on(0, wq, &blk.work));
	REQUIRE(wait_done(&blk.started));
	REQUIRE(queue_work_on(0, wq, &target.work));

	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, 0);
	raw_spin_lock_irq(&pwq->pool->lock);
	bool delayed = *work_data_bits(&target.work) & WORK_STRUCT_DELAYED;
	bool on_delayed_list = pwq->delayed_works.next == &target.work.entry;
	int nr_active = pwq->nr_active;
	raw_spin_unlock_irq(&pwq->pool->lock);

	CHECK(delayed);
	CHECK(on_delayed_list);
	CHECK(nr_active == 1);
	CHECK(target.runs.load() == 0);

	complete(&blk.release);
	CHECK(wait_done(&target.done));
	flush_workqueue(wq);
	CHECK(target.runs.load() == 1);
	destroy_workqueue(wq);
}
