/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/delay.h: sleeping, and busy-waiting, for a while (cmwq substrate) */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/compiler.h>

CMWQ_BEGIN_DECLS

/**
 * @brief Sleep at least @p msecs milliseconds, through schedule().
 *
 * A work item that calls it counts as sleeping, so the pool may run another worker.
 */
void msleep(unsigned int msecs);

/** @brief As msleep(), woken early by a signal, which cmwq does not have. @return 0 */
unsigned long msleep_interruptible(unsigned int msecs);

/**
 * @brief Sleep between @p min and @p max microseconds, through schedule().
 *
 * The clock of a sleep is the jiffy (one millisecond), so the sleep lasts at
 * least @p min, rounded up to whole jiffies: it may run past @p max.
 */
void usleep_range(unsigned long min, unsigned long max);

/** @brief Spin, without sleeping, for at least @p usecs microseconds. */
void __udelay(unsigned long usecs);
/** @brief Spin, without sleeping, for at least @p nsecs nanoseconds. */
void __ndelay(unsigned long nsecs);

CMWQ_END_DECLS

/*
 * Busy waits: the caller keeps its CPU, and a worker that calls them stays
 * running for concurrency management, as in the kernel.
 */
#define udelay(n) __udelay(n)
#define ndelay(n) __ndelay(n)
#define mdelay(n)                                                                                  \
	({                                                                                         \
		unsigned long __ms = (n);                                                          \
		while (__ms--)                                                                     \
			udelay(1000);                                                              \
	})

/** @brief Sleep @p seconds seconds, through schedule(). */
static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

#endif
