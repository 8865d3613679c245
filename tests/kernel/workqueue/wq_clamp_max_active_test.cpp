// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wq_clamp_max_active.cpp: keeping max_active in range.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("wq_clamp_max_active keeps a value in range as it is, silently", "[ch:wq_clamp_max_active]")
{
	printk_log_clear();
	CHECK(wq_clamp_max_active(1, 0, "wcma") == 1);
	CHECK(wq_clamp_max_active(16, 0, "wcma") == 16);
	CHECK(wq_clamp_max_active(WQ_MAX_ACTIVE, 0, "wcma") == WQ_MAX_ACTIVE);
	CHECK_FALSE(log_has("out of range"));
}

TEST_CASE("wq_clamp_max_active raises 0 and negative values to 1, with a warning naming the workqueue",
	  "[ch:wq_clamp_max_active]")
{
	printk_log_clear();
	CHECK(wq_clamp_max_active(0, 0, "wcma_low") == 1);
	CHECK(log_has("max_active 0 requested for wcma_low is out of range"));
	printk_log_clear();
	CHECK(wq_clamp_max_active(-3, 0, "wcma_neg") == 1);
	CHECK(log_has("max_active -3 requested for wcma_neg"));
}

TEST_CASE("wq_clamp_max_active lowers a value above WQ_MAX_ACTIVE to WQ_MAX_ACTIVE, with a warning",
	  "[ch:wq_clamp_max_active]")
{
	printk_log_clear();
	CHECK(wq_clamp_max_active(WQ_MAX_ACTIVE + 1, 0, "wcma_high") == WQ_MAX_ACTIVE);
	CHECK(log_has("max_active 513 requested for wcma_high is out of range, clamping between 1 and 512"));
}
