// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: __cancel_work() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

namespace {

/* A kthread that runs cancel_work_sync() on @c work and records its result. */
struct sync_canceller {
	struct work_struct *work;
	std::atomic<int> ret{ -1 };
	struct completion done;
};

int sync_canceller_fn(void *data)
{
	struct sync_canceller *c = (struct sync_canceller *)data;

	c->ret = cancel_work_sync(c->work);
	complete(&c->done);
	return 0;
}

void start_sync_canceller(struct sync_canceller *c, struct work_struct *work)
{
	struct task_struct *t;

	c->work = work;
	init_completion(&c->done);
	t = kthread_create(sync_canceller_fn, c, "cw_canceller");
	REQUIRE(!IS_ERR(t));
	wake_up_process(t);
}

void noop_fn(struct work_struct *) {}

} // namespace

TEST_CASE("__cancel_work takes a queued work off, keeps its pool id, and returns true", "[ch:__cancel_work]")
{
	auto blocker = std::make_unique<gated_work>();
	struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("cw_queued", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	counting_work_init(&cw);
	/* never queued: nothing to take */
	CHECK_FALSE(__cancel_work(&cw.work, false));
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));
	REQUIRE(queue_work_on(0, wq, &cw.work));
	int pool_id = per_cpu_ptr(wq->cpu_pwqs, 0)->pool->id;

	CHECK(__cancel_work(&cw.work, false));
	CHECK_FALSE(work_pending(&cw.work));
	/* off queue, the data still names the pool it was last on, not CANCELING */
	CHECK(get_work_pool_id(&cw.work) == pool_id);
	CHECK_FALSE(work_is_canceling(&cw.work));
	CHECK_FALSE(__cancel_work(&cw.work, false));
	complete_all(&blocker->gate);
	flush_workqueue(wq);
	CHECK(cw.runs == 0);
	destroy_workqueue(wq);
}

TEST_CASE("__cancel_work does not wait for a run in progress", "[ch:__cancel_work]")
{
	auto g = std::make_unique<gated_work>();
	struct workqueue_struct *wq = alloc_workqueue("cw_running", 0, 0);

	REQUIRE(wq);
	gated_work_init(g.get());
	REQUIRE(queue_work(wq, &g->work));
	REQUIRE(wait_done(&g->started));
	/* running, not pending: nothing to cancel, and it returns at once */
	CHECK_FALSE(__cancel_work(&g->work, false));
	CHECK(g->finished == 0);

	/* requeued while it runs: the queued instance goes, the run goes on */
	REQUIRE(queue_work(wq, &g->work));
	CHECK(__cancel_work(&g->work, false));
	CHECK(g->finished == 0);
	complete_all(&g->gate);
	flush_workqueue(wq);
	CHECK(g->finished == 1);
	destroy_workqueue(wq);
}

TEST_CASE("__cancel_work of a delayed work disarms its timer", "[ch:__cancel_work]")
{
	struct delayed_work dw;

	INIT_DELAYED_WORK(&dw, noop_fn);
	REQUIRE(queue_delayed_work(system_wq, &dw, 1000UL * HZ));
	REQUIRE(timer_pending(&dw.timer));
	CHECK(__cancel_work(&dw.work, true));
	CHECK_FALSE(timer_pending(&dw.timer));
	CHECK_FALSE(delayed_work_pending(&dw));
}

TEST_CASE("__cancel_work leaves a work that another task is cancelling to that task",
	  "[ch:__cancel_work]")
{
	auto g = std::make_unique<gated_work>();
	auto c = std::make_unique<sync_canceller>();
	struct workqueue_struct *wq = alloc_workqueue("cw_canceling", 0, 0);

	REQUIRE(wq);
	gated_work_init(g.get());
	REQUIRE(queue_work(wq, &g->work));
	REQUIRE(wait_done(&g->started));
	start_sync_canceller(c.get(), &g->work);
	/* the canceller marks it CANCELING and waits for the run */
	REQUIRE(wait_until([&] { return work_is_canceling(&g->work); }));
	/* -ENOENT from the grab: false at once, no spinning, no waiting */
	CHECK_FALSE(__cancel_work(&g->work, false));
	CHECK(work_is_canceling(&g->work));
	CHECK_FALSE(completion_done(&c->done));
	complete_all(&g->gate);
	CHECK(wait_done(&c->done));
	CHECK(c->ret == 0);
	CHECK_FALSE(work_is_canceling(&g->work));
	destroy_workqueue(wq);
}
