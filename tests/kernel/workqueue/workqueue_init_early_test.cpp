// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/workqueue_init_early.cpp: pools and system workqueues at boot.
//
// The subsystem booted before main(); these tests look at what boot left.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include <string.h>

TEST_CASE("every possible CPU has a normal and a high-priority pool, each with an id", "[ch:workqueue_init_early]")
{
	int cpu, good = 0, n = 0;

	mutex_lock(&wq_pool_mutex);
	for_each_possible_cpu(cpu) {
		struct worker_pool *normal = &per_cpu(cpu_worker_pools, cpu)[0];
		struct worker_pool *high = &per_cpu(cpu_worker_pools, cpu)[1];

		n++;
		good += normal->cpu == cpu && high->cpu == cpu && normal->id >= 0 && high->id >= 0 &&
			normal->id != high->id && idr_find(&worker_pool_idr, normal->id) == normal &&
			idr_find(&worker_pool_idr, high->id) == high;
	}
	mutex_unlock(&wq_pool_mutex);
	CHECK(n == (int)nr_cpu_ids);
	CHECK(good == n);
}

TEST_CASE("the high-priority pool has nice HIGHPRI_NICE_LEVEL, the normal one nice 0, each bound to one CPU",
	  "[ch:workqueue_init_early]")
{
	int cpu, good = 0, n = 0;

	for_each_possible_cpu(cpu) {
		struct worker_pool *normal = &per_cpu(cpu_worker_pools, cpu)[0];
		struct worker_pool *high = &per_cpu(cpu_worker_pools, cpu)[1];

		n++;
		good += normal->attrs->nice == 0 && high->attrs->nice == HIGHPRI_NICE_LEVEL &&
			cpumask_equal(normal->attrs->cpumask, cpumask_of(cpu)) &&
			cpumask_equal(high->attrs->cpumask, cpumask_of(cpu));
	}
	CHECK(good == n);
	CHECK(HIGHPRI_NICE_LEVEL == -20);
}

TEST_CASE("the system workqueues exist with their kernel names and flags", "[ch:workqueue_init_early]")
{
	REQUIRE(system_wq);
	REQUIRE(system_highpri_wq);
	REQUIRE(system_long_wq);
	REQUIRE(system_freezable_wq);
	REQUIRE(system_power_efficient_wq);
	CHECK(strcmp(system_wq->name, "events") == 0);
	CHECK(strcmp(system_highpri_wq->name, "events_highpri") == 0);
	CHECK(strcmp(system_long_wq->name, "events_long") == 0);
	CHECK(strcmp(system_freezable_wq->name, "events_freezable") == 0);
	CHECK(strcmp(system_power_efficient_wq->name, "events_power_efficient") == 0);
	CHECK((system_highpri_wq->flags & WQ_HIGHPRI));
	CHECK((system_freezable_wq->flags & WQ_FREEZABLE));
	CHECK((system_power_efficient_wq->flags & WQ_POWER_EFFICIENT));
	CHECK(system_wq->saved_max_active == WQ_DFL_ACTIVE);
	CHECK(per_cpu_ptr(system_highpri_wq->cpu_pwqs, 0)->pool == &per_cpu(cpu_worker_pools, 0)[1]);
}
