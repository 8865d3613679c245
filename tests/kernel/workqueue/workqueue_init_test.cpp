// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/workqueue_init.cpp: pools online, first workers, wq_online.
//
// The subsystem booted before main(); no test calls an init function.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

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
