// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/work_next_color.cpp: the flush colors form a ring of WORK_NR_COLORS.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("work_next_color counts up and wraps from the last usable color to 0", "[ch:work_next_color]")
{
	CHECK(work_next_color(0) == 1);
	CHECK(work_next_color(7) == 8);
	CHECK(work_next_color(WORK_NR_COLORS - 2) == WORK_NR_COLORS - 1);
	CHECK(work_next_color(WORK_NR_COLORS - 1) == 0);
}

TEST_CASE("work_next_color never yields WORK_NO_COLOR and visits every usable color once per lap",
	  "[ch:work_next_color]")
{
	bool seen[WORK_NR_COLORS] = {};
	int c = 0;

	for (int i = 0; i < WORK_NR_COLORS; i++) {
		REQUIRE(c >= 0);
		REQUIRE(c < WORK_NR_COLORS);
		CHECK_FALSE(seen[c]);
		seen[c] = true;
		c = work_next_color(c);
		CHECK(c != WORK_NO_COLOR);
	}
	CHECK(c == 0);
}
