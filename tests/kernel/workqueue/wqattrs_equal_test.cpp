// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wqattrs_equal.cpp: can one pool serve both attrs?

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("wqattrs_equal holds for equal nice and cpumask, whatever no_numa says", "[ch:wqattrs_equal]")
{
	struct workqueue_attrs *a = alloc_workqueue_attrs();
	struct workqueue_attrs *b = alloc_workqueue_attrs();

	REQUIRE(a);
	REQUIRE(b);
	a->nice = b->nice = 5;
	CHECK(wqattrs_equal(a, a));
	CHECK(wqattrs_equal(a, b));
	b->no_numa = true;
	CHECK(wqattrs_equal(a, b));
	CHECK(wqattrs_equal(b, a));
	/* an ordered workqueue's attrs say no_numa; they still describe the standard pool */
	CHECK(wqattrs_equal(unbound_std_wq_attrs[0], ordered_wq_attrs[0]));
	CHECK(wqattrs_equal(unbound_std_wq_attrs[1], ordered_wq_attrs[1]));
	CHECK_FALSE(wqattrs_equal(unbound_std_wq_attrs[0], unbound_std_wq_attrs[1]));
	free_workqueue_attrs(a);
	free_workqueue_attrs(b);
}

TEST_CASE("wqattrs_equal fails when nice differs or when the cpumasks differ", "[ch:wqattrs_equal]")
{
	struct workqueue_attrs *a = alloc_workqueue_attrs();
	struct workqueue_attrs *b = alloc_workqueue_attrs();

	REQUIRE(a);
	REQUIRE(b);
	b->nice = -1;
	CHECK_FALSE(wqattrs_equal(a, b));
	CHECK_FALSE(wqattrs_equal(b, a));

	/* same nice, b loses its last CPU: a subset is not equal */
	b->nice = 0;
	cpumask_clear_cpu(nr_cpu_ids - 1, b->cpumask);
	CHECK_FALSE(wqattrs_equal(a, b));
	CHECK_FALSE(wqattrs_equal(b, a));

	/* and once the masks agree again, so do the attrs */
	cpumask_clear_cpu(nr_cpu_ids - 1, a->cpumask);
	CHECK(wqattrs_equal(a, b));
	free_workqueue_attrs(a);
	free_workqueue_attrs(b);
}
