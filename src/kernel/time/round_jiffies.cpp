// SPDX-License-Identifier: GPL-2.0-only
// kernel/time/timer.c: round_jiffies(), round_jiffies_relative() (Linux v5.9), userspace version
/*
 * A timer that only needs to fire "about every second" (the workqueue's
 * watchdog, statistics, cache reapers) can have its expiry moved to a whole
 * second, so that many such timers fire together and an idle CPU wakes once
 * instead of many times.  Each CPU is skewed by three jiffies so that the
 * CPUs do not all fire at the same instant and fight over the same locks.
 */
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/smp.h>

// [timers:round_jiffies]
/**
 * @brief Round the absolute jiffy @p j to a whole second, skewed for @p cpu.
 * @param j an absolute jiffy in the future
 * @param cpu the CPU whose skew (3 jiffies per CPU number) applies
 * @param force_up never round down
 *
 * Less than a quarter of a second past a whole second rounds down (the timer
 * was meant for that second, and came a little late); otherwise up.  A
 * result that is no longer in the future is no use: then @p j comes back
 * unchanged.
 *
 * Context: any.
 * @return the rounded jiffy, or @p j
 */
static unsigned long round_jiffies_common(unsigned long j, int cpu, bool force_up)
{
	unsigned long original = j;
	unsigned long skew = (unsigned long)cpu * 3;
	int rem;

	j += skew;
	rem = (int)(j % HZ);
	if (rem < HZ / 4 && !force_up)
		j -= rem;
	else
		j = j - rem + HZ;
	j -= skew;

	return time_is_after_jiffies(j) ? j : original;
}
// [timers:round_jiffies-end]

/**
 * @brief Round the absolute jiffy @p j to a whole second, as CPU @p cpu would.
 * @param j an absolute jiffy in the future
 * @param cpu the CPU whose skew applies
 *
 * Context: any.
 * @return the rounded jiffy, or @p j if rounding would put it in the past
 */
unsigned long __round_jiffies(unsigned long j, int cpu)
{
	return round_jiffies_common(j, cpu, false);
}
EXPORT_SYMBOL_GPL(__round_jiffies);

/**
 * @brief Round a delay of @p j jiffies so that it ends on a whole second, as CPU @p cpu would.
 * @param j a delay in jiffies
 * @param cpu the CPU whose skew applies
 *
 * Context: any.  Reads jiffies once, so a tick in between cannot skew the result.
 * @return the rounded delay
 */
unsigned long __round_jiffies_relative(unsigned long j, int cpu)
{
	unsigned long j0 = jiffies;

	return round_jiffies_common(j + j0, cpu, false) - j0;
}
EXPORT_SYMBOL_GPL(__round_jiffies_relative);

/**
 * @brief Round the absolute jiffy @p j to a whole second, skewed for the calling CPU.
 * @param j an absolute jiffy in the future
 *
 * Context: any.
 * @return the rounded jiffy, or @p j if rounding would put it in the past
 */
unsigned long round_jiffies(unsigned long j)
{
	return round_jiffies_common(j, raw_smp_processor_id(), false);
}
EXPORT_SYMBOL_GPL(round_jiffies);

/**
 * @brief Round a delay of @p j jiffies to end on a whole second, skewed for the calling CPU.
 * @param j a delay in jiffies
 *
 * Context: any.
 * @return the rounded delay
 */
unsigned long round_jiffies_relative(unsigned long j)
{
	return __round_jiffies_relative(j, raw_smp_processor_id());
}
EXPORT_SYMBOL_GPL(round_jiffies_relative);
