// SPDX-License-Identifier: GPL-2.0-only
// Tests for include/linux/jiffies.h, kernel/time/time.c and round_jiffies() (Linux v5.9)
#include <catch2/catch.hpp>

#include <limits.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include <linux/workqueue.h> /* links the boot code in */

TEST_CASE("msecs_to_jiffies rounds up and maps a negative int to MAX_JIFFY_OFFSET", "[ch:timers]")
{
	CHECK(msecs_to_jiffies(0) == 0);
	CHECK(msecs_to_jiffies(1) == 1);
	CHECK(msecs_to_jiffies(1500) == 1500);
	CHECK(msecs_to_jiffies((unsigned int)INT_MAX) == (unsigned long)INT_MAX);
	/* -1 as an int: "wait for ever", not four billion milliseconds */
	CHECK(msecs_to_jiffies((unsigned int)-1) == MAX_JIFFY_OFFSET);
	CHECK(msecs_to_jiffies(0x80000000u) == MAX_JIFFY_OFFSET);
	/* the longest timeout plus the extra jiffy callers add is still a positive long */
	CHECK((long)(MAX_JIFFY_OFFSET + 1) > 0);
	CHECK(MAX_JIFFY_OFFSET == (LONG_MAX >> 1) - 1);
}

TEST_CASE("usecs_to_jiffies rounds any started jiffy up to a whole one", "[ch:timers]")
{
	CHECK(usecs_to_jiffies(0) == 0);
	CHECK(usecs_to_jiffies(1) == 1);
	CHECK(usecs_to_jiffies(1000) == 1);
	CHECK(usecs_to_jiffies(1001) == 2);
	CHECK(usecs_to_jiffies(2500000) == 2500);
	/* more microseconds than MAX_JIFFY_OFFSET jiffies hold, as v5.9 computes it */
	CHECK(usecs_to_jiffies(UINT_MAX) == MAX_JIFFY_OFFSET);
	CHECK(usecs_to_jiffies(jiffies_to_usecs(MAX_JIFFY_OFFSET)) != MAX_JIFFY_OFFSET);
}

TEST_CASE("jiffies_to_msecs and jiffies_to_usecs invert the conversions", "[ch:timers]")
{
	CHECK(jiffies_to_msecs(0) == 0);
	CHECK(jiffies_to_msecs(1) == 1000 / HZ);
	CHECK(jiffies_to_msecs(HZ) == 1000);
	CHECK(jiffies_to_usecs(1) == 1000000 / HZ);
	CHECK(jiffies_to_usecs(HZ) == 1000000);
	for (unsigned int ms : { 1u, 7u, 250u, 1000u, 123456u })
		CHECK(jiffies_to_msecs(msecs_to_jiffies(ms)) == ms);
}

TEST_CASE("time_after and time_before stay right across the wrap of jiffies", "[ch:timers]")
{
	const unsigned long before_wrap = ULONG_MAX - 5;
	const unsigned long after_wrap = before_wrap + 10; /* 4, numerically smaller */

	CHECK(after_wrap < before_wrap);
	CHECK(time_after(after_wrap, before_wrap));
	CHECK(time_before(before_wrap, after_wrap));
	CHECK_FALSE(time_after(before_wrap, after_wrap));
	CHECK_FALSE(time_before(after_wrap, before_wrap));

	CHECK(time_after_eq(after_wrap, after_wrap));
	CHECK(time_before_eq(after_wrap, after_wrap));
	CHECK_FALSE(time_after(after_wrap, after_wrap));
	CHECK(time_after_eq(after_wrap, before_wrap));
	CHECK_FALSE(time_before_eq(after_wrap, before_wrap));
}

TEST_CASE("round_jiffies rounds to a whole second, down only within a quarter", "[ch:timers]")
{
	/* ten seconds ahead: every result below is still in the future */
	const unsigned long second = (jiffies / HZ + 10) * HZ;

	/* just past a whole second: down */
	CHECK(__round_jiffies(second + HZ / 4 - 1, 0) == second);
	/* a quarter or more past it: up */
	CHECK(__round_jiffies(second + HZ / 4, 0) == second + HZ);
	CHECK(__round_jiffies(second + HZ - 1, 0) == second + HZ);
	/* CPU 2 rounds to 6 jiffies before the second, so its timers fire apart from CPU 0's */
	CHECK(__round_jiffies(second + 100, 2) == second - 6);
	CHECK(__round_jiffies(second + 500, 2) == second + HZ - 6);
	/* round_jiffies() is __round_jiffies() for the calling CPU */
	unsigned long r = round_jiffies(second + 500);
	CHECK((r + 3 * (unsigned long)raw_smp_processor_id()) % HZ == 0);
}

TEST_CASE("round_jiffies leaves a jiffy alone that rounding would put in the past", "[ch:timers]")
{
	/* a second ago: rounded either way it stays at least a quarter second in the past */
	const unsigned long j = jiffies - HZ;

	CHECK(__round_jiffies(j, 0) == j);
	CHECK(__round_jiffies(j + 1, 0) == j + 1);
	CHECK(round_jiffies(j) == j);
}

TEST_CASE("round_jiffies_relative returns a delay that ends on a whole second", "[ch:timers]")
{
	const unsigned long delay = 5 * HZ + 400;
	unsigned long j1 = jiffies;
	unsigned long r = __round_jiffies_relative(delay, 0);
	unsigned long j2 = jiffies;
	bool ends_on_second = false;

	/* jiffies may tick during the call: some jiffy it read makes it whole */
	for (unsigned long j0 = j1; time_before_eq(j0, j2); j0++)
		ends_on_second |= (j0 + r) % HZ == 0;
	CHECK(ends_on_second);
	CHECK(r + HZ / 4 >= delay);
	CHECK(r < delay + HZ);

	unsigned long rr = round_jiffies_relative(delay);
	CHECK(rr + HZ / 4 >= delay);
	CHECK(rr < delay + HZ);
}
