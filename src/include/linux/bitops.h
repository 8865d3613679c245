/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/bitops.h: bit operations on unsigned long words (cmwq substrate) */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/types.h>
#include <asm/sched_point.h> /* arch_sched_point(): the backend's, src/arch/arch.h */

#define BIT(nr) (1UL << (nr))

#if defined(__SANITIZE_THREAD__)
#include <linux/compiler.h>
/*
 * The kernel's value-returning atomics are fully ordered: as if smp_mb()
 * came before and after.  A sequentially consistent RMW orders as much, but
 * ThreadSanitizer follows only an edge from a release to an acquire of the
 * same word, so the kernel's pairing of "smp_wmb(); clear PENDING" with a
 * later test_and_set_bit() of PENDING would look like a race.  In its build
 * the two barriers are spelled out, on compiler.h's barrier word.
 */
#define BITOPS_FULL_BARRIER() smp_mb()
#else
#define BITOPS_FULL_BARRIER() ((void)0)
#endif

/* Atomic: set bit @nr and return its old value (a full barrier). */
static inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = BIT(nr), old;
	arch_sched_point();
	BITOPS_FULL_BARRIER();
	old = __atomic_fetch_or((unsigned long *)addr, mask, __ATOMIC_SEQ_CST);
	BITOPS_FULL_BARRIER();
	return old & mask;
}

/* Atomic: clear bit @nr and return its old value (a full barrier). */
static inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = BIT(nr), old;
	arch_sched_point();
	BITOPS_FULL_BARRIER();
	old = __atomic_fetch_and((unsigned long *)addr, ~mask, __ATOMIC_SEQ_CST);
	BITOPS_FULL_BARRIER();
	return old & mask;
}

static inline void set_bit(long nr, volatile unsigned long *addr)
{
	arch_sched_point();
	__atomic_fetch_or((unsigned long *)addr, BIT(nr), __ATOMIC_RELAXED);
}

static inline void clear_bit(long nr, volatile unsigned long *addr)
{
	arch_sched_point();
	__atomic_fetch_and((unsigned long *)addr, ~BIT(nr), __ATOMIC_RELAXED);
}

static inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return (__atomic_load_n((const unsigned long *)addr, __ATOMIC_RELAXED) >> nr) & 1;
}

/*
 * Non-atomic forms: the caller owns the word (for a work item: owns PENDING).
 * They are relaxed atomic loads and stores so that concurrent readers are not a data race.
 */
static inline void __set_bit(long nr, volatile unsigned long *addr)
{
	unsigned long v = __atomic_load_n((unsigned long *)addr, __ATOMIC_RELAXED);
	__atomic_store_n((unsigned long *)addr, v | BIT(nr), __ATOMIC_RELAXED);
}

static inline void __clear_bit(long nr, volatile unsigned long *addr)
{
	unsigned long v = __atomic_load_n((unsigned long *)addr, __ATOMIC_RELAXED);
	__atomic_store_n((unsigned long *)addr, v & ~BIT(nr), __ATOMIC_RELAXED);
}

#endif /* _LINUX_BITOPS_H */
