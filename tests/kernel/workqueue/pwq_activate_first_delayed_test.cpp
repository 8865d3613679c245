// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/pwq_activate_first_delayed.cpp: the oldest delayed work goes first.

#include "wq_fixtures.h"

#include <stdio.h>

TEST_CASE("pwq_activate_first_delayed activates the oldest delayed work and only that one",
	  "[ch:pwq_activate_first_delayed]")
{
	static struct local_wq l;
	struct work_struct a, b, c;

	local_wq_init(&l, 1);
	local_queue_delayed(&l, &a, 0, 0);
	local_queue_delayed(&l, &b, 0, 0);
	local_queue_delayed(&l, &c, 0, 0);

	raw_spin_lock_irq(&l.pool.lock);
	pwq_activate_first_delayed(&l.pwq);
	raw_spin_unlock_irq(&l.pool.lock);

	CHECK(l.pool.worklist.next == &a.entry);
	CHECK(a.entry.next == &l.pool.worklist);
	CHECK(l.pwq.delayed_works.next == &b.entry);
	CHECK(b.entry.next == &c.entry);
	CHECK(l.pwq.nr_active == 1);

	raw_spin_lock_irq(&l.pool.lock);
	pwq_activate_first_delayed(&l.pwq);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(a.entry.next == &b.entry); /* queued order is kept */
	CHECK(l.pwq.delayed_works.next == &c.entry);
	CHECK(l.pwq.nr_active == 2);
}

TEST_CASE("pwq_activate_first_delayed keeps the order works were queued in under max_active 1",
	  "[ch:pwq_activate_first_delayed]")
{
	static struct counting_work cw[4];
	static std::atomic<int> seq{ 0 };
	static int ran_at[4];
	struct workqueue_struct *wq = alloc_workqueue("pwq_afd", 0, 1);

	REQUIRE(wq);
	seq.store(0);
	for (int i = 0; i < 4; i++) {
		counting_work_init(&cw[i]);
		cw[i].work.func = [](struct work_struct *work) {
			struct counting_work *c = container_of(work, struct counting_work, work);

			ran_at[c - cw] = seq.fetch_add(1);
			counting_work_fn(work);
		};
	}
	for (int i = 0; i < 4; i++)
		REQUIRE(queue_work_on(0, wq, &cw[i].work));
	for (int i = 0; i < 4; i++)
		REQUIRE(wait_done(&cw[i].done));
	flush_workqueue(wq);
	for (int i = 0; i < 4; i++)
		CHECK(ran_at[i] == i);
	destroy_workqueue(wq);
}
