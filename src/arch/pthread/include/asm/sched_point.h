/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arch/pthread/include/asm/sched_point.h: arch_sched_point() for real threads (cmwq backend)
 *
 * The build puts this directory on the include path of everything compiled
 * for the pthread backend (and installs it as include/asm/), as the kernel's
 * build puts arch/<arch>/include there: <linux/atomic.h> and <linux/bitops.h>
 * include <asm/sched_point.h> and get this file, without a backend macro.
 * src/arch/arch.h states the contract.
 */
#ifndef _CMWQ_PTHREAD_ASM_SCHED_POINT_H
#define _CMWQ_PTHREAD_ASM_SCHED_POINT_H

/*
 * With real threads another task may run between any two instructions, so a
 * scheduling point has nothing to do: an empty inline function, which costs
 * nothing on the atomic operations that call it.
 */
static inline void arch_sched_point(void) {}

#endif /* _CMWQ_PTHREAD_ASM_SCHED_POINT_H */
