// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: rcu_work_rcufn() (Linux v5.9)

#include "wq_fixtures.h"

namespace {

struct rcufn_probe {
	struct rcu_work rwork;
	std::atomic<struct work_struct *> seen{ nullptr };
	std::atomic<int> runs{ 0 };
	struct completion done;
};

void rcufn_probe_fn(struct work_struct *work)
{
	struct rcufn_probe *p = container_of(to_rcu_work(work), struct rcufn_probe, rwork);

	p->seen = current_work();
	p->runs.fetch_add(1);
	complete(&p->done);
}

} // namespace

TEST_CASE("rcu_work_rcufn queues the work it is embedded with on the recorded workqueue",
	  "[ch:rcu_work_rcufn]")
{
	struct workqueue_struct *wq = alloc_workqueue("rcufn", 0, 0);
	struct rcufn_probe p;

	REQUIRE(wq);
	INIT_RCU_WORK(&p.rwork, rcufn_probe_fn);
	init_completion(&p.done);

	/* what queue_rcu_work() leaves for the callback: PENDING owned, wq recorded */
	REQUIRE_FALSE(test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&p.rwork.work)));
	p.rwork.wq = wq;

	rcu_work_rcufn(&p.rwork.rcu);
	/* the callback queued it on wq: flushing wq alone waits for it */
	flush_workqueue(wq);
	CHECK(p.runs == 1);
	CHECK(p.seen == &p.rwork.work);
	CHECK_FALSE(work_pending(&p.rwork.work));
	destroy_workqueue(wq);
}
