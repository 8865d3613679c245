// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/flush_workqueue_prep_pwqs.cpp: arming the pwqs for a flush color.
//
// Each test plays the part of flush_workqueue() by hand: it takes the
// current color as its own, advances the work color, becomes the first
// flusher, calls flush_workqueue_prep_pwqs(), and at the end puts the
// workqueue's color state back the way flush_workqueue() leaves it.

#include <catch2/catch.hpp>
#include "wq_fixtures.h"

namespace {

/* Finish a hand-made flush the way flush_workqueue()'s last step does. */
void end_flush(struct workqueue_struct *wq, int next_color)
{
	mutex_lock(&wq->mutex);
	wq->flush_color = next_color;
	wq->first_flusher = NULL;
	mutex_unlock(&wq->mutex);
}

} // namespace

TEST_CASE("flush_workqueue_prep_pwqs arms only the pwqs that have works of the flush color",
	  "[ch:flush_workqueue_prep_pwqs]")
{
	static struct blocker b;
	static struct wq_flusher f;
	struct workqueue_struct *wq = alloc_workqueue("fwpp_arm", 0, 0);
	struct pool_workqueue *pwq;
	int color, next, armed = 0, others_armed = 0, stale_color = 0, to_flush;
	bool wait;

	REQUIRE(wq);
	INIT_WORK(&b.work, blocker_fn);
	init_completion(&b.started);
	init_completion(&b.release);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));

	mutex_lock(&wq->mutex);
	color = wq->work_color;
	next = work_next_color(color);
	INIT_LIST_HEAD(&f.list);
	f.flush_color = color;
	init_completion(&f.done);
	wq->work_color = next;
	wq->first_flusher = &f;
	wait = flush_workqueue_prep_pwqs(wq, color, next);
	for_each_pwq(pwq, wq) {
		raw_spin_lock_irq(&pwq->pool->lock);
		if (pwq == per_cpu_ptr(wq->cpu_pwqs, 0))
			armed = pwq->flush_color == color;
		else if (pwq->flush_color != -1)
			others_armed++;
		if (pwq->work_color != next)
			stale_color++;
		raw_spin_unlock_irq(&pwq->pool->lock);
	}
	to_flush = atomic_read(&wq->nr_pwqs_to_flush);
	mutex_unlock(&wq->mutex);

	/* the flush is pending while the blocker runs */
	CHECK_FALSE(completion_done(&f.done));
	complete(&b.release);
	CHECK(wait_done(&f.done));
	end_flush(wq, next);

	CHECK(wait);
	CHECK(armed);
	CHECK(others_armed == 0);
	CHECK(stale_color == 0);
	CHECK(to_flush == 1); /* one pwq owes the flush; the walk's own count is gone */
	destroy_workqueue(wq);
}

TEST_CASE("flush_workqueue_prep_pwqs completes the first flusher at once when the color is empty",
	  "[ch:flush_workqueue_prep_pwqs]")
{
	static struct wq_flusher f;
	struct workqueue_struct *wq = alloc_workqueue("fwpp_empty", 0, 0);
	int color, next, to_flush;
	bool wait;

	REQUIRE(wq);
	mutex_lock(&wq->mutex);
	color = wq->work_color;
	next = work_next_color(color);
	INIT_LIST_HEAD(&f.list);
	f.flush_color = color;
	init_completion(&f.done);
	wq->work_color = next;
	wq->first_flusher = &f;
	wait = flush_workqueue_prep_pwqs(wq, color, next);
	to_flush = atomic_read(&wq->nr_pwqs_to_flush);
	mutex_unlock(&wq->mutex);
	end_flush(wq, next);

	CHECK_FALSE(wait);
	CHECK(completion_done(&f.done));
	CHECK(to_flush == 0);
	destroy_workqueue(wq);
}

TEST_CASE("flush_workqueue_prep_pwqs with no flush color only moves every pwq to the new work color",
	  "[ch:flush_workqueue_prep_pwqs]")
{
	struct workqueue_struct *wq = alloc_workqueue("fwpp_color", 0, 0);
	struct pool_workqueue *pwq;
	int next, moved = 0, armed = 0, n = 0;
	bool wait;

	REQUIRE(wq);
	mutex_lock(&wq->mutex);
	next = work_next_color(wq->work_color);
	wait = flush_workqueue_prep_pwqs(wq, -1, next);
	for_each_pwq(pwq, wq) {
		raw_spin_lock_irq(&pwq->pool->lock);
		n++;
		moved += pwq->work_color == next;
		armed += pwq->flush_color != -1;
		raw_spin_unlock_irq(&pwq->pool->lock);
	}
	/* the workqueue is idle: moving both of its colors keeps it consistent */
	wq->work_color = next;
	wq->flush_color = next;
	mutex_unlock(&wq->mutex);

	CHECK_FALSE(wait);
	CHECK(moved == n);
	CHECK(armed == 0);
	CHECK(atomic_read(&wq->nr_pwqs_to_flush) == 0);
	flush_workqueue(wq); /* still works after the hand-made step */
	destroy_workqueue(wq);
}
