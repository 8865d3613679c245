// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/alloc_workqueue_attrs.cpp: default attributes.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("alloc_workqueue_attrs gives nice 0 and every possible CPU", "[ch:alloc_workqueue_attrs]")
{
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();

	REQUIRE(attrs);
	CHECK(attrs->nice == 0);
	CHECK(cpumask_equal(attrs->cpumask, cpu_possible_mask));
	CHECK(cpumask_weight(attrs->cpumask) == nr_cpu_ids);
	CHECK_FALSE(attrs->no_numa);
	free_workqueue_attrs(attrs);
}

TEST_CASE("alloc_workqueue_attrs returns a new object each time", "[ch:alloc_workqueue_attrs]")
{
	struct workqueue_attrs *a = alloc_workqueue_attrs();
	struct workqueue_attrs *b = alloc_workqueue_attrs();

	REQUIRE(a);
	REQUIRE(b);
	CHECK(a != b);
	a->nice = -5;
	CHECK(b->nice == 0);
	free_workqueue_attrs(a);
	free_workqueue_attrs(b);
}
