// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wq_calc_node_cpumask.cpp: a node's share of a cpumask.
//
// The NUMA cases run on 4 CPUs in 2 nodes (CPUs 0-1 node 0, CPUs 2-3 node 1).
// Each call starts from an out mask full of CPUs, so a result that was never
// written would show.

#include "kernel/workqueue/numa_fixtures.h"

namespace {

/* What one call gave. */
struct calc {
	bool ret;
	struct cpumask mask;
};

/* wq_calc_node_cpumask() under wq_pool_mutex, as apply_wqattrs_prepare() calls it. */
struct calc calc_node(const struct workqueue_attrs *attrs, int node, int cpu_going_down = -1)
{
	struct calc c;

	cpumask_copy(&c.mask, cpu_possible_mask);
	mutex_lock(&wq_pool_mutex);
	c.ret = wq_calc_node_cpumask(attrs, node, cpu_going_down, &c.mask);
	mutex_unlock(&wq_pool_mutex);
	return c;
}

bool same(const struct cpumask &a, std::initializer_list<int> cpus)
{
	struct cpumask b = mask_of(cpus);

	return cpumask_equal(&a, &b);
}

} // namespace

TEST_CASE("on one node wq_calc_node_cpumask copies the attrs cpumask and returns false",
	  "[ch:wq_calc_node_cpumask]")
{
	ON_NODES(1);
	struct workqueue_attrs *attrs = attrs_of({ 1, 2 });

	REQUIRE(attrs);
	REQUIRE_FALSE(wq_numa_enabled);
	struct calc c = calc_node(attrs, 0);

	CHECK_FALSE(c.ret);
	CHECK(same(c.mask, { 1, 2 }));
	free_workqueue_attrs(attrs);
}

TEST_CASE("with no_numa set wq_calc_node_cpumask gives every node the attrs cpumask",
	  "[ch:wq_calc_node_cpumask][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_attrs *attrs = attrs_of({ 0, 1, 2, 3 });

	REQUIRE(attrs);
	attrs->no_numa = true;
	struct calc n0 = calc_node(attrs, 0), n1 = calc_node(attrs, 1);

	CHECK_FALSE(n0.ret);
	CHECK_FALSE(n1.ret);
	CHECK(same(n0.mask, { 0, 1, 2, 3 }));
	CHECK(same(n1.mask, { 0, 1, 2, 3 }));
	free_workqueue_attrs(attrs);
}

TEST_CASE("attrs spanning both nodes give each node its own CPUs of the attrs and true",
	  "[ch:wq_calc_node_cpumask][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_attrs *all = attrs_of({ 0, 1, 2, 3 });
	struct workqueue_attrs *part = attrs_of({ 1, 2, 3 });

	REQUIRE(all);
	REQUIRE(part);
	struct calc a0 = calc_node(all, 0), a1 = calc_node(all, 1);
	struct calc p0 = calc_node(part, 0), p1 = calc_node(part, 1);

	CHECK(a0.ret);
	CHECK(same(a0.mask, { 0, 1 }));
	CHECK(a1.ret);
	CHECK(same(a1.mask, { 2, 3 }));
	/* only the CPUs the attrs allow: CPU 0 is not among them */
	CHECK(p0.ret);
	CHECK(same(p0.mask, { 1 }));
	CHECK(p1.ret);
	CHECK(same(p1.mask, { 2, 3 }));
	free_workqueue_attrs(all);
	free_workqueue_attrs(part);
}

TEST_CASE("attrs inside one node give false for both nodes and the attrs cpumask",
	  "[ch:wq_calc_node_cpumask][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_attrs *attrs = attrs_of({ 2, 3 });
	struct workqueue_attrs *one = attrs_of({ 3 });

	REQUIRE(attrs);
	REQUIRE(one);
	/* node 0 has none of these CPUs: the default */
	struct calc n0 = calc_node(attrs, 0);
	/* node 1 has all of them: its share is the whole, nothing narrower */
	struct calc n1 = calc_node(attrs, 1);
	struct calc o1 = calc_node(one, 1);

	CHECK_FALSE(n0.ret);
	CHECK(same(n0.mask, { 2, 3 }));
	CHECK_FALSE(n1.ret);
	CHECK(same(n1.mask, { 2, 3 }));
	CHECK_FALSE(o1.ret);
	CHECK(same(o1.mask, { 3 }));
	free_workqueue_attrs(attrs);
	free_workqueue_attrs(one);
}

TEST_CASE("a CPU going down that leaves its node no allowed CPU gives the default",
	  "[ch:wq_calc_node_cpumask][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_attrs *attrs = attrs_of({ 1, 2 });

	REQUIRE(attrs);
	struct calc up = calc_node(attrs, 1);
	struct calc gone = calc_node(attrs, 1, 2);
	/* CPU 3 is not allowed anyway: its going leaves CPU 2 */
	struct calc other = calc_node(attrs, 1, 3);

	CHECK(up.ret);
	CHECK(same(up.mask, { 2 }));
	CHECK_FALSE(gone.ret);
	CHECK(same(gone.mask, { 1, 2 }));
	CHECK(other.ret);
	CHECK(same(other.mask, { 2 }));
	free_workqueue_attrs(attrs);
}

TEST_CASE("a CPU going down from a node that keeps another leaves all its possible CPUs",
	  "[ch:wq_calc_node_cpumask][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_attrs *attrs = attrs_of({ 0, 1, 2, 3 });

	REQUIRE(attrs);
	struct calc c = calc_node(attrs, 1, 2);

	/* online CPUs decide whether, possible CPUs decide which: CPU 2 stays */
	CHECK(c.ret);
	CHECK(same(c.mask, { 2, 3 }));
	free_workqueue_attrs(attrs);
}

TEST_CASE("a node whose possible CPUs miss its online ones warns and returns false",
	  "[ch:wq_calc_node_cpumask][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_attrs *attrs = attrs_of({ 0, 1, 2, 3 });
	struct cpumask saved, mask;
	bool ret;

	REQUIRE(attrs);
	REQUIRE(wq_numa_possible_cpumask);
	/* an inconsistent arch: node 1 online but, by the table, with no possible CPU */
	printk_log_clear();
	cpumask_copy(&mask, cpu_possible_mask);
	mutex_lock(&wq_pool_mutex);
	cpumask_copy(&saved, wq_numa_possible_cpumask[1]);
	cpumask_clear(wq_numa_possible_cpumask[1]);
	ret = wq_calc_node_cpumask(attrs, 1, -1, &mask);
	cpumask_copy(wq_numa_possible_cpumask[1], &saved);
	mutex_unlock(&wq_pool_mutex);

	CHECK_FALSE(ret);
	CHECK(cpumask_empty(&mask));
	CHECK(log_has("online intersect > possible intersect"));
	free_workqueue_attrs(attrs);
}
