// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/start_flush_work.cpp: finding the target, placing the barrier.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

struct blocker {
	struct work_struct work;
	struct completion started;
	struct completion release;
	std::atomic<int> finished{ 0 };
};

void blocker_fn(struct work_struct *work)
{
	struct blocker *b = container_of(work, struct blocker, work);

	complete(&b->started);
	wait_for_completion_timeout(&b->release, msecs_to_jiffies(TEST_WAIT_MS));
	msleep(10);
	b->finished.store(1);
}

void blocker_init(struct blocker *b)
{
	INIT_WORK(&b->work, blocker_fn);
	init_completion(&b->started);
	init_completion(&b->release);
	b->finished.store(0);
}

} // namespace

TEST_CASE("start_flush_work finds nothing to wait for in a work that was never queued",
	  "[ch:start_flush_work]")
{
	static struct counting_work cw;
	static struct wq_barrier barr;

	counting_work_init(&cw);
	CHECK_FALSE(start_flush_work(&cw.work, &barr, false));
}

TEST_CASE("start_flush_work finds nothing to wait for in a work that already ran", "[ch:start_flush_work]")
{
	static struct counting_work cw;
	static struct wq_barrier barr;
	struct workqueue_struct *wq = alloc_workqueue("sfw_ran", 0, 0);

	REQUIRE(wq);
	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &cw.work));
	flush_workqueue(wq);
	REQUIRE(cw.runs.load() == 1);
	/* off queue now: the data holds a pool id, and no worker of that pool runs it */
	CHECK_FALSE(start_flush_work(&cw.work, &barr, false));
	destroy_workqueue(wq);
}

TEST_CASE("start_flush_work places a barrier behind a queued work", "[ch:start_flush_work]")
{
	static struct blocker b;
	static struct counting_work cw;
	static struct wq_barrier barr;
	struct workqueue_struct *wq = alloc_workqueue("sfw_queued", 0, 1);
	bool inserted;

	REQUIRE(wq);
	blocker_init(&b);
	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));
	REQUIRE(queue_work_on(0, wq, &cw.work)); /* held back by max_active 1 */

	inserted = start_flush_work(&cw.work, &barr, false);
	complete(&b.release);
	REQUIRE(inserted);
	REQUIRE(wait_done(&barr.done));
	CHECK(cw.runs.load() == 1);
	destroy_work_on_stack(&barr.work);
	destroy_workqueue(wq);
}

TEST_CASE("start_flush_work places a barrier behind a running work", "[ch:start_flush_work]")
{
	static struct blocker b;
	static struct wq_barrier barr;
	struct workqueue_struct *wq = alloc_workqueue("sfw_running", 0, 0);
	bool inserted;

	REQUIRE(wq);
	blocker_init(&b);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));

	inserted = start_flush_work(&b.work, &barr, false);
	complete(&b.release);
	REQUIRE(inserted);
	REQUIRE(wait_done(&barr.done));
	CHECK(b.finished.load() == 1);
	destroy_work_on_stack(&barr.work);
	destroy_workqueue(wq);
}
