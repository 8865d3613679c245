// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/set_work_pool_and_clear_pending.cpp: off queue, pool id kept.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

/* Records what its own work->data said while it ran, and requeues itself once. */
struct self_work {
	struct work_struct work;
	struct workqueue_struct *wq;
	std::atomic<int> runs{ 0 };
	std::atomic<int> pending_seen{ -1 };
	std::atomic<int> pool_id_seen{ -2 };
	std::atomic<int> worker_pool_id{ -3 };
	std::atomic<int> requeued{ -1 };
	struct completion done;
};

void self_fn(struct work_struct *work)
{
	struct self_work *s = container_of(work, struct self_work, work);
	struct worker *worker = current_wq_worker();

	if (s->runs.fetch_add(1) == 0) {
		s->pending_seen.store(work_pending(work));
		s->pool_id_seen.store(get_work_pool_id(work));
		s->worker_pool_id.store(worker ? worker->pool->id : -4);
		s->requeued.store(queue_work_on(0, s->wq, work));
		return;
	}
	complete(&s->done);
}

} // namespace

TEST_CASE("set_work_pool_and_clear_pending drops PENDING and PWQ and the color and keeps the pool id",
	  "[ch:set_work_pool_and_clear_pending]")
{
	static struct pool_workqueue pwq;
	struct work_struct w;

	atomic_long_set(&w.data, WORK_STRUCT_PENDING);
	set_work_pwq(&w, &pwq, work_color_to_flags(3) | WORK_STRUCT_LINKED);
	set_work_pool_and_clear_pending(&w, 42);

	CHECK_FALSE(work_pending(&w));
	CHECK(get_work_pwq(&w) == nullptr);
	CHECK(get_work_pool_id(&w) == 42);
	CHECK((unsigned long)atomic_long_read(&w.data) == (42UL << WORK_OFFQ_POOL_SHIFT));
}

TEST_CASE("a work function already sees PENDING clear and its pool's id and may requeue itself",
	  "[ch:set_work_pool_and_clear_pending]")
{
	static struct self_work s;
	struct workqueue_struct *wq = alloc_workqueue("swpcp", 0, 0);

	REQUIRE(wq);
	INIT_WORK(&s.work, self_fn);
	init_completion(&s.done);
	s.wq = wq;
	s.runs.store(0);
	REQUIRE(queue_work_on(0, wq, &s.work));
	REQUIRE(wait_done(&s.done));
	flush_workqueue(wq);

	CHECK(s.pending_seen.load() == 0);
	CHECK(s.pool_id_seen.load() == s.worker_pool_id.load());
	CHECK(s.pool_id_seen.load() == per_cpu(cpu_worker_pools, 0)[0].id);
	CHECK(s.requeued.load() == 1);
	CHECK(s.runs.load() == 2);
	destroy_workqueue(wq);
}
