// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: cwt_wakefn() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

namespace {

/*
 * A waiter for the cancel of @c work, as __cancel_work_timer() queues it,
 * but for a sleeping kthread that the test made (a wake_probe): waking it
 * completes probe.woken, so the test sees exactly who was woken.
 */
struct probe_waiter {
	struct wake_probe probe;
	struct cwt_wait cwait;
};

void probe_waiter_init(struct probe_waiter *w, struct work_struct *work)
{
	wake_probe_start(&w->probe);
	init_wait(&w->cwait.wait);
	w->cwait.wait.priv = w->probe.task;
	w->cwait.wait.func = cwt_wakefn;
	w->cwait.work = work;
}

bool queued(struct probe_waiter *w)
{
	return !list_empty(&w->cwait.wait.entry);
}

void noop_fn(struct work_struct *) {}

} // namespace

TEST_CASE("cwt_wakefn ignores a key that is not its work and wakes for its own", "[ch:cwt_wakefn]")
{
	DECLARE_WAIT_QUEUE_HEAD(head);
	struct work_struct mine, other;
	auto w = std::make_unique<probe_waiter>();

	INIT_WORK(&mine, noop_fn);
	INIT_WORK(&other, noop_fn);
	probe_waiter_init(w.get(), &mine);
	add_wait_queue_exclusive(&head, &w->cwait.wait);

	/* another item's cancel ended: not for us, stay queued, nobody woken */
	CHECK(cwt_wakefn(&w->cwait.wait, TASK_NORMAL, 0, &other) == 0);
	CHECK(queued(w.get()));
	CHECK_FALSE(completion_done(&w->probe.woken));

	/* our item's cancel ended: woken, and off the queue (autoremove) */
	CHECK(cwt_wakefn(&w->cwait.wait, TASK_NORMAL, 0, &mine) != 0);
	CHECK_FALSE(queued(w.get()));
	CHECK(wait_done(&w->probe.woken));
	CHECK_FALSE(waitqueue_active(&head));
	wake_probe_stop(&w->probe);
}

TEST_CASE("a wake-up for one work skips the waiters of other works without counting them",
	  "[ch:cwt_wakefn]")
{
	DECLARE_WAIT_QUEUE_HEAD(head);
	struct work_struct a, b;
	auto wa = std::make_unique<probe_waiter>();
	auto wb1 = std::make_unique<probe_waiter>();
	auto wb2 = std::make_unique<probe_waiter>();

	INIT_WORK(&a, noop_fn);
	INIT_WORK(&b, noop_fn);
	probe_waiter_init(wa.get(), &a);
	probe_waiter_init(wb1.get(), &b);
	probe_waiter_init(wb2.get(), &b);
	/* one shared queue, as cancel_waitq is: a's waiter first */
	add_wait_queue_exclusive(&head, &wa->cwait.wait);
	add_wait_queue_exclusive(&head, &wb1->cwait.wait);
	add_wait_queue_exclusive(&head, &wb2->cwait.wait);

	/* b's cancel ends and asks for one exclusive wake-up, as __cancel_work_timer does */
	__wake_up(&head, TASK_NORMAL, 1, &b);
	CHECK(queued(wa.get()));
	CHECK_FALSE(queued(wb1.get()));
	CHECK(wait_done(&wb1->probe.woken));
	/* one wake-up asked for, one waiter of b woken: the second one waits on */
	CHECK(queued(wb2.get()));

	/* a's cancel ends: its waiter wakes at last */
	__wake_up(&head, TASK_NORMAL, 1, &a);
	CHECK_FALSE(queued(wa.get()));
	CHECK(wait_done(&wa->probe.woken));
	CHECK(queued(wb2.get()));
	CHECK_FALSE(completion_done(&wb2->probe.woken));

	remove_wait_queue(&head, &wb2->cwait.wait);
	wake_probe_stop(&wa->probe);
	wake_probe_stop(&wb1->probe);
	wake_probe_stop(&wb2->probe);
}
