// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: mod_delayed_work_on() (Linux v5.9)

#include "wq_fixtures.h"

namespace {

struct done_dwork {
	struct delayed_work dwork;
	std::atomic<int> runs{ 0 };
	struct completion done;
};

void done_dwork_fn(struct work_struct *work)
{
	struct done_dwork *d = container_of(to_delayed_work(work), struct done_dwork, dwork);

	d->runs++;
	complete(&d->done);
}

} // namespace

TEST_CASE("mod_delayed_work_on pulls a far timer in and returns true", "[ch:mod_delayed_work_on]")
{
	struct done_dwork d;

	INIT_DELAYED_WORK(&d.dwork, done_dwork_fn);
	init_completion(&d.done);
	REQUIRE(queue_delayed_work(system_wq, &d.dwork, 10 * HZ * 1000));
	CHECK(mod_delayed_work(system_wq, &d.dwork, 0));
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	CHECK(wait_done(&d.done));
	flush_work(&d.dwork.work);
	CHECK(d.runs == 1);
}

TEST_CASE("mod_delayed_work_on on an idle work queues it and returns false",
	  "[ch:mod_delayed_work_on]")
{
	struct done_dwork d;

	INIT_DELAYED_WORK(&d.dwork, done_dwork_fn);
	init_completion(&d.done);
	CHECK_FALSE(mod_delayed_work_on(0, system_wq, &d.dwork, 1));
	CHECK(delayed_work_pending(&d.dwork));
	CHECK(wait_done(&d.done));
	flush_delayed_work(&d.dwork);
	CHECK(d.runs == 1);
	/* and pushes a near timer out: re-armed far, then cancelled, it never runs again */
	CHECK_FALSE(mod_delayed_work(system_wq, &d.dwork, 1));
	CHECK(mod_delayed_work(system_wq, &d.dwork, 10 * HZ * 1000));
	CHECK(timer_pending(&d.dwork.timer));
	CHECK(cancel_delayed_work_sync(&d.dwork));
	CHECK(d.runs == 1);
}
