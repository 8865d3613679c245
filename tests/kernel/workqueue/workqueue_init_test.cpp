// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/workqueue_init.cpp: pools online, first workers, wq_online.
//
// The subsystem booted before main(); no test calls an init function.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "kernel/workqueue/numa_fixtures.h"

TEST_CASE("after boot the pools of online CPUs are associated and have a worker, and wq_online is set",
	  "[ch:workqueue_init]")
{
	int cpu, n = 0, associated = 0, staffed = 0;

	CHECK(wq_online);
	for_each_online_cpu(cpu) {
		struct worker_pool *pool;

		for_each_cpu_worker_pool(pool, cpu) {
			n++;
			raw_spin_lock_irq(&pool->lock);
			associated += !(pool->flags & POOL_DISASSOCIATED);
			staffed += pool->nr_workers >= 1;
			raw_spin_unlock_irq(&pool->lock);
		}
	}
	CHECK(n == 2 * (int)cpumask_weight(cpu_online_mask));
	CHECK(associated == n);
	CHECK(staffed == n);
}

TEST_CASE("a work queued on system_wq runs without any init call by the client", "[ch:workqueue_init]")
{
	static struct counting_work cw;

	counting_work_init(&cw);
	REQUIRE(schedule_work(&cw.work));
	CHECK(wait_done(&cw.done));
	CHECK(cw.runs.load() == 1);
	flush_work(&cw.work);
}

TEST_CASE("a work queued on system_highpri_wq runs on every online CPU", "[ch:workqueue_init]")
{
	static struct counting_work cw[NR_CPUS];
	int cpu, ran = 0, n = 0;

	for_each_online_cpu(cpu) {
		counting_work_init(&cw[cpu]);
		REQUIRE(queue_work_on(cpu, system_highpri_wq, &cw[cpu].work));
	}
	for_each_online_cpu(cpu) {
		n++;
		ran += wait_done(&cw[cpu].done);
	}
	for_each_online_cpu(cpu)
		flush_work(&cw[cpu].work);
	CHECK(ran == n);
}

TEST_CASE("after boot every unbound pool has a worker, system_unbound_wq's included",
	  "[ch:workqueue_init]")
{
	struct worker_pool *pool;
	int bkt, pools = 0;

	mutex_lock(&wq_pool_mutex);
	hash_for_each(unbound_pool_hash, bkt, pool, hash_node) {
		raw_spin_lock_irq(&pool->lock);
		CHECK(pool->nr_workers >= 1);
		raw_spin_unlock_irq(&pool->lock);
		pools++;
	}
	mutex_unlock(&wq_pool_mutex);
	CHECK(pools >= 1);
}

TEST_CASE("on two nodes boot leaves system_unbound_wq a pwq of its own CPUs per node",
	  "[ch:workqueue_init][nodes:2]")
{
	ON_TWO_NODES();
	struct cpumask n0 = mask_of({ 0, 1 }), n1 = mask_of({ 2, 3 });

	mutex_lock(&wq_pool_mutex);
	CHECK(wq_numa_enabled);
	CHECK(cpumask_equal(node_pool(system_unbound_wq, 0)->attrs->cpumask, &n0));
	CHECK(cpumask_equal(node_pool(system_unbound_wq, 1)->attrs->cpumask, &n1));
	CHECK(node_pool(system_unbound_wq, 0)->node == 0);
	CHECK(node_pool(system_unbound_wq, 1)->node == 1);
	/* the default pwq keeps every CPU */
	CHECK(cpumask_weight(system_unbound_wq->dfl_pwq->pool->attrs->cpumask) == 4);
	mutex_unlock(&wq_pool_mutex);
}
