// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/get_work_color.cpp: reading the flush color back out of work->data.

#include "wq_fixtures.h"

TEST_CASE("get_work_color ignores the flag bits and the pwq pointer around the color", "[ch:get_work_color]")
{
	struct work_struct w;

	/* all flag bits and a pointer-like high part, color 9 */
	atomic_long_set(&w.data, (long)(0xabcdef00UL | (9UL << WORK_STRUCT_COLOR_SHIFT) | 0xfUL));
	CHECK(get_work_color(&w) == 9);
	atomic_long_set(&w.data, (long)(0xabcdef00UL | 0xfUL));
	CHECK(get_work_color(&w) == 0);
	atomic_long_set(&w.data, (long)(WORK_STRUCT_WQ_DATA_MASK | (unsigned long)WORK_STRUCT_FLAG_MASK));
	CHECK(get_work_color(&w) == WORK_NO_COLOR);
}

TEST_CASE("get_work_color of a queued work is its pwq's current work color", "[ch:get_work_color]")
{
	static struct blocker blk;
	static struct counting_work target;
	struct workqueue_struct *wq = alloc_workqueue("gwc", 0, 1);

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
	int color = get_work_color(&target.work);
	int expected = pwq->work_color;
	int in_flight = pwq->nr_in_flight[color];
	raw_spin_unlock_irq(&pwq->pool->lock);

	CHECK(color == expected);
	CHECK(color != WORK_NO_COLOR);
	CHECK(in_flight == 2); /* the running blocker and the delayed target */

	complete(&blk.release);
	CHECK(wait_done(&target.done));
	destroy_workqueue(wq);
}
