// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/pwq_dec_nr_in_flight.cpp: a work left its pwq; settle the accounts.

#include "wq_fixtures.h"

#include <stdio.h>

TEST_CASE("pwq_dec_nr_in_flight of a colored work drops its color count and nr_active and a reference",
	  "[ch:pwq_dec_nr_in_flight]")
{
	static struct local_wq l;

	local_wq_init(&l, 4);
	l.pwq.nr_in_flight[3] = 2;
	l.pwq.nr_active = 2;
	l.pwq.refcnt = 3;
	raw_spin_lock_irq(&l.pool.lock);
	pwq_dec_nr_in_flight(&l.pwq, 3);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(l.pwq.nr_in_flight[3] == 1);
	CHECK(l.pwq.nr_active == 1);
	CHECK(l.pwq.refcnt == 2);
}

TEST_CASE("pwq_dec_nr_in_flight activates the oldest delayed work when it drops below max_active",
	  "[ch:pwq_dec_nr_in_flight]")
{
	static struct local_wq l;
	struct work_struct d1, d2;

	local_wq_init(&l, 1);
	l.pwq.nr_in_flight[0] = 1; /* the active one, finishing now */
	l.pwq.nr_active = 1;
	local_queue_delayed(&l, &d1, 0, 0);
	local_queue_delayed(&l, &d2, 0, 0);

	raw_spin_lock_irq(&l.pool.lock);
	pwq_dec_nr_in_flight(&l.pwq, 0);
	raw_spin_unlock_irq(&l.pool.lock);

	CHECK(l.pwq.nr_active == 1); /* one out, one in */
	CHECK(l.pool.worklist.next == &d1.entry);
	CHECK(l.pwq.delayed_works.next == &d2.entry);
	CHECK(l.pwq.nr_in_flight[0] == 2);
}

TEST_CASE("pwq_dec_nr_in_flight of a barrier (WORK_NO_COLOR) only drops the reference",
	  "[ch:pwq_dec_nr_in_flight]")
{
	static struct local_wq l;
	struct work_struct d;

	local_wq_init(&l, 1);
	l.pwq.nr_in_flight[0] = 1;
	l.pwq.nr_active = 1;
	local_queue_delayed(&l, &d, 0, 0);
	int ref = l.pwq.refcnt;

	raw_spin_lock_irq(&l.pool.lock);
	pwq_dec_nr_in_flight(&l.pwq, WORK_NO_COLOR);
	raw_spin_unlock_irq(&l.pool.lock);

	CHECK(l.pwq.nr_active == 1);
	CHECK(l.pwq.nr_in_flight[0] == 2);
	CHECK(l.pwq.delayed_works.next == &d.entry); /* nothing activated */
	CHECK(l.pwq.refcnt == ref - 1);
}

TEST_CASE("pwq_dec_nr_in_flight completes the first flusher when the last work of the flushed color leaves the last pwq",
	  "[ch:pwq_dec_nr_in_flight]")
{
	static struct local_wq l;
	static struct wq_flusher flusher;

	local_wq_init(&l, 4);
	init_completion(&flusher.done);
	l.wq.first_flusher = &flusher;
	atomic_set(&l.wq.nr_pwqs_to_flush, 1);
	l.pwq.flush_color = 2;
	l.pwq.nr_in_flight[2] = 2;
	l.pwq.nr_active = 2;
	l.pwq.refcnt = 3;

	raw_spin_lock_irq(&l.pool.lock);
	pwq_dec_nr_in_flight(&l.pwq, 2);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK_FALSE(completion_done(&flusher.done)); /* one of color 2 is still in flight */
	CHECK(l.pwq.flush_color == 2);

	raw_spin_lock_irq(&l.pool.lock);
	pwq_dec_nr_in_flight(&l.pwq, 2);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(completion_done(&flusher.done));
	CHECK(l.pwq.flush_color == -1);
	CHECK(atomic_read(&l.wq.nr_pwqs_to_flush) == 0);
}

TEST_CASE("pwq_dec_nr_in_flight leaves the flusher waiting while other pwqs still have to flush",
	  "[ch:pwq_dec_nr_in_flight]")
{
	static struct local_wq l;
	static struct wq_flusher flusher;

	local_wq_init(&l, 4);
	init_completion(&flusher.done);
	l.wq.first_flusher = &flusher;
	atomic_set(&l.wq.nr_pwqs_to_flush, 2);
	l.pwq.flush_color = 5;
	l.pwq.nr_in_flight[5] = 1;
	l.pwq.nr_active = 1;
	l.pwq.refcnt = 2;

	raw_spin_lock_irq(&l.pool.lock);
	pwq_dec_nr_in_flight(&l.pwq, 5);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(l.pwq.flush_color == -1); /* this pwq is done */
	CHECK(atomic_read(&l.wq.nr_pwqs_to_flush) == 1);
	CHECK_FALSE(completion_done(&flusher.done));
}

TEST_CASE("pwq_dec_nr_in_flight ignores a color other than the one being flushed", "[ch:pwq_dec_nr_in_flight]")
{
	static struct local_wq l;
	static struct wq_flusher flusher;

	local_wq_init(&l, 4);
	init_completion(&flusher.done);
	l.wq.first_flusher = &flusher;
	atomic_set(&l.wq.nr_pwqs_to_flush, 1);
	l.pwq.flush_color = 1;
	l.pwq.nr_in_flight[1] = 1;
	l.pwq.nr_in_flight[2] = 1;
	l.pwq.nr_active = 2;
	l.pwq.refcnt = 3;

	raw_spin_lock_irq(&l.pool.lock);
	pwq_dec_nr_in_flight(&l.pwq, 2);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(l.pwq.flush_color == 1);
	CHECK_FALSE(completion_done(&flusher.done));
}
