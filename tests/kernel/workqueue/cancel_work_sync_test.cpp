// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: cancel_work_sync() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

namespace {

/* Requeues itself until cancelled; counts its runs. */
struct requeuer {
	struct work_struct work;
	std::atomic<int> runs{ 0 };
	struct completion ran;
};

void requeuer_fn(struct work_struct *work)
{
	struct requeuer *r = container_of(work, struct requeuer, work);

	r->runs++;
	complete(&r->ran);
	queue_work(system_wq, work);
}

} // namespace

TEST_CASE("cancel_work_sync takes a queued work off and returns true", "[ch:cancel_work_sync]")
{
	auto blocker = std::make_unique<gated_work>();
	struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("cws_queued", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	counting_work_init(&cw);
	CHECK_FALSE(cancel_work_sync(&cw.work));
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));
	REQUIRE(queue_work_on(0, wq, &cw.work));
	CHECK(cancel_work_sync(&cw.work));
	CHECK_FALSE(work_pending(&cw.work));
	complete_all(&blocker->gate);
	flush_workqueue(wq);
	CHECK(cw.runs == 0);
	destroy_workqueue(wq);
}

TEST_CASE("cancel_work_sync waits for the running work and stops one that requeues itself",
	  "[ch:cancel_work_sync]")
{
	auto r = std::make_unique<requeuer>();

	INIT_WORK(&r->work, requeuer_fn);
	init_completion(&r->ran);
	REQUIRE(queue_work(system_wq, &r->work));
	REQUIRE(wait_done(&r->ran));
	cancel_work_sync(&r->work);
	int runs = r->runs;
	CHECK_FALSE(work_pending(&r->work));
	CHECK(current_work() != &r->work);
	flush_workqueue(system_wq);
	CHECK(r->runs == runs);
	CHECK_FALSE(work_is_canceling(&r->work));
}

TEST_CASE("cancel_work_sync waits until a running work has returned", "[ch:cancel_work_sync]")
{
	auto g = std::make_unique<gated_work>();

	gated_work_init(g.get());
	REQUIRE(queue_work(system_wq, &g->work));
	REQUIRE(wait_done(&g->started));
	complete_all(&g->gate);
	CHECK_FALSE(cancel_work_sync(&g->work));
	CHECK(g->finished == 1);
}
