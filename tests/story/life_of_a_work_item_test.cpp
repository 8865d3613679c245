// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter "The life of one work item": PENDING from
// queue_work() until just before the function runs, insertion on the pool's
// worklist, the worker that runs it, and the accounting given back at the end.

#include <catch2/catch.hpp>

#include "kernel/workqueue/wq_fixtures.h"

#include <memory>

namespace {

/* The item whose life the test follows; it records what it sees while it runs. */
struct traveller {
	struct work_struct work;
	struct workqueue_struct *wq;
	struct completion second_done;
	std::atomic<int> runs{ 0 };
	std::atomic<int> pending_inside{ -1 };
	std::atomic<int> requeued{ -1 };
	std::atomic<struct work_struct *> current_seen{ nullptr };
	std::atomic<int> in_busy_hash{ -1 };
	std::atomic<int> nr_in_flight_inside{ -1 };
	std::atomic<int> nr_active_inside{ -1 };
};

void traveller_fn(struct work_struct *work)
{
	struct traveller *t = container_of(work, struct traveller, work);
	struct worker *worker = current_wq_worker();
	struct pool_workqueue *pwq = worker->current_pwq;
	int n = t->runs++;

	if (n == 0) {
		int in_flight = 0;

		t->pending_inside = work_pending(work);
		t->current_seen = current_work();
		raw_spin_lock_irq(&worker->pool->lock);
		t->in_busy_hash = find_worker_executing_work(worker->pool, work) == worker;
		for (int c = 0; c < WORK_NR_COLORS; c++)
			in_flight += pwq->nr_in_flight[c];
		t->nr_in_flight_inside = in_flight;
		t->nr_active_inside = pwq->nr_active;
		raw_spin_unlock_irq(&worker->pool->lock);
		/* PENDING is already clear: the item may queue itself again */
		t->requeued = queue_work(t->wq, work);
	} else {
		complete(&t->second_done);
	}
}


} // namespace

TEST_CASE("a queued item is PENDING on its pool's worklist until a worker clears PENDING and calls it",
	  "[ch:life_of_a_work_item]")
{
	auto s = std::make_unique<spinner>();
	auto t = std::make_unique<traveller>();
	const int cpu = (int)nr_cpu_ids - 1;
	struct workqueue_struct *wq = alloc_workqueue("life_of_item", 0, 0);

	REQUIRE(wq);
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, cpu);
	spinner_init(s.get());
	INIT_WORK(&t->work, traveller_fn);
	init_completion(&t->second_done);
	t->wq = wq;

	/* the spinner holds CPU cpu's pool: the item must wait on the worklist */
	REQUIRE(queue_work_on(cpu, wq, &s->work));
	REQUIRE(wait_done(&s->started));

	CHECK_FALSE(work_pending(&t->work));
	CHECK(queue_work_on(cpu, wq, &t->work));
	CHECK(work_pending(&t->work));
	CHECK(on_worklist(pwq->pool, &t->work));
	/* already PENDING: whoever owns the bit has queued it; these queue nothing */
	CHECK_FALSE(queue_work_on(cpu, wq, &t->work));
	CHECK_FALSE(queue_work(wq, &t->work));
	CHECK(t->runs == 0);

	s->release = true;
	CHECK(wait_done(&t->second_done));
	flush_workqueue(wq);

	/* three queueings while pending made one run; the self-requeue made the second */
	CHECK(t->runs == 2);
	CHECK(t->pending_inside == 0);
	CHECK(t->requeued == 1);
	CHECK(t->current_seen.load() == &t->work);
	CHECK_FALSE(work_pending(&t->work));
	destroy_workqueue(wq);
}

TEST_CASE("while its function runs an item is counted in flight and in the busy hash; on return both are given back",
	  "[ch:life_of_a_work_item]")
{
	auto t = std::make_unique<traveller>();
	const int cpu = (int)nr_cpu_ids - 1;
	struct workqueue_struct *wq = alloc_workqueue("life_of_item2", 0, 0);

	REQUIRE(wq);
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, cpu);
	INIT_WORK(&t->work, traveller_fn);
	init_completion(&t->second_done);
	t->wq = wq;

	/* an idle pool: queue_work_on() has to wake a worker for the item to run at all */
	REQUIRE(queue_work_on(cpu, wq, &t->work));
	CHECK(wait_done(&t->second_done));
	flush_workqueue(wq);

	CHECK(t->in_busy_hash == 1);
	CHECK(t->nr_in_flight_inside == 1);
	CHECK(t->nr_active_inside == 1);

	int in_flight = 0, nr_active, refcnt;
	struct worker *runner;
	raw_spin_lock_irq(&pwq->pool->lock);
	for (int c = 0; c < WORK_NR_COLORS; c++)
		in_flight += pwq->nr_in_flight[c];
	nr_active = pwq->nr_active;
	refcnt = pwq->refcnt;
	runner = find_worker_executing_work(pwq->pool, &t->work);
	raw_spin_unlock_irq(&pwq->pool->lock);
	CHECK(in_flight == 0);
	CHECK(nr_active == 0);
	CHECK(refcnt == 1); /* only the base reference is left */
	CHECK(runner == nullptr);
	destroy_workqueue(wq);
}
