// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wqattrs_hash.cpp: the key of unbound_pool_hash.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

#include <set>

TEST_CASE("wqattrs_hash gives equal attrs the same hash, whatever their no_numa", "[ch:wqattrs_hash]")
{
	struct workqueue_attrs *a = alloc_workqueue_attrs();
	struct workqueue_attrs *b = alloc_workqueue_attrs();

	REQUIRE(a);
	REQUIRE(b);
	a->nice = b->nice = -3;
	cpumask_clear(a->cpumask);
	cpumask_clear(b->cpumask);
	cpumask_set_cpu(nr_cpu_ids - 1, a->cpumask);
	cpumask_set_cpu(nr_cpu_ids - 1, b->cpumask);
	b->no_numa = true;

	/* two objects, one content: the hash reads the content, not the address */
	CHECK(wqattrs_hash(a) == wqattrs_hash(b));
	CHECK(wqattrs_hash(a) == wqattrs_hash(a));
	/* the standard unbound attrs and the ordered ones differ only in no_numa */
	CHECK(wqattrs_hash(unbound_std_wq_attrs[0]) == wqattrs_hash(ordered_wq_attrs[0]));
	CHECK(wqattrs_hash(unbound_std_wq_attrs[1]) == wqattrs_hash(ordered_wq_attrs[1]));
	free_workqueue_attrs(a);
	free_workqueue_attrs(b);
}

TEST_CASE("wqattrs_hash gives each nice level from -20 to 19 its own hash", "[ch:wqattrs_hash]")
{
	struct workqueue_attrs *a = alloc_workqueue_attrs();
	std::set<u32> seen;

	REQUIRE(a);
	for (int nice = MIN_NICE; nice <= MAX_NICE; nice++) {
		a->nice = nice;
		seen.insert(wqattrs_hash(a));
	}
	/* jhash is no perfect hash, but on these 40 inputs it has no collision */
	CHECK(seen.size() == (size_t)(MAX_NICE - MIN_NICE + 1));
	free_workqueue_attrs(a);
}

TEST_CASE("wqattrs_hash gives different cpumasks different hashes", "[ch:wqattrs_hash]")
{
	struct workqueue_attrs *a = alloc_workqueue_attrs();
	std::set<u32> seen;
	unsigned int cpu;

	REQUIRE(a);
	/* each single CPU, then every CPU, then none: nr_cpu_ids + 2 masks */
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		cpumask_clear(a->cpumask);
		cpumask_set_cpu(cpu, a->cpumask);
		seen.insert(wqattrs_hash(a));
	}
	cpumask_copy(a->cpumask, cpu_possible_mask);
	seen.insert(wqattrs_hash(a));
	cpumask_clear(a->cpumask);
	seen.insert(wqattrs_hash(a));
	/* on a one-CPU machine "CPU 0" and "every CPU" are one mask */
	CHECK(seen.size() == (nr_cpu_ids == 1 ? 2u : nr_cpu_ids + 2));
	free_workqueue_attrs(a);
}
