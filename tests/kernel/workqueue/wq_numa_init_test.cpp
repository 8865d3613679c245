// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wq_numa_init.cpp: each node's possible CPUs, at boot.
//
// wq_numa_init() ran once, in workqueue_init(), before any test: these tests
// look at what it left, on machines of one, two and three nodes.

#include "kernel/workqueue/numa_fixtures.h"

namespace {

/*
 * Does the table give node n exactly cpumask_of_node(n), and every possible
 * CPU exactly one node?  @p why says what is wrong if not.
 */
bool table_matches_nodes(std::string *why)
{
	int node, cpu;

	for_each_node(node)
	{
		if (!cpumask_equal(wq_numa_possible_cpumask[node], cpumask_of_node(node))) {
			*why = "node " + std::to_string(node) + " differs from cpumask_of_node()";
			return false;
		}
	}
	for_each_possible_cpu(cpu) {
		int in = 0;

		for_each_node(node)
		{
			in += cpumask_test_cpu(cpu, wq_numa_possible_cpumask[node]);
		}
		if (in != 1) {
			*why = "cpu " + std::to_string(cpu) + " in " + std::to_string(in) +
			       " nodes";
			return false;
		}
	}
	return true;
}

bool same(const struct cpumask *a, std::initializer_list<int> cpus)
{
	struct cpumask b = mask_of(cpus);

	return cpumask_equal(a, &b);
}

} // namespace

TEST_CASE("on one node wq_numa_init leaves NUMA affinity off and builds no table",
	  "[ch:wq_numa_init]")
{
	ON_NODES(1);

	CHECK_FALSE(wq_numa_enabled);
	CHECK(wq_numa_possible_cpumask == nullptr);

	/* a second call returns at once too: nothing to split */
	wq_numa_init();
	CHECK_FALSE(wq_numa_enabled);
	CHECK(wq_numa_possible_cpumask == nullptr);
}

TEST_CASE("on two nodes wq_numa_init records CPUs 0-1 for node 0 and 2-3 for node 1",
	  "[ch:wq_numa_init][nodes:2]")
{
	ON_TWO_NODES();
	std::string why;

	REQUIRE(wq_numa_possible_cpumask);
	CHECK(wq_numa_enabled);
	CHECK(same(wq_numa_possible_cpumask[0], { 0, 1 }));
	CHECK(same(wq_numa_possible_cpumask[1], { 2, 3 }));
	bool matches = table_matches_nodes(&why);
	INFO(why);
	CHECK(matches);
}

TEST_CASE("on three nodes wq_numa_init follows cpu_to_node for an uneven split",
	  "[ch:wq_numa_init][nodes:3]")
{
	ON_NODES(3);
	std::string why;

	REQUIRE(wq_numa_possible_cpumask);
	CHECK(wq_numa_enabled);
	/* 4 CPUs in 3 nodes: the first node gets the extra CPU */
	CHECK(same(wq_numa_possible_cpumask[0], { 0, 1 }));
	CHECK(same(wq_numa_possible_cpumask[1], { 2 }));
	CHECK(same(wq_numa_possible_cpumask[2], { 3 }));
	bool matches = table_matches_nodes(&why);
	INFO(why);
	CHECK(matches);
}

TEST_CASE("after wq_numa_init an unbound workqueue gets a pwq on each node",
	  "[ch:wq_numa_init][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_struct *wq = alloc_workqueue("wni_nodes", WQ_UNBOUND, 0);
	struct cpumask m0, m1;

	REQUIRE(wq);
	mutex_lock(&wq_pool_mutex);
	cpumask_copy(&m0, node_pool(wq, 0)->attrs->cpumask);
	cpumask_copy(&m1, node_pool(wq, 1)->attrs->cpumask);
	mutex_unlock(&wq_pool_mutex);

	/* the table is what apply_wqattrs_prepare() cuts the cpumask with */
	CHECK(cpumask_equal(&m0, wq_numa_possible_cpumask[0]));
	CHECK(cpumask_equal(&m1, wq_numa_possible_cpumask[1]));
	destroy_workqueue(wq);
}
