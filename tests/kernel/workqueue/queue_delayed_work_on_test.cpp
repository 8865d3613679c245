// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: queue_delayed_work_on() (Linux v5.9)

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

void done_dwork_init(struct done_dwork *d)
{
	INIT_DELAYED_WORK(&d->dwork, done_dwork_fn);
	init_completion(&d->done);
}

} // namespace

TEST_CASE("queue_delayed_work_on arms the timer, runs the work once, refuses a pending one",
	  "[ch:queue_delayed_work_on]")
{
	struct done_dwork d;

	done_dwork_init(&d);
	CHECK(queue_delayed_work_on(0, system_wq, &d.dwork, 5));
	CHECK(delayed_work_pending(&d.dwork));
	CHECK_FALSE(queue_delayed_work_on(0, system_wq, &d.dwork, 5));
	CHECK_FALSE(queue_work(system_wq, &d.dwork.work));
	CHECK(wait_done(&d.done));
	flush_delayed_work(&d.dwork);
	CHECK(d.runs == 1);
	CHECK(d.dwork.cpu == 0);
	CHECK(d.dwork.wq == system_wq);
	CHECK_FALSE(delayed_work_pending(&d.dwork));
}

TEST_CASE("queue_delayed_work_on with delay 0 queues at once, without the timer",
	  "[ch:queue_delayed_work_on]")
{
	struct done_dwork d;

	done_dwork_init(&d);
	CHECK(queue_delayed_work(system_wq, &d.dwork, 0));
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	CHECK(wait_done(&d.done));
	flush_work(&d.dwork.work);
	CHECK(d.runs == 1);
}

TEST_CASE("DECLARE_DELAYED_WORK makes a delayed work that schedule_delayed_work runs",
	  "[ch:queue_delayed_work_on]")
{
	static std::atomic<int> runs{ 0 };
	static DECLARE_DELAYED_WORK(sdw, [](struct work_struct *) { runs++; });

	CHECK(schedule_delayed_work(&sdw, 10 * HZ * 1000));
	/* its return value races with the worker: it may have run already */
	flush_delayed_work(&sdw);
	CHECK(runs == 1);
	CHECK(schedule_delayed_work_on(0, &sdw, 0));
	flush_delayed_work(&sdw);
	CHECK(runs == 2);
}
