// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: cancel_work_sync() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

namespace {

/*
 * Requeues itself until cancelled; counts its runs.  Every other run sleeps
 * a millisecond first: a worker that never sleeps would keep the sim's
 * virtual time from passing (and starve the test under its PCT strategy).
 */
struct requeuer {
	struct work_struct work;
	std::atomic<int> runs{ 0 };
	struct completion ran;
};

void requeuer_fn(struct work_struct *work)
{
	struct requeuer *r = container_of(work, struct requeuer, work);

	if (r->runs++ % 2)
		msleep(1);
	complete(&r->ran);
	queue_work(system_wq, work);
}

/* Requeues itself once, then cancels itself from its own function (a misuse). */
struct self_canceller {
	struct work_struct work;
	struct workqueue_struct *wq;
	std::atomic<int> runs{ 0 };
	std::atomic<int> requeued{ -1 };
	std::atomic<int> ret{ -1 };
	std::atomic<bool> pending_after{ true };
	struct completion done;
};

void self_canceller_fn(struct work_struct *work)
{
	struct self_canceller *s = container_of(work, struct self_canceller, work);

	s->runs++;
	s->requeued = queue_work(s->wq, work);
	s->ret = cancel_work_sync(work);
	s->pending_after = work_pending(work);
	complete(&s->done);
}

/* The same for a delayed work: it rearms its timer, then cancels itself. */
struct self_dcanceller {
	struct delayed_work dwork;
	std::atomic<int> runs{ 0 };
	std::atomic<int> ret{ -1 };
	std::atomic<bool> timer_after{ true };
	struct completion done;
};

void self_dcanceller_fn(struct work_struct *work)
{
	struct self_dcanceller *s =
		container_of(to_delayed_work(work), struct self_dcanceller, dwork);

	s->runs++;
	queue_delayed_work(system_wq, &s->dwork, 1000UL * HZ);
	s->ret = cancel_delayed_work_sync(&s->dwork);
	s->timer_after = timer_pending(&s->dwork.timer);
	complete(&s->done);
}

/* A kthread that runs cancel_work_sync() and records when it returned. */
struct sync_canceller {
	struct work_struct *work;
	std::atomic<int> ret{ -1 };
	std::atomic<int> finished_at_return{ -1 };
	std::atomic<int> *finished;
	struct completion done;
};

int sync_canceller_fn(void *data)
{
	struct sync_canceller *c = (struct sync_canceller *)data;

	c->ret = cancel_work_sync(c->work);
	c->finished_at_return = c->finished->load();
	complete(&c->done);
	return 0;
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
	auto c = std::make_unique<sync_canceller>();
	struct task_struct *t;

	gated_work_init(g.get());
	REQUIRE(queue_work(system_wq, &g->work));
	REQUIRE(wait_done(&g->started));
	c->work = &g->work;
	c->finished = &g->finished;
	init_completion(&c->done);
	t = kthread_create(sync_canceller_fn, c.get(), "cws_canceller");
	REQUIRE(!IS_ERR(t));
	wake_up_process(t);
	/* the canceller has grabbed it and now waits for the run */
	REQUIRE(wait_until([&] { return work_is_canceling(&g->work); }));
	CHECK_FALSE(completion_done(&c->done));
	complete_all(&g->gate);
	REQUIRE(wait_done(&c->done));
	CHECK(c->ret == 0);
	/* when it returned, the run had finished */
	CHECK(c->finished_at_return == 1);
}

TEST_CASE("a work that cancel_work_syncs itself gets one diagnostic, not a hang",
	  "[ch:cancel_work_sync]")
{
	auto s = std::make_unique<self_canceller>();
	unsigned long w0 = warns();

	s->wq = alloc_workqueue("cws_self", 0, 0);
	REQUIRE(s->wq);
	INIT_WORK(&s->work, self_canceller_fn);
	init_completion(&s->done);
	printk_log_clear();
	REQUIRE(queue_work(s->wq, &s->work));
	REQUIRE(wait_done(&s->done));
	/* it had requeued itself: the cancel took that back and said so */
	CHECK(s->requeued == 1);
	CHECK(s->ret == 1);
	CHECK_FALSE(s->pending_after);
	CHECK(warns() == w0 + 1);
	std::string log = kernel_log();
	CHECK(count_of(log, "cancel_work_sync: work self_canceller_fn") == 1);
	CHECK(log.find("cancels itself") != std::string::npos);
	/* not left CANCELING, and the requeued instance never runs */
	flush_workqueue(s->wq);
	CHECK(s->runs == 1);
	CHECK_FALSE(work_is_canceling(&s->work));
	/* the item works normally afterwards */
	init_completion(&s->done);
	REQUIRE(queue_work(s->wq, &s->work));
	REQUIRE(wait_done(&s->done));
	flush_workqueue(s->wq);
	CHECK(s->runs == 2);
	destroy_workqueue(s->wq);
}

TEST_CASE("a delayed work that cancel_delayed_work_syncs itself gets one diagnostic",
	  "[ch:cancel_delayed_work_sync]")
{
	auto s = std::make_unique<self_dcanceller>();
	unsigned long w0 = warns();

	INIT_DELAYED_WORK(&s->dwork, self_dcanceller_fn);
	init_completion(&s->done);
	printk_log_clear();
	REQUIRE(queue_delayed_work(system_wq, &s->dwork, 0));
	REQUIRE(wait_done(&s->done));
	/* the timer it armed is disarmed, and the cancel says it was pending */
	CHECK(s->ret == 1);
	CHECK_FALSE(s->timer_after);
	CHECK(warns() == w0 + 1);
	CHECK(count_of(kernel_log(), "cancel_delayed_work_sync: work self_dcanceller_fn") == 1);
	flush_work(&s->dwork.work);
	CHECK_FALSE(delayed_work_pending(&s->dwork));
	CHECK(s->runs == 1);
}
