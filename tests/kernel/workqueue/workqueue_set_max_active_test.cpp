// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/workqueue_set_max_active.cpp: changing the limit of a live workqueue.

#include <catch2/catch.hpp>
#include "wq_fixtures.h"

TEST_CASE("workqueue_set_max_active raised starts a delayed work while the first still runs",
	  "[ch:workqueue_set_max_active]")
{
	static struct blocker b;
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("wsma_raise", 0, 1);
	bool ran_early;

	REQUIRE(wq);
	INIT_WORK(&b.work, blocker_fn);
	init_completion(&b.started);
	init_completion(&b.release);
	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));
	REQUIRE(queue_work_on(0, wq, &cw.work)); /* delayed: max_active is 1 */

	workqueue_set_max_active(wq, 2);
	ran_early = wait_done(&cw.done);
	complete(&b.release);

	CHECK(ran_early);
	CHECK(wq->saved_max_active == 2);
	CHECK(per_cpu_ptr(wq->cpu_pwqs, 0)->max_active == 2);
	flush_workqueue(wq);
	destroy_workqueue(wq);
}

TEST_CASE("workqueue_set_max_active clamps out-of-range values with a warning", "[ch:workqueue_set_max_active]")
{
	struct workqueue_struct *wq = alloc_workqueue("wsma_clamp", 0, 4);

	REQUIRE(wq);
	printk_log_clear();
	workqueue_set_max_active(wq, 0);
	CHECK(wq->saved_max_active == 1);
	workqueue_set_max_active(wq, 100000);
	CHECK(wq->saved_max_active == WQ_MAX_ACTIVE);
	CHECK(per_cpu_ptr(wq->cpu_pwqs, 0)->max_active == WQ_MAX_ACTIVE);
	CHECK(kernel_log().find("requested for wsma_clamp is out of range") != std::string::npos);
	destroy_workqueue(wq);
}

TEST_CASE("workqueue_set_max_active refuses an explicitly ordered workqueue", "[ch:workqueue_set_max_active]")
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("wsma_ordered", 0);
	unsigned long w0;

	REQUIRE(wq);
	w0 = warns();
	workqueue_set_max_active(wq, 8);
	CHECK(warns() == w0 + 1);
	CHECK(log_has(
		"workqueue_set_max_active: \"wsma_ordered\" is ordered; its max_active stays 1"));
	mutex_lock(&wq->mutex);
	CHECK(wq->saved_max_active == 1);
	CHECK((wq->flags & __WQ_ORDERED));
	CHECK(wq->dfl_pwq->max_active == 1);
	mutex_unlock(&wq->mutex);
	destroy_workqueue(wq);
}

TEST_CASE("workqueue_set_max_active drops an implicit ordering", "[ch:workqueue_set_max_active]")
{
	/* unbound with max_active 1: alloc_workqueue() marks it ordered by itself */
	struct workqueue_struct *wq = alloc_workqueue("wsma_implicit", WQ_UNBOUND, 1);

	REQUIRE(wq);
	CHECK((READ_ONCE(wq->flags) & __WQ_ORDERED));
	workqueue_set_max_active(wq, 3);
	CHECK_FALSE((wq->flags & __WQ_ORDERED));
	CHECK(wq->saved_max_active == 3);
	destroy_workqueue(wq);
}
