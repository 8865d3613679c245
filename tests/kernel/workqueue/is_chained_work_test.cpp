// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: is_chained_work() (Linux v5.9)

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

struct chain_probe {
	struct work_struct work;
	struct workqueue_struct *own;   /* the workqueue it is queued on */
	struct workqueue_struct *other; /* another one */
	std::atomic<int> on_own{ -1 };
	std::atomic<int> on_other{ -1 };
	struct completion done;
};

void chain_probe_fn(struct work_struct *work)
{
	struct chain_probe *p = container_of(work, struct chain_probe, work);

	p->on_own = is_chained_work(p->own);
	p->on_other = is_chained_work(p->other);
	complete(&p->done);
}

} // namespace

TEST_CASE("is_chained_work is false for a caller that is not a worker", "[ch:is_chained_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("chained_outside", 0, 0);
	REQUIRE(wq);

	CHECK_FALSE(is_chained_work(wq));
	CHECK_FALSE(is_chained_work(system_wq));

	destroy_workqueue(wq);
}

TEST_CASE("is_chained_work is true inside a work item only for that item's own workqueue",
	  "[ch:is_chained_work]")
{
	struct chain_probe p;

	p.own = alloc_workqueue("chained_own", 0, 0);
	p.other = alloc_workqueue("chained_other", 0, 0);
	REQUIRE(p.own);
	REQUIRE(p.other);
	INIT_WORK(&p.work, chain_probe_fn);
	init_completion(&p.done);

	CHECK(queue_work(p.own, &p.work));
	CHECK(wait_done(&p.done));
	flush_workqueue(p.own);

	CHECK(p.on_own == 1);
	CHECK(p.on_other == 0);

	destroy_workqueue(p.other);
	destroy_workqueue(p.own);
}
