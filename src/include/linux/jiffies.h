/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/jiffies.h: the tick counter and its conversions (Linux v5.9, cmwq substrate) */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <limits.h>
#include <linux/types.h>
#include <linux/ktime.h>

CMWQ_BEGIN_DECLS

/* Ticks per second.  One jiffy is one millisecond. */
#define HZ 1000

#if HZ > MSEC_PER_SEC || MSEC_PER_SEC % HZ
#error "the conversions below take the kernel's branch for an HZ that divides 1000"
#endif

/** @brief Ticks since boot, read from the backend's clock. */
unsigned long get_jiffies(void);
#define jiffies get_jiffies()

/*
 * Jiffies wrap around.  Comparing two of them as plain numbers goes wrong
 * at the wrap; the difference, taken as a signed long, stays right as long
 * as the two are less than LONG_MAX ticks apart.  Both arguments must be
 * unsigned long: comparing pointers to the two types, as the kernel's
 * typecheck() does, fails to compile otherwise.
 */
#define __jiffies_typecheck(x) ((void)((unsigned long *)0 == (__typeof__(x) *)0), 1)
/** True if jiffy @p a is after jiffy @p b. */
#define time_after(a, b)                                                                           \
	(__jiffies_typecheck(a) && __jiffies_typecheck(b) && ((long)((b) - (a)) < 0))
/** True if jiffy @p a is before jiffy @p b. */
#define time_before(a, b) time_after(b, a)
/** True if jiffy @p a is after or equal to jiffy @p b. */
#define time_after_eq(a, b)                                                                        \
	(__jiffies_typecheck(a) && __jiffies_typecheck(b) && ((long)((a) - (b)) >= 0))
/** True if jiffy @p a is before or equal to jiffy @p b. */
#define time_before_eq(a, b) time_after_eq(b, a)

/** True if jiffy @p a has passed. */
#define time_is_before_jiffies(a) time_after(jiffies, a)
/** True if jiffy @p a is still to come. */
#define time_is_after_jiffies(a) time_before(jiffies, a)

/*
 * The longest timeout a conversion returns: "for ever".  Not LONG_MAX,
 * because callers often wait one jiffy more than asked ("timeout + 1") and
 * that sum must still be a positive long.
 */
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)

unsigned int jiffies_to_msecs(const unsigned long j);
unsigned int jiffies_to_usecs(const unsigned long j);
unsigned long __msecs_to_jiffies(const unsigned int m);
unsigned long __usecs_to_jiffies(const unsigned int u);

/** @brief msecs_to_jiffies() without the range checks: whole jiffies, rounded up. */
static inline unsigned long _msecs_to_jiffies(const unsigned int m)
{
	return (m + (MSEC_PER_SEC / HZ) - 1) / (MSEC_PER_SEC / HZ);
}

/** @brief usecs_to_jiffies() without the range checks: whole jiffies, rounded up. */
static inline unsigned long _usecs_to_jiffies(const unsigned int u)
{
	return (u + (USEC_PER_SEC / HZ) - 1) / (USEC_PER_SEC / HZ);
}

/**
 * @brief Milliseconds to jiffies, rounded up so a wait is never shorter than asked.
 * @param m milliseconds; a value that is negative as an int means "for ever"
 * @return the jiffies, or MAX_JIFFY_OFFSET
 */
static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	return __msecs_to_jiffies(m);
}

/**
 * @brief Microseconds to jiffies, rounded up.
 * @param u microseconds
 * @return the jiffies, or MAX_JIFFY_OFFSET if @p u is more than that many jiffies
 */
static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	return __usecs_to_jiffies(u);
}

unsigned long round_jiffies(unsigned long j);
unsigned long round_jiffies_relative(unsigned long j);
unsigned long __round_jiffies(unsigned long j, int cpu);
unsigned long __round_jiffies_relative(unsigned long j, int cpu);

CMWQ_END_DECLS

#endif
