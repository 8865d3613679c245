// SPDX-License-Identifier: GPL-2.0-only
// kernel/time/timer.c: msleep(), usleep_range(); arch/x86/lib/delay.c: udelay() (Linux v5.9), userspace version
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <arch/arch.h>

// [timers:msleep]
/**
 * @brief Sleep at least @p msecs milliseconds.
 * @param msecs how long
 *
 * Context: process context.  Sleeps through schedule(), so a workqueue worker
 * calling it counts as sleeping.  The extra jiffy covers the part of the
 * current jiffy that has already gone by.
 */
void msleep(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
EXPORT_SYMBOL(msleep);
// [timers:msleep-end]

/**
 * @brief As msleep(); a signal would end the sleep early, and there are none.
 * @param msecs how long
 *
 * Context: process context; sleeps (TASK_INTERRUPTIBLE).
 * @return the milliseconds left: always 0
 */
unsigned long msleep_interruptible(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_interruptible(timeout);
	return 0;
}
EXPORT_SYMBOL(msleep_interruptible);

/**
 * @brief Sleep at least @p min microseconds (the kernel: at most @p max, on a high-resolution timer).
 * @param min the shortest sleep
 * @param max the longest the caller would like
 *
 * Context: process context; sleeps.  Here the sleep is in whole jiffies,
 * at least one, so it may last longer than @p max.
 */
void usleep_range(unsigned long min, unsigned long max)
{
	long timeout = (long)((min + USEC_PER_MSEC - 1) / USEC_PER_MSEC) + 1;

	(void)max;
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
EXPORT_SYMBOL(usleep_range);

/**
 * @brief Spin until the clock has advanced @p nsecs nanoseconds.
 * @param nsecs how long
 *
 * Context: any; never sleeps.  Each round is a backend relax point, so
 * under the sim other tasks run and virtual time passes.
 */
void __ndelay(unsigned long nsecs)
{
	u64 end = (u64)ktime_get_ns() + nsecs;

	while ((u64)ktime_get_ns() < end)
		arch_cpu_relax();
}
EXPORT_SYMBOL(__ndelay);

/**
 * @brief Spin for @p usecs microseconds.
 * @param usecs how long
 *
 * Context: any; never sleeps.
 */
void __udelay(unsigned long usecs)
{
	__ndelay(usecs * NSEC_PER_USEC);
}
EXPORT_SYMBOL(__udelay);
