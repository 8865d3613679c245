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

namespace {

struct fdw_item {
	struct delayed_work dwork;
	std::atomic<int> runs{ 0 };
	std::atomic<struct workqueue_struct *> ran_on{ nullptr };
};

void fdw_item_fn(struct work_struct *work)
{
	struct fdw_item *it = container_of(to_delayed_work(work), struct fdw_item, dwork);
	struct worker *worker = current_wq_worker();

	it->ran_on = worker && worker->current_pwq ? worker->current_pwq->wq : nullptr;
	it->runs++;
}

} // namespace

TEST_CASE("flush_delayed_work on a pending timer runs it now on the wq it was queued on",
	  "[ch:flush_delayed_work]")
{
	struct fdw_item it;
	struct workqueue_struct *wq = alloc_workqueue("fdw_now", 0, 0);
	const unsigned long delay = 1000 * HZ;

	REQUIRE(wq);
	INIT_DELAYED_WORK(&it.dwork, fdw_item_fn);
	unsigned long start = jiffies;
	REQUIRE(queue_delayed_work_on(0, wq, &it.dwork, delay));
	REQUIRE(timer_pending(&it.dwork.timer));
	flush_delayed_work(&it.dwork);
	/* it ran before returning, long before its timer was due */
	CHECK(it.runs == 1);
	CHECK(it.ran_on.load() == wq);
	CHECK(time_before(jiffies, start + delay));
	CHECK_FALSE(timer_pending(&it.dwork.timer));
	/* the disarmed timer does not fire later: flushing again finds it idle */
	CHECK_FALSE(flush_delayed_work(&it.dwork));
	CHECK(it.runs == 1);
	destroy_workqueue(wq);
}

TEST_CASE("flush_delayed_work on a timer that fired waits for the queued run and returns true",
	  "[ch:flush_delayed_work]")
{
	static struct gate g;
	static struct fdw_item it;
	struct workqueue_struct *wq = alloc_workqueue("fdw_queued", 0, 1);

	REQUIRE(wq);
	INIT_DELAYED_WORK(&it.dwork, fdw_item_fn);
	it.runs = 0;
	INIT_WORK(&g.work, gate_fn);
	g.target = &it.dwork.work;
	/* max_active 1: once its timer fires, the item waits behind the gate */
	REQUIRE(queue_work_on(0, wq, &g.work));
	REQUIRE(queue_delayed_work_on(0, wq, &it.dwork, 1));
	REQUIRE(wait_until([] { return !timer_pending(&it.dwork.timer); }));
	CHECK(flush_delayed_work(&it.dwork));
	CHECK(it.runs == 1);
	destroy_workqueue(wq);
}
