// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/insert_wq_barrier.cpp: where a flush barrier goes.

#include <catch2/catch.hpp>
#include "wq_fixtures.h"

namespace {

/* A work that blocks until the test releases it (bounded), then sleeps a little. */
struct barrier_blocker {
	struct work_struct work;
	struct completion started;
	struct completion release;
	std::atomic<int> finished{ 0 };
	unsigned int tail_ms = 0;
};

void barrier_blocker_fn(struct work_struct *work)
{
	struct barrier_blocker *b = container_of(work, struct barrier_blocker, work);

	complete(&b->started);
	wait_for_completion_timeout(&b->release, msecs_to_jiffies(TEST_WAIT_MS));
	if (b->tail_ms)
		msleep(b->tail_ms);
	b->finished.store(1);
}

void barrier_blocker_init(struct barrier_blocker *b, unsigned int tail_ms)
{
	INIT_WORK(&b->work, barrier_blocker_fn);
	init_completion(&b->started);
	init_completion(&b->release);
	b->finished.store(0);
	b->tail_ms = tail_ms;
}

/* A target that sleeps before marking itself done, so a barrier placed too early shows. */
struct target {
	struct work_struct work;
	std::atomic<int> finished{ 0 };
};

void target_fn(struct work_struct *work)
{
	struct target *t = container_of(work, struct target, work);

	msleep(20);
	t->finished.store(1);
}

} // namespace

TEST_CASE("insert_wq_barrier puts the barrier right behind a queued target and marks the target LINKED",
	  "[ch:insert_wq_barrier]")
{
	static struct barrier_blocker b;
	static struct target t;
	static struct wq_barrier barr;
	struct workqueue_struct *wq = alloc_workqueue("iwb_queued", 0, 1);
	struct pool_workqueue *pwq;
	int in_flight_before = 0, in_flight_after = 0;
	bool behind, linked, no_color, pending;

	REQUIRE(wq);
	pwq = per_cpu_ptr(wq->cpu_pwqs, 0);
	barrier_blocker_init(&b, 0);
	INIT_WORK(&t.work, target_fn);
	t.finished.store(0);

	/* max_active 1 and a blocker: the target stays on the delayed list */
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));
	REQUIRE(queue_work_on(0, wq, &t.work));

	raw_spin_lock_irq(&pwq->pool->lock);
	for (int c = 0; c < WORK_NR_COLORS; c++)
		in_flight_before += pwq->nr_in_flight[c];
	insert_wq_barrier(pwq, &barr, &t.work, NULL);
	behind = t.work.entry.next == &barr.work.entry;
	linked = *work_data_bits(&t.work) & WORK_STRUCT_LINKED;
	no_color = get_work_color(&barr.work) == WORK_NO_COLOR;
	pending = work_pending(&barr.work);
	for (int c = 0; c < WORK_NR_COLORS; c++)
		in_flight_after += pwq->nr_in_flight[c];
	raw_spin_unlock_irq(&pwq->pool->lock);

	CHECK(behind);
	CHECK(linked);
	CHECK(no_color);
	CHECK(pending);
	CHECK(in_flight_after == in_flight_before); /* a barrier counts for no flush color */

	complete(&b.release);
	REQUIRE(wait_done(&barr.done));
	/* the barrier ran after its target, on the same worker */
	CHECK(t.finished.load() == 1);
	destroy_work_on_stack(&barr.work);
	destroy_workqueue(wq);
}

TEST_CASE("insert_wq_barrier puts the barrier first on the scheduled list of the worker running the target",
	  "[ch:insert_wq_barrier]")
{
	static struct barrier_blocker b;
	static struct wq_barrier barr;
	struct workqueue_struct *wq = alloc_workqueue("iwb_running", 0, 0);
	struct pool_workqueue *pwq;
	struct worker *worker;
	bool first = false;

	REQUIRE(wq);
	pwq = per_cpu_ptr(wq->cpu_pwqs, 0);
	barrier_blocker_init(&b, 20);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));

	raw_spin_lock_irq(&pwq->pool->lock);
	worker = find_worker_executing_work(pwq->pool, &b.work);
	if (worker) {
		insert_wq_barrier(pwq, &barr, &b.work, worker);
		first = worker->scheduled.next == &barr.work.entry;
	}
	raw_spin_unlock_irq(&pwq->pool->lock);

	if (!worker)
		complete(&b.release);
	REQUIRE(worker);
	CHECK(first);

	complete(&b.release);
	REQUIRE(wait_done(&barr.done));
	CHECK(b.finished.load() == 1);
	destroy_work_on_stack(&barr.work);
	destroy_workqueue(wq);
}

/*
 * Two flushers of the same running work: each barrier goes first on the
 * scheduled list, so the second runs before the first.  A barrier appended
 * at the tail of the list would land behind the first one.
 */
TEST_CASE("insert_wq_barrier puts a second barrier for a running target ahead of the first",
	  "[ch:insert_wq_barrier]")
{
	static struct barrier_blocker b;
	static struct wq_barrier barr1, barr2;
	struct workqueue_struct *wq = alloc_workqueue("iwb_running2", 0, 0);
	struct pool_workqueue *pwq;
	struct worker *worker;
	bool first = false, second = false;

	REQUIRE(wq);
	pwq = per_cpu_ptr(wq->cpu_pwqs, 0);
	barrier_blocker_init(&b, 0);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));

	raw_spin_lock_irq(&pwq->pool->lock);
	worker = find_worker_executing_work(pwq->pool, &b.work);
	if (worker) {
		insert_wq_barrier(pwq, &barr1, &b.work, worker);
		insert_wq_barrier(pwq, &barr2, &b.work, worker);
		first = worker->scheduled.next == &barr2.work.entry;
		second = barr2.work.entry.next == &barr1.work.entry;
	}
	raw_spin_unlock_irq(&pwq->pool->lock);

	if (!worker)
		complete(&b.release);
	REQUIRE(worker);
	CHECK(first);
	CHECK(second);

	complete(&b.release);
	REQUIRE(wait_done(&barr1.done));
	REQUIRE(wait_done(&barr2.done));
	destroy_work_on_stack(&barr1.work);
	destroy_work_on_stack(&barr2.work);
	destroy_workqueue(wq);
}

TEST_CASE("flush_work of a queued work returns after that work ran", "[ch:insert_wq_barrier]")
{
	static struct gate g;
	static struct target t;
	struct workqueue_struct *wq = alloc_workqueue("iwb_flush", 0, 1);

	REQUIRE(wq);
	/* the gate holds the target back (max_active 1) until flush_work has linked its barrier */
	INIT_WORK(&g.work, gate_fn);
	g.target = &t.work;
	INIT_WORK(&t.work, target_fn);
	t.finished.store(0);
	REQUIRE(queue_work_on(0, wq, &g.work));
	REQUIRE(queue_work_on(0, wq, &t.work));
	CHECK(flush_work(&t.work));
	CHECK(t.finished.load() == 1);
	destroy_workqueue(wq);
}
