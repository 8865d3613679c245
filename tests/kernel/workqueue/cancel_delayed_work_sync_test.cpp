// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: cancel_delayed_work_sync() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

namespace {

/* A driver's poller: rearms itself every jiffy until torn down. */
struct poller {
	struct delayed_work dwork;
	std::atomic<int> polls{ 0 };
	struct completion polled;
};

void poller_fn(struct work_struct *work)
{
	struct poller *p = container_of(to_delayed_work(work), struct poller, dwork);

	p->polls++;
	complete(&p->polled);
	queue_delayed_work(system_wq, &p->dwork, 1);
}

} // namespace

TEST_CASE("cancel_delayed_work_sync stops a self-rearming poller for good",
	  "[ch:cancel_delayed_work_sync]")
{
	auto p = std::make_unique<poller>();

	INIT_DELAYED_WORK(&p->dwork, poller_fn);
	init_completion(&p->polled);
	REQUIRE(queue_delayed_work(system_wq, &p->dwork, 1));
	REQUIRE(wait_done(&p->polled));
	REQUIRE(wait_done(&p->polled));
	cancel_delayed_work_sync(&p->dwork);
	int polls = p->polls;
	CHECK_FALSE(delayed_work_pending(&p->dwork));
	CHECK_FALSE(timer_pending(&p->dwork.timer));
	flush_workqueue(system_wq);
	CHECK(p->polls == polls);
}

TEST_CASE("cancel_delayed_work_sync on an armed timer returns true and nothing runs",
	  "[ch:cancel_delayed_work_sync]")
{
	auto p = std::make_unique<poller>();

	INIT_DELAYED_WORK(&p->dwork, poller_fn);
	init_completion(&p->polled);
	REQUIRE(queue_delayed_work(system_wq, &p->dwork, 10 * HZ * 1000));
	CHECK(cancel_delayed_work_sync(&p->dwork));
	CHECK_FALSE(cancel_delayed_work_sync(&p->dwork));
	CHECK(p->polls == 0);
}
