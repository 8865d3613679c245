// SPDX-License-Identifier: GPL-2.0-only
// kernel/time/timekeeping.c: ktime_get() (Linux v5.9), userspace version
/*
 * The kernel's timekeeping reads a clocksource and keeps wall and monotonic
 * time.  Here the backend keeps the clock (arch_clock_ns(): CLOCK_MONOTONIC
 * since boot with real threads, virtual time in the sim), and ktime_get() is
 * the door to it that code above the seam, and the tools, use.
 */
#include <linux/ktime.h>
#include <arch/arch.h>

/**
 * @brief The monotonic clock: nanoseconds since the substrate booted.
 *
 * Context: any; never sleeps.
 * @return the time now
 */
ktime_t ktime_get(void)
{
	return (ktime_t)arch_clock_ns();
}
