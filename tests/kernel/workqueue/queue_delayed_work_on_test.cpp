// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: queue_delayed_work_on() (Linux v5.9)

#include "wq_fixtures.h"
#include "kernel/workqueue/dwork_fixtures.h"

#include <memory>

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
	auto blocker = std::make_unique<gated_work>();
	struct done_dwork d;
	struct workqueue_struct *wq = alloc_workqueue("qdwo_now", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	done_dwork_init(&d);
	/* max_active 1 and a running blocker: the item stays where it is put */
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));

	CHECK(queue_delayed_work_on(0, wq, &d.dwork, 0));
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	CHECK(get_work_pwq(&d.dwork.work) == per_cpu_ptr(wq->cpu_pwqs, 0));
	CHECK_FALSE(queue_delayed_work_on(0, wq, &d.dwork, 0)); /* pending on the list */

	complete_all(&blocker->gate);
	CHECK(wait_done(&d.done));
	flush_workqueue(wq);
	CHECK(d.runs == 1);
	destroy_workqueue(wq);
}

#ifdef CMWQ_ARCH_SIM
/* Under the sim the clock is virtual: it jumps when every task waits. */
TEST_CASE("queue_delayed_work_on with a minute of delay runs it no earlier, at no cost",
	  "[ch:queue_delayed_work_on]")
{
	struct done_dwork d;
	const unsigned long delay = 60 * HZ;

	done_dwork_init(&d);
	unsigned long start = jiffies;
	REQUIRE(queue_delayed_work_on(0, system_wq, &d.dwork, delay));
	CHECK(wait_for_completion_timeout(&d.done, delay + msecs_to_jiffies(TEST_WAIT_MS)) != 0);
	flush_delayed_work(&d.dwork);
	CHECK(d.runs == 1);
	CHECK_FALSE(time_before(d.ran_at.load(), start + delay));
}
#endif

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
