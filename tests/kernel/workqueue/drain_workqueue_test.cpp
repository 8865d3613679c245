// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/drain_workqueue.cpp: flushing until even chained works are done.

#include <catch2/catch.hpp>
#include "wq_fixtures.h"
#include <linux/kthread.h>

namespace {

/* A work that queues itself again until it has run @c limit times. */
struct chain_work {
	struct work_struct work;
	struct workqueue_struct *wq;
	std::atomic<int> runs{ 0 };
	int limit;
};

void chain_work_fn(struct work_struct *work)
{
	struct chain_work *cw = container_of(work, struct chain_work, work);

	if (cw->runs.fetch_add(1) + 1 < cw->limit)
		queue_work(cw->wq, work);
}

bool wq_is_empty(struct workqueue_struct *wq)
{
	struct pool_workqueue *pwq;
	bool empty = true;

	mutex_lock(&wq->mutex);
	for_each_pwq(pwq, wq) {
		raw_spin_lock_irq(&pwq->pool->lock);
		if (pwq->nr_active || !list_empty(&pwq->delayed_works))
			empty = false;
		raw_spin_unlock_irq(&pwq->pool->lock);
	}
	mutex_unlock(&wq->mutex);
	return empty;
}

} // namespace

TEST_CASE("drain_workqueue lets a work that requeues itself 100 times finish and leaves the workqueue empty",
	  "[ch:drain_workqueue]")
{
	static struct chain_work cw;
	struct workqueue_struct *wq = alloc_workqueue("dwq_chain", 0, 0);

	REQUIRE(wq);
	INIT_WORK(&cw.work, chain_work_fn);
	cw.wq = wq;
	cw.runs.store(0);
	cw.limit = 100;
	REQUIRE(queue_work(wq, &cw.work));
	drain_workqueue(wq);
	CHECK(cw.runs.load() == 100);
	CHECK_FALSE(work_pending(&cw.work));
	CHECK(wq_is_empty(wq));
	/* the drain is over: the workqueue takes work from anyone again */
	CHECK_FALSE(READ_ONCE(wq->flags) & __WQ_DRAINING);
	CHECK(wq->nr_drainers == 0);
	destroy_workqueue(wq);
}

namespace {

struct drainer_args {
	struct workqueue_struct *wq;
	struct completion done;
};

int drainer_fn(void *data)
{
	struct drainer_args *a = (struct drainer_args *)data;

	drain_workqueue(a->wq);
	complete(&a->done);
	return 0;
}

} // namespace

TEST_CASE("while a workqueue drains, work queued from outside it is refused with a diagnostic",
	  "[ch:drain_workqueue]")
{
	static struct blocker b;
	static struct drainer_args a;
	static struct counting_work outsider;
	struct workqueue_struct *wq = alloc_workqueue("dwq_refuse", 0, 0);
	struct task_struct *t;
	bool draining = false, pending_after;

	REQUIRE(wq);
	INIT_WORK(&b.work, blocker_fn);
	init_completion(&b.started);
	init_completion(&b.release);
	counting_work_init(&outsider);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));

	a.wq = wq;
	init_completion(&a.done);
	t = kthread_create(drainer_fn, &a, "drainer");
	REQUIRE(!IS_ERR(t));
	wake_up_process(t);
	for (int tries = 0; tries < 10000 && !draining; tries++) {
		draining = READ_ONCE(wq->flags) & __WQ_DRAINING;
		if (!draining)
			msleep(1);
	}

	printk_log_clear();
	queue_work_on(0, wq, &outsider.work);
	pending_after = work_pending(&outsider.work);
	complete(&b.release);
	REQUIRE(wait_done(&a.done));

	CHECK(draining);
	CHECK(kernel_log().find("\"dwq_refuse\" is being drained") != std::string::npos);
	CHECK_FALSE(pending_after); /* refused, and PENDING given back */
	CHECK(outsider.runs.load() == 0);
	destroy_workqueue(wq);
}

namespace {

struct own_drainer {
	struct work_struct work;
	struct workqueue_struct *wq;
	struct completion done;
};

void own_drainer_fn(struct work_struct *work)
{
	struct own_drainer *od = container_of(work, struct own_drainer, work);

	drain_workqueue(od->wq);
	complete(&od->done);
}

} // namespace

TEST_CASE("drain_workqueue from a work of the same workqueue prints one diagnostic and returns",
	  "[ch:drain_workqueue]")
{
	static struct own_drainer od;
	struct workqueue_struct *wq = alloc_workqueue("dwq_own", 0, 0);
	unsigned long w0 = warns();

	REQUIRE(wq);
	INIT_WORK(&od.work, own_drainer_fn);
	init_completion(&od.done);
	od.wq = wq;
	printk_log_clear();
	REQUIRE(queue_work_on(0, wq, &od.work));
	REQUIRE(wait_done(&od.done));
	CHECK(warns() == w0 + 1);
	CHECK(kernel_log().find("drains its own workqueue \"dwq_own\"") != std::string::npos);
	CHECK_FALSE(READ_ONCE(wq->flags) & __WQ_DRAINING);
	destroy_workqueue(wq);
}
