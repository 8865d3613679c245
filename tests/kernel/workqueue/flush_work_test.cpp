// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/flush_work.cpp: flush_work() waits for the last queued run.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

/*
 * Inside a work function: wait (bounded) until a flusher has put its barrier
 * on this worker's scheduled list, so the flush surely finds the work running.
 */
void wait_for_flusher(void)
{
	struct worker *worker = current_wq_worker();

	for (int i = 0; i < (int)TEST_WAIT_MS; i++) {
		bool barrier;

		raw_spin_lock_irq(&worker->pool->lock);
		barrier = !list_empty(&worker->scheduled);
		raw_spin_unlock_irq(&worker->pool->lock);
		if (barrier)
			return;
		msleep(1);
	}
}

/* A work that sleeps a little, then marks itself finished. */
struct slow_work {
	struct work_struct work;
	struct completion started;
	std::atomic<int> finished{ 0 };
	unsigned int sleep_ms = 20;
	bool handshake = false;
};

void slow_work_fn(struct work_struct *work)
{
	struct slow_work *sw = container_of(work, struct slow_work, work);

	complete(&sw->started);
	if (sw->handshake)
		wait_for_flusher();
	msleep(sw->sleep_ms);
	sw->finished.store(1);
}

void slow_work_init(struct slow_work *sw, unsigned int sleep_ms)
{
	INIT_WORK(&sw->work, slow_work_fn);
	init_completion(&sw->started);
	sw->finished.store(0);
	sw->sleep_ms = sleep_ms;
	sw->handshake = false;
}

} // namespace

TEST_CASE("flush_work returns only after the work function has finished", "[ch:flush_work]")
{
	static struct slow_work sw;
	struct workqueue_struct *wq = alloc_workqueue("fw_finish", 0, 0);

	REQUIRE(wq);
	slow_work_init(&sw, 20);
	REQUIRE(queue_work_on(0, wq, &sw.work));
	flush_work(&sw.work);
	/* read right after the return: no other wait in between */
	CHECK(sw.finished.load() == 1);
	destroy_workqueue(wq);
}

TEST_CASE("flush_work returns false for a work that never ran", "[ch:flush_work]")
{
	static struct counting_work cw;

	counting_work_init(&cw);
	CHECK_FALSE(flush_work(&cw.work));
	CHECK(cw.runs.load() == 0);
}

TEST_CASE("flush_work returns false for a work that already finished", "[ch:flush_work]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("fw_done", 0, 0);

	REQUIRE(wq);
	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &cw.work));
	REQUIRE(wait_done(&cw.done));
	/* the first flush may still catch the worker finishing the run ... */
	flush_work(&cw.work);
	/* ... after it the item is idle, and there is nothing to wait for */
	CHECK_FALSE(flush_work(&cw.work));
	CHECK(cw.runs.load() == 1);
	destroy_workqueue(wq);
}

TEST_CASE("flush_work of a running work waits until that run ends", "[ch:flush_work]")
{
	static struct slow_work sw;
	struct workqueue_struct *wq = alloc_workqueue("fw_running", 0, 0);

	REQUIRE(wq);
	slow_work_init(&sw, 50);
	sw.handshake = true; /* the item waits for the barrier, then sleeps 50 ms */
	REQUIRE(queue_work_on(0, wq, &sw.work));
	REQUIRE(wait_done(&sw.started));
	/* the item is inside its function now: flush_work finds it running */
	CHECK(flush_work(&sw.work));
	CHECK(sw.finished.load() == 1);
	destroy_workqueue(wq);
}

TEST_CASE("flush_work waits for a work queued on another CPU", "[ch:flush_work]")
{
	static struct slow_work sw;
	struct workqueue_struct *wq = alloc_workqueue("fw_cpu", 0, 0);
	int cpu = (int)nr_cpu_ids - 1;

	REQUIRE(wq);
	slow_work_init(&sw, 20);
	sw.handshake = true;
	REQUIRE(queue_work_on(cpu, wq, &sw.work));
	CHECK(flush_work(&sw.work));
	CHECK(sw.finished.load() == 1);
	destroy_workqueue(wq);
}
