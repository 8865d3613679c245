// SPDX-License-Identifier: GPL-2.0-only
// kernel/time/time.c: jiffies_to_msecs(), __msecs_to_jiffies() (Linux v5.9), userspace version
/*
 * The conversions between jiffies and human units.  v5.9 picks one of three
 * formulas by HZ at compile time; with HZ 1000 (one jiffy per millisecond)
 * every one of them is the branch for "1000 is a multiple of HZ", and
 * include/linux/jiffies.h refuses to build with any other HZ.
 */
#include <linux/export.h>
#include <linux/jiffies.h>

/**
 * @brief Jiffies to milliseconds.
 * @param j a number of jiffies
 *
 * Context: any.
 * @return the milliseconds, truncated to unsigned int as in the kernel
 */
unsigned int jiffies_to_msecs(const unsigned long j)
{
	return (unsigned int)((MSEC_PER_SEC / HZ) * j);
}
EXPORT_SYMBOL(jiffies_to_msecs);

/**
 * @brief Jiffies to microseconds.
 * @param j a number of jiffies
 *
 * Context: any.
 * @return the microseconds, truncated to unsigned int as in the kernel
 */
unsigned int jiffies_to_usecs(const unsigned long j)
{
	return (unsigned int)((USEC_PER_SEC / HZ) * j);
}
EXPORT_SYMBOL(jiffies_to_usecs);

// [timers:msecs_to_jiffies]
/**
 * @brief Milliseconds to jiffies, rounded up; msecs_to_jiffies() calls it.
 * @param m milliseconds
 *
 * A caller that computed a timeout as a signed int and got a negative one
 * passes a huge unsigned value: it means "wait for ever", and gets the
 * longest timeout there is rather than a wrapped-around short one.
 *
 * Context: any.
 * @return the jiffies, or MAX_JIFFY_OFFSET if @p m is negative as an int
 */
unsigned long __msecs_to_jiffies(const unsigned int m)
{
	if ((int)m < 0)
		return MAX_JIFFY_OFFSET;
	return _msecs_to_jiffies(m);
}
EXPORT_SYMBOL(__msecs_to_jiffies);
// [timers:msecs_to_jiffies-end]

/**
 * @brief Microseconds to jiffies, rounded up; usecs_to_jiffies() calls it.
 * @param u microseconds
 *
 * Context: any.
 * @return the jiffies, or MAX_JIFFY_OFFSET if @p u is more than that many jiffies
 */
unsigned long __usecs_to_jiffies(const unsigned int u)
{
	if (u > jiffies_to_usecs(MAX_JIFFY_OFFSET))
		return MAX_JIFFY_OFFSET;
	return _usecs_to_jiffies(u);
}
EXPORT_SYMBOL(__usecs_to_jiffies);
