// SPDX-License-Identifier: GPL-2.0-only
// kernel/time/timer.c: msleep() (Linux v5.9), userspace version
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/sched.h>

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
