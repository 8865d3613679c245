/* SPDX-License-Identifier: GPL-2.0-only */
/* arch/pthread/pthread_arch.h: what the files of the pthread backend share (cmwq backend) */
#ifndef _CMWQ_PTHREAD_ARCH_H
#define _CMWQ_PTHREAD_ARCH_H

#include <linux/types.h>

/*
 * The futex operations we use.  <linux/futex.h> cannot be included here: it
 * wants the system's <linux/types.h>, and cmwq's own include directory
 * provides a different one under the same name.
 */
#ifndef FUTEX_WAIT
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_WAIT_BITSET 9
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_WAIT_PRIVATE (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_BITSET_PRIVATE (FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_BITSET_MATCH_ANY 0xffffffffu
#endif

/** @brief Note the boot time: arch_clock_ns() counts from here. */
void arch_clock_boot(void);

/** @brief Convert @p ns on the boot clock to CLOCK_MONOTONIC nanoseconds; 0 if it overflows. */
u64 arch_clock_to_monotonic(u64 ns);

#endif
