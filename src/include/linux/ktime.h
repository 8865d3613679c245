/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/ktime.h: nanosecond time, ktime_get() and the units (cmwq substrate) */
/*
 * What a kernel module includes to read the time and to convert between
 * units, with the kernel's names: the NSEC_PER_* constants (the kernel keeps
 * them in vdso/time64.h), ktime_t and its helpers, and ktime_get() (declared
 * in the kernel's linux/timekeeping.h, which linux/ktime.h includes).  A tool
 * reads the clock through these, never through the backend's seam: under
 * the sim it is virtual time, with real threads CLOCK_MONOTONIC since boot.
 */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include <linux/types.h>

CMWQ_BEGIN_DECLS

#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_SEC 1000000000L

/** @brief A time or an interval, in nanoseconds. */
typedef s64 ktime_t;

/**
 * @brief The monotonic clock: nanoseconds since the substrate booted.
 *
 * Context: any.
 * @return the time now (virtual time under the sim backend)
 */
ktime_t ktime_get(void);

/** @brief @p kt in nanoseconds. */
static inline s64 ktime_to_ns(const ktime_t kt)
{
	return kt;
}

/** @brief @p kt in whole microseconds. */
static inline s64 ktime_to_us(const ktime_t kt)
{
	return kt / NSEC_PER_USEC;
}

/** @brief @p kt in whole milliseconds. */
static inline s64 ktime_to_ms(const ktime_t kt)
{
	return kt / NSEC_PER_MSEC;
}

/** @brief @p later - @p earlier. */
static inline ktime_t ktime_sub(const ktime_t later, const ktime_t earlier)
{
	return later - earlier;
}

/** @brief ktime_get() as a plain count of nanoseconds. */
static inline u64 ktime_get_ns(void)
{
	return (u64)ktime_to_ns(ktime_get());
}

CMWQ_END_DECLS

#endif /* _LINUX_KTIME_H */
