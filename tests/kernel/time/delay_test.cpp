// SPDX-License-Identifier: GPL-2.0-only
// Tests for kernel/time/sleep.cpp's module-facing calls: udelay(), usleep_range(), msleep_interruptible()
#include <catch2/catch.hpp>

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/workqueue.h> /* links the boot code in */

TEST_CASE("udelay and ndelay spin at least as long as asked", "[ch:headers]")
{
	u64 start = ktime_get_ns();

	udelay(200);
	CHECK(ktime_get_ns() - start >= 200 * NSEC_PER_USEC);
	start = ktime_get_ns();
	ndelay(5000);
	CHECK(ktime_get_ns() - start >= 5000);
	start = ktime_get_ns();
	mdelay(1);
	CHECK(ktime_get_ns() - start >= NSEC_PER_MSEC);
}

TEST_CASE("usleep_range and msleep_interruptible sleep at least the minimum", "[ch:headers]")
{
	u64 start = ktime_get_ns();

	usleep_range(1500, 2000);
	CHECK(ktime_get_ns() - start >= 1500 * NSEC_PER_USEC);
	start = ktime_get_ns();
	CHECK(msleep_interruptible(2) == 0);
	CHECK(ktime_get_ns() - start >= 2 * NSEC_PER_MSEC);
}

TEST_CASE("the interruptible and killable completion waits wait like the others", "[ch:headers]")
{
	DECLARE_COMPLETION_ONSTACK(x);

	complete(&x);
	CHECK(wait_for_completion_interruptible(&x) == 0);
	CHECK(wait_for_completion_interruptible_timeout(&x, 2) == 0);
	complete(&x);
	CHECK(wait_for_completion_killable_timeout(&x, 10 * HZ) > 0);
	complete(&x);
	CHECK(wait_for_completion_killable(&x) == 0);
	CHECK_FALSE(completion_done(&x));
}
