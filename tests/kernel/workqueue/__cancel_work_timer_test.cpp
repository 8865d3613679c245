// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: __cancel_work_timer() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

namespace {

/* A kthread that runs __cancel_work_timer() on @c work and records its result. */
struct timer_canceller {
	struct work_struct *work;
	bool is_dwork;
	struct task_struct *task;
	std::atomic<bool> started{ false };
	std::atomic<int> ret{ -1 };
	struct completion done;
};

/* Is @p c's kthread asleep inside the cancel (not before it started)? */
bool sleeping_in_cancel(struct timer_canceller *c)
{
	return c->started &&
	       __atomic_load_n(&c->task->state, __ATOMIC_ACQUIRE) == TASK_UNINTERRUPTIBLE;
}

int timer_canceller_fn(void *data)
{
	struct timer_canceller *c = (struct timer_canceller *)data;

	c->started = true;
	c->ret = __cancel_work_timer(c->work, c->is_dwork);
	complete(&c->done);
	return 0;
}

void start_timer_canceller(struct timer_canceller *c, struct work_struct *work, bool is_dwork)
{
	struct task_struct *t;

	c->work = work;
	c->is_dwork = is_dwork;
	init_completion(&c->done);
	t = kthread_create(timer_canceller_fn, c, "cwt_canceller");
	REQUIRE(!IS_ERR(t));
	get_task_struct(t); /* dropped by stop_timer_canceller() */
	c->task = t;
	wake_up_process(t);
}

/* Drop the reference; @p c's kthread has returned or will without touching its task. */
void stop_timer_canceller(struct timer_canceller *c)
{
	put_task_struct(c->task);
}

void noop_fn(struct work_struct *) {}

} // namespace

TEST_CASE("__cancel_work_timer marks the work CANCELING while it waits; nobody can queue it",
	  "[ch:__cancel_work_timer]")
{
	auto g = std::make_unique<gated_work>();
	auto c = std::make_unique<timer_canceller>();
	struct workqueue_struct *wq = alloc_workqueue("cwt_marks", 0, 0);

	REQUIRE(wq);
	gated_work_init(g.get());
	REQUIRE(queue_work(wq, &g->work));
	REQUIRE(wait_done(&g->started));
	start_timer_canceller(c.get(), &g->work, false);
	REQUIRE(wait_until([&] { return work_is_canceling(&g->work); }));
	/* PENDING is held by the canceller: a queue attempt fails */
	CHECK(work_pending(&g->work));
	CHECK_FALSE(queue_work(wq, &g->work));
	/* the run is not over, so neither is the cancel */
	CHECK_FALSE(completion_done(&c->done));
	complete_all(&g->gate);
	REQUIRE(wait_done(&c->done));
	CHECK(c->ret == 0);
	CHECK(g->finished == 1);
	/* cleared: not pending, not canceling, no pool */
	CHECK_FALSE(work_pending(&g->work));
	CHECK_FALSE(work_is_canceling(&g->work));
	CHECK(get_work_pool_id(&g->work) == WORK_OFFQ_POOL_NONE);
	/* and the item can be queued again */
	CHECK(queue_work(wq, &g->work));
	flush_workqueue(wq);
	CHECK(g->finished == 2);
	stop_timer_canceller(c.get());
	destroy_workqueue(wq);
}

TEST_CASE("__cancel_work_timer returns true for a queued work and false for an idle one",
	  "[ch:__cancel_work_timer]")
{
	auto blocker = std::make_unique<gated_work>();
	struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("cwt_queued", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	counting_work_init(&cw);
	CHECK_FALSE(__cancel_work_timer(&cw.work, false));
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));
	REQUIRE(queue_work_on(0, wq, &cw.work));
	CHECK(__cancel_work_timer(&cw.work, false));
	CHECK(get_work_pool_id(&cw.work) == WORK_OFFQ_POOL_NONE);
	CHECK_FALSE(__cancel_work_timer(&cw.work, false));
	complete_all(&blocker->gate);
	flush_workqueue(wq);
	CHECK(cw.runs == 0);
	destroy_workqueue(wq);
}

TEST_CASE("__cancel_work_timer with is_dwork steals an armed timer", "[ch:__cancel_work_timer]")
{
	struct delayed_work dw;

	INIT_DELAYED_WORK(&dw, noop_fn);
	REQUIRE(queue_delayed_work(system_wq, &dw, 1000UL * HZ));
	CHECK(__cancel_work_timer(&dw.work, true));
	CHECK_FALSE(timer_pending(&dw.timer));
	CHECK_FALSE(delayed_work_pending(&dw));
}

TEST_CASE("a second __cancel_work_timer of the same work waits for the first to finish",
	  "[ch:__cancel_work_timer]")
{
	auto g = std::make_unique<gated_work>();
	auto a = std::make_unique<timer_canceller>();
	auto b = std::make_unique<timer_canceller>();
	struct workqueue_struct *wq = alloc_workqueue("cwt_second", 0, 0);

	REQUIRE(wq);
	gated_work_init(g.get());
	REQUIRE(queue_work(wq, &g->work));
	REQUIRE(wait_done(&g->started));
	start_timer_canceller(a.get(), &g->work, false);
	REQUIRE(wait_until([&] { return work_is_canceling(&g->work); }));
	/* the second finds CANCELING (-ENOENT) and sleeps on the cancel wait queue */
	start_timer_canceller(b.get(), &g->work, false);
	CHECK(wait_until([&] { return sleeping_in_cancel(b.get()); }));
	CHECK_FALSE(completion_done(&a->done));
	CHECK_FALSE(completion_done(&b->done));
	complete_all(&g->gate);
	bool done_a = wait_done(&a->done);
	bool done_b = wait_done(&b->done);
	CHECK(done_a);
	CHECK(done_b);
	/* neither found it pending: it was running, and nobody requeued it */
	CHECK(a->ret == 0);
	CHECK(b->ret == 0);
	CHECK_FALSE(work_is_canceling(&g->work));
	CHECK(g->finished == 1);
	stop_timer_canceller(a.get());
	stop_timer_canceller(b.get());
	destroy_workqueue(wq);
}
