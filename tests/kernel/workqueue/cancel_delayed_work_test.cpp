// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: cancel_delayed_work() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

namespace {

std::atomic<int> cdw_runs{ 0 };

void cdw_fn(struct work_struct *)
{
	cdw_runs++;
}

} // namespace

TEST_CASE("cancel_delayed_work disarms a pending timer; the work never runs",
	  "[ch:cancel_delayed_work]")
{
	struct delayed_work dw;

	cdw_runs = 0;
	INIT_DELAYED_WORK(&dw, cdw_fn);
	CHECK_FALSE(cancel_delayed_work(&dw));
	REQUIRE(queue_delayed_work(system_wq, &dw, 10 * HZ * 1000));
	CHECK(cancel_delayed_work(&dw));
	CHECK_FALSE(delayed_work_pending(&dw));
	CHECK_FALSE(timer_pending(&dw.timer));
	CHECK_FALSE(cancel_delayed_work(&dw));
	/* it can be queued again at once */
	CHECK(queue_delayed_work(system_wq, &dw, 0));
	flush_delayed_work(&dw);
	CHECK(cdw_runs == 1);
}

TEST_CASE("cancel_delayed_work takes a queued work off its worklist", "[ch:cancel_delayed_work]")
{
	auto blocker = std::make_unique<gated_work>();
	struct delayed_work dw;
	struct workqueue_struct *wq = alloc_workqueue("cdw_steal", 0, 1);

	REQUIRE(wq);
	cdw_runs = 0;
	gated_work_init(blocker.get());
	INIT_DELAYED_WORK(&dw, cdw_fn);
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));
	REQUIRE(queue_delayed_work_on(0, wq, &dw, 0));
	CHECK(cancel_delayed_work(&dw));
	complete_all(&blocker->gate);
	flush_workqueue(wq);
	CHECK(cdw_runs == 0);
	destroy_workqueue(wq);
}
