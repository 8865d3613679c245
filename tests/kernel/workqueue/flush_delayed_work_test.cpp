// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: flush_delayed_work() (Linux v5.9)

#include "wq_fixtures.h"

namespace {

std::atomic<int> fdw_runs{ 0 };

void fdw_fn(struct work_struct *)
{
	fdw_runs++;
}

} // namespace

TEST_CASE("flush_delayed_work runs a far timer's work now and waits for it",
	  "[ch:flush_delayed_work]")
{
	struct delayed_work dw;

	fdw_runs = 0;
	INIT_DELAYED_WORK(&dw, fdw_fn);
	CHECK_FALSE(flush_delayed_work(&dw));
	REQUIRE(queue_delayed_work_on(0, system_wq, &dw, 10 * HZ * 1000));
	/* whether it "waited" races with the worker; that the run happened does not */
	flush_delayed_work(&dw);
	CHECK(fdw_runs == 1);
	CHECK_FALSE(timer_pending(&dw.timer));
	CHECK_FALSE(delayed_work_pending(&dw));
}
