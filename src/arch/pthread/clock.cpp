// SPDX-License-Identifier: GPL-2.0-only
// arch/pthread/clock.cpp: the boot clock over CLOCK_MONOTONIC (cmwq backend)
#include <time.h>

#include "../arch.h"
#include "pthread_arch.h"

/* CLOCK_MONOTONIC at boot, in nanoseconds. */
static u64 boot_ns;

/**
 * @brief Read CLOCK_MONOTONIC in nanoseconds.
 *
 * Context: any.
 * @return the time
 */
static u64 monotonic_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000ull + (u64)ts.tv_nsec;
}

/**
 * @brief Note the boot time.
 *
 * Context: boot, single-threaded.
 */
void arch_clock_boot(void)
{
	__atomic_store_n(&boot_ns, monotonic_ns(), __ATOMIC_RELAXED);
}

/**
 * @brief Nanoseconds since boot.
 *
 * Context: any.
 * @return the time since arch_boot()
 */
u64 arch_clock_ns(void)
{
	return monotonic_ns() - __atomic_load_n(&boot_ns, __ATOMIC_RELAXED);
}

/**
 * @brief Convert a boot-clock time into CLOCK_MONOTONIC.
 * @param ns nanoseconds since boot
 *
 * Context: any.
 * @return the CLOCK_MONOTONIC time, or 0 if it does not fit (wait forever)
 */
u64 arch_clock_to_monotonic(u64 ns)
{
	u64 base = __atomic_load_n(&boot_ns, __ATOMIC_RELAXED);
	u64 abs = ns + base;

	if (abs < ns || abs / 1000000000ull > (u64)INT64_MAX / 2)
		return 0;
	return abs;
}
