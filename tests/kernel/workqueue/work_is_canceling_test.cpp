// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: work_is_canceling() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

TEST_CASE("work_is_canceling is false for an idle item and true while marked",
	  "[ch:work_is_canceling]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	CHECK_FALSE(work_is_canceling(&cw.work));
	REQUIRE(try_to_grab_pending(&cw.work, false, &flags) == 0);
	CHECK_FALSE(work_is_canceling(&cw.work)); /* owned is not cancelling */
	mark_work_canceling(&cw.work);
	CHECK(work_is_canceling(&cw.work));
	clear_work_data(&cw.work);
	CHECK_FALSE(work_is_canceling(&cw.work));
}

TEST_CASE("work_is_canceling ignores the color bit of a queued item", "[ch:work_is_canceling]")
{
	auto blocker = std::make_unique<gated_work>();
	struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("wic_color", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	counting_work_init(&cw);
	/* a flush of the idle workqueue moves its work color from 0 to 1 */
	flush_workqueue(wq);
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));
	REQUIRE(queue_work_on(0, wq, &cw.work));
	REQUIRE(get_work_pwq(&cw.work));
	/* color 1 sets the bit that means CANCELING off queue */
	CHECK(get_work_color(&cw.work) == 1);
	CHECK((atomic_long_read(&cw.work.data) & WORK_OFFQ_CANCELING));
	CHECK_FALSE(work_is_canceling(&cw.work));

	complete_all(&blocker->gate);
	flush_workqueue(wq);
	destroy_workqueue(wq);
	CHECK(cw.runs == 1);
}
