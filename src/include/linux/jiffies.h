/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/jiffies.h: the tick counter (cmwq substrate) */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

/* Ticks per second.  One jiffy is one millisecond. */
#define HZ 1000

/** @brief Ticks since boot, read from the backend's clock. */
unsigned long get_jiffies(void);
#define jiffies get_jiffies()

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(unsigned int m) { return (unsigned long)m * HZ / 1000; }
static inline unsigned int jiffies_to_msecs(unsigned long j) { return (unsigned int)(j * 1000 / HZ); }

#endif
