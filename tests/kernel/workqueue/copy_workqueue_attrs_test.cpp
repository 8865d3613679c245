// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/copy_workqueue_attrs.cpp: a full copy, no_numa included.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("copy_workqueue_attrs copies nice, the cpumask and no_numa", "[ch:copy_workqueue_attrs]")
{
	struct workqueue_attrs *from = alloc_workqueue_attrs();
	struct workqueue_attrs *to = alloc_workqueue_attrs();

	REQUIRE(from);
	REQUIRE(to);
	from->nice = -7;
	cpumask_clear(from->cpumask);
	cpumask_set_cpu(0, from->cpumask);
	from->no_numa = true;

	/* the destination starts as the defaults: every CPU, nice 0, no_numa false */
	copy_workqueue_attrs(to, from);
	CHECK(to->nice == -7);
	CHECK(cpumask_equal(to->cpumask, cpumask_of(0)));
	CHECK(to->no_numa);

	/* copying again overwrites every field, no_numa too (false is copied as well) */
	from->nice = 4;
	cpumask_copy(from->cpumask, cpu_possible_mask);
	from->no_numa = false;
	copy_workqueue_attrs(to, from);
	CHECK(to->nice == 4);
	CHECK(cpumask_equal(to->cpumask, cpu_possible_mask));
	CHECK_FALSE(to->no_numa);

	free_workqueue_attrs(from);
	free_workqueue_attrs(to);
}

TEST_CASE("copy_workqueue_attrs copies the mask's bits: changing the source later changes nothing",
	  "[ch:copy_workqueue_attrs]")
{
	struct workqueue_attrs *from = alloc_workqueue_attrs();
	struct workqueue_attrs *to = alloc_workqueue_attrs();

	REQUIRE(from);
	REQUIRE(to);
	copy_workqueue_attrs(to, from);
	cpumask_clear(from->cpumask);
	from->nice = 3;
	CHECK(cpumask_equal(to->cpumask, cpu_possible_mask));
	CHECK(to->nice == 0);
	free_workqueue_attrs(from);
	free_workqueue_attrs(to);
}

TEST_CASE("a copy of attrs compares equal to its source and hashes the same",
	  "[ch:copy_workqueue_attrs]")
{
	struct workqueue_attrs *from = alloc_workqueue_attrs();
	struct workqueue_attrs *to = alloc_workqueue_attrs();

	REQUIRE(from);
	REQUIRE(to);
	from->nice = 11;
	cpumask_clear_cpu(0, from->cpumask);
	if (cpumask_empty(from->cpumask)) /* a one-CPU machine: keep CPU 0 */
		cpumask_set_cpu(0, from->cpumask);
	copy_workqueue_attrs(to, from);
	CHECK(wqattrs_equal(to, from));
	CHECK(wqattrs_hash(to) == wqattrs_hash(from));
	free_workqueue_attrs(from);
	free_workqueue_attrs(to);
}
