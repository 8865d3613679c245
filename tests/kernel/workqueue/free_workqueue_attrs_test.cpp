// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/free_workqueue_attrs.cpp.
//
// A leak or a double free here is caught by the AddressSanitizer run.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("free_workqueue_attrs frees what alloc_workqueue_attrs allocated, and NULL quietly",
	  "[ch:free_workqueue_attrs]")
{
	unsigned long w0 = warns();

	/* a leak or a double free here fails the AddressSanitizer run */
	for (int i = 0; i < 100; i++) {
		struct workqueue_attrs *attrs = alloc_workqueue_attrs();

		REQUIRE(attrs);
		free_workqueue_attrs(attrs);
	}
	free_workqueue_attrs(NULL);
	CHECK(warns() == w0);
}
