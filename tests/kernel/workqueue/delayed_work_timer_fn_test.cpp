// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: delayed_work_timer_fn() (Linux v5.9)

#include "wq_fixtures.h"
#include "kernel/workqueue/dwork_fixtures.h"

#include <memory>

TEST_CASE("INIT_DELAYED_WORK gives the timer delayed_work_timer_fn, unarmed",
	  "[ch:delayed_work_timer_fn]")
{
	struct done_dwork d;

	INIT_DELAYED_WORK(&d.dwork, done_dwork_fn);
	CHECK(d.dwork.timer.function == delayed_work_timer_fn);
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	CHECK_FALSE(delayed_work_pending(&d.dwork));
}

TEST_CASE("delayed_work_timer_fn queues the work on the wq and CPU saved in it",
	  "[ch:delayed_work_timer_fn]")
{
	auto blocker = std::make_unique<gated_work>();
	struct done_dwork d;
	unsigned long flags;
	struct workqueue_struct *wq = alloc_workqueue("dwtf_direct", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	INIT_DELAYED_WORK(&d.dwork, done_dwork_fn);
	init_completion(&d.done);
	/* max_active 1 and a running blocker on CPU 0: the item stays where it lands */
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));

	/* what an armed timer holds: PENDING, the wq and the CPU; then it fires */
	REQUIRE_FALSE(test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&d.dwork.work)));
	d.dwork.wq = wq;
	d.dwork.cpu = 0;
	local_irq_save(flags);
	delayed_work_timer_fn(&d.dwork.timer);
	local_irq_restore(flags);

	CHECK(get_work_pwq(&d.dwork.work) == per_cpu_ptr(wq->cpu_pwqs, 0));
	CHECK(delayed_work_pending(&d.dwork));
	CHECK(d.runs == 0);
	complete_all(&blocker->gate);
	CHECK(wait_done(&d.done));
	flush_workqueue(wq);
	CHECK(d.runs == 1);
	CHECK_FALSE(delayed_work_pending(&d.dwork));
	destroy_workqueue(wq);
}

TEST_CASE("an armed timer fires delayed_work_timer_fn, which queues the work once",
	  "[ch:delayed_work_timer_fn]")
{
	struct done_dwork d;
	struct workqueue_struct *wq = alloc_workqueue("dwtf_timer", 0, 0);

	REQUIRE(wq);
	INIT_DELAYED_WORK(&d.dwork, done_dwork_fn);
	init_completion(&d.done);
	REQUIRE(queue_delayed_work_on(0, wq, &d.dwork, 2));
	CHECK(wait_done(&d.done));
	flush_workqueue(wq);
	CHECK(d.runs == 1);
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	CHECK_FALSE(delayed_work_pending(&d.dwork));
	destroy_workqueue(wq);
}
