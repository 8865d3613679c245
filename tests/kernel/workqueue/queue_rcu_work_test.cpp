// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: queue_rcu_work() (Linux v5.9)

#include <linux/rcupdate.h>
#include "wq_fixtures.h"

namespace {

struct rcu_probe {
	struct rcu_work rwork;
	std::atomic<int> runs{ 0 };
	std::atomic<bool> *reader_active = nullptr;
	std::atomic<bool> saw_reader{ false };
	struct completion done;
};

void rcu_probe_fn(struct work_struct *work)
{
	struct rcu_probe *p = container_of(to_rcu_work(work), struct rcu_probe, rwork);

	if (p->reader_active && p->reader_active->load())
		p->saw_reader = true;
	p->runs.fetch_add(1);
	complete(&p->done);
}

} // namespace

TEST_CASE("queue_rcu_work puts the work on its workqueue only after the grace period",
	  "[ch:queue_rcu_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("qrw_gp", 0, 0);
	std::atomic<bool> reader_active{ false };
	struct rcu_probe p;
	unsigned long data_in_reader;

	REQUIRE(wq);
	INIT_RCU_WORK(&p.rwork, rcu_probe_fn);
	init_completion(&p.done);
	p.reader_active = &reader_active;

	rcu_read_lock();
	reader_active = true;
	CHECK(queue_rcu_work(wq, &p.rwork));
	/*
	 * This reader began before the call, so the grace period cannot end
	 * while it lasts: the item is owned (PENDING) but on no pwq yet.
	 */
	data_in_reader = atomic_long_read(&p.rwork.work.data);
	reader_active = false;
	rcu_read_unlock();

	CHECK((data_in_reader & WORK_STRUCT_PENDING) != 0);
	CHECK((data_in_reader & WORK_STRUCT_PWQ) == 0);
	CHECK(wait_done(&p.done));
	flush_workqueue(wq);
	CHECK(p.runs == 1);
	CHECK_FALSE(p.saw_reader);
	CHECK(p.rwork.wq == wq);
	destroy_workqueue(wq);
}

TEST_CASE("queue_rcu_work on a pending item returns false and it runs once",
	  "[ch:queue_rcu_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("qrw_twice", 0, 0);
	struct rcu_probe p;

	REQUIRE(wq);
	INIT_RCU_WORK(&p.rwork, rcu_probe_fn);
	init_completion(&p.done);

	rcu_read_lock();
	CHECK(queue_rcu_work(wq, &p.rwork));
	CHECK_FALSE(queue_rcu_work(wq, &p.rwork));
	CHECK_FALSE(queue_rcu_work(system_wq, &p.rwork));
	rcu_read_unlock();

	CHECK(wait_done(&p.done));
	rcu_barrier();
	flush_workqueue(wq);
	CHECK(p.runs == 1);
	/* the second call changed nothing: the first call's workqueue is kept */
	CHECK(p.rwork.wq == wq);

	/* idle again: it may be queued again */
	CHECK(queue_rcu_work(wq, &p.rwork));
	flush_rcu_work(&p.rwork);
	CHECK(p.runs == 2);
	destroy_workqueue(wq);
}
