// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: queue_work_on() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

namespace {

/* Records the CPU it ran on. */
struct where_work {
	struct work_struct work;
	std::atomic<int> cpu{ -1 };
	struct completion done;
};

void where_fn(struct work_struct *work)
{
	struct where_work *w = container_of(work, struct where_work, work);

	w->cpu = raw_smp_processor_id();
	complete(&w->done);
}

/* A work that queues @c inner with WORK_CPU_UNBOUND, from its own CPU. */
struct local_probe {
	struct work_struct outer;
	struct where_work inner;
	struct workqueue_struct *wq;
};

void local_probe_fn(struct work_struct *work)
{
	struct local_probe *lp = container_of(work, struct local_probe, outer);

	queue_work_on(WORK_CPU_UNBOUND, lp->wq, &lp->inner.work);
}

} // namespace

TEST_CASE("queue_work_on returns false for a work already pending and queues it only once",
	  "[ch:queue_work_on]")
{
	auto blocker = std::make_unique<gated_work>();
	struct counting_work cw;
	/* max_active 1: behind the blocker, the item stays pending */
	struct workqueue_struct *wq = alloc_workqueue("qwo_pending", 0, 1);
	REQUIRE(wq);

	INIT_WORK(&blocker->work, gated_fn);
	init_completion(&blocker->gate);
	init_completion(&blocker->started);
	counting_work_init(&cw);

	CHECK(queue_work_on(0, wq, &blocker->work));
	CHECK(wait_done(&blocker->started));

	CHECK(queue_work_on(0, wq, &cw.work));
	CHECK(work_pending(&cw.work));
	CHECK_FALSE(queue_work_on(0, wq, &cw.work));
	CHECK_FALSE(queue_work_on(nr_cpu_ids - 1, wq, &cw.work));
	CHECK_FALSE(queue_work(system_wq, &cw.work));

	complete_all(&blocker->gate);
	CHECK(wait_done(&cw.done));
	flush_workqueue(wq);
	CHECK(cw.runs == 1);
	CHECK_FALSE(work_pending(&cw.work));
	destroy_workqueue(wq);
}

TEST_CASE("queue_work_on runs the work on the CPU asked for", "[ch:queue_work_on]")
{
	struct workqueue_struct *wq = alloc_workqueue("qwo_cpu", 0, 0);
	REQUIRE(wq);

	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct where_work w;

		INIT_WORK(&w.work, where_fn);
		init_completion(&w.done);
		CHECK(queue_work_on(cpu, wq, &w.work));
		CHECK(wait_done(&w.done));
		flush_work(&w.work);
		CHECK(w.cpu == (int)cpu);
	}
	destroy_workqueue(wq);
}

TEST_CASE("queue_work_on with WORK_CPU_UNBOUND runs the work on the queueing worker's CPU",
	  "[ch:queue_work_on]")
{
	struct workqueue_struct *wq = alloc_workqueue("qwo_local", 0, 0);
	REQUIRE(wq);

	/* queue from a work bound to the last CPU: the local CPU is then known */
	auto p = std::make_unique<local_probe>();
	p->wq = wq;
	INIT_WORK(&p->inner.work, where_fn);
	init_completion(&p->inner.done);
	INIT_WORK(&p->outer, local_probe_fn);

	const int last = (int)nr_cpu_ids - 1;
	CHECK(queue_work_on(last, wq, &p->outer));
	CHECK(wait_done(&p->inner.done));
	flush_workqueue(wq);
	CHECK(p->inner.cpu == last);
	destroy_workqueue(wq);
}
