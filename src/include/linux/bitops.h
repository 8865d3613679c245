/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/bitops.h: bit operations on arrays of unsigned long (cmwq substrate) */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/types.h>
#include <asm/sched_point.h> /* arch_sched_point(): the backend's, src/arch/arch.h */

/*
 * Bit @nr of a bitmap is bit (nr % BITS_PER_LONG) of word (nr / BITS_PER_LONG),
 * as in the kernel, so @nr may run past the first word.  Ordering, as
 * Documentation/atomic_bitops.txt gives it: set_bit(), clear_bit() and
 * change_bit() are atomic and unordered (relaxed); the test_and_*() forms
 * are atomic and fully ordered; test_bit() is a plain (relaxed) read.  The
 * __ forms are not atomic: the caller owns the word (for a work item: owns
 * PENDING).  They are relaxed loads and stores, so a concurrent reader is
 * not a data race.  Each atomic form is a scheduling point of the backend.
 */

#define BIT(nr) (1UL << (nr))
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BITS_PER_BYTE 8
#define BITS_TO_LONGS(n) (((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
/** A bitmap of @p bits bits. */
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

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

/* The word of @addr that holds bit @nr, as the plain pointer the builtins take. */
static inline unsigned long *__bitop_word(long nr, volatile unsigned long *addr)
{
	return (unsigned long *)addr + BIT_WORD(nr);
}

static inline void set_bit(long nr, volatile unsigned long *addr)
{
	arch_sched_point();
	__atomic_fetch_or(__bitop_word(nr, addr), BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline void clear_bit(long nr, volatile unsigned long *addr)
{
	arch_sched_point();
	__atomic_fetch_and(__bitop_word(nr, addr), ~BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline void change_bit(long nr, volatile unsigned long *addr)
{
	arch_sched_point();
	__atomic_fetch_xor(__bitop_word(nr, addr), BIT_MASK(nr), __ATOMIC_RELAXED);
}

/* Atomic: set bit @nr and return its old value (a full barrier). */
static inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = BIT_MASK(nr), old;
	arch_sched_point();
	BITOPS_FULL_BARRIER();
	old = __atomic_fetch_or(__bitop_word(nr, addr), mask, __ATOMIC_SEQ_CST);
	BITOPS_FULL_BARRIER();
	return old & mask;
}

static inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = BIT_MASK(nr), old;
	arch_sched_point();
	BITOPS_FULL_BARRIER();
	old = __atomic_fetch_and(__bitop_word(nr, addr), ~mask, __ATOMIC_SEQ_CST);
	BITOPS_FULL_BARRIER();
	return old & mask;
}

static inline bool test_and_change_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = BIT_MASK(nr), old;
	arch_sched_point();
	BITOPS_FULL_BARRIER();
	old = __atomic_fetch_xor(__bitop_word(nr, addr), mask, __ATOMIC_SEQ_CST);
	BITOPS_FULL_BARRIER();
	return old & mask;
}

static inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	const unsigned long *w = (const unsigned long *)addr + BIT_WORD(nr);
	return (__atomic_load_n(w, __ATOMIC_RELAXED) >> (nr % BITS_PER_LONG)) & 1;
}

/* Non-atomic forms: one relaxed load, one relaxed store. */
static inline void __set_bit(long nr, volatile unsigned long *addr)
{
	unsigned long *w = __bitop_word(nr, addr);
	__atomic_store_n(w, __atomic_load_n(w, __ATOMIC_RELAXED) | BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline void __clear_bit(long nr, volatile unsigned long *addr)
{
	unsigned long *w = __bitop_word(nr, addr);
	__atomic_store_n(w, __atomic_load_n(w, __ATOMIC_RELAXED) & ~BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline void __change_bit(long nr, volatile unsigned long *addr)
{
	unsigned long *w = __bitop_word(nr, addr);
	__atomic_store_n(w, __atomic_load_n(w, __ATOMIC_RELAXED) ^ BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline bool __test_and_set_bit(long nr, volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);
	__set_bit(nr, addr);
	return old;
}

static inline bool __test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);
	__clear_bit(nr, addr);
	return old;
}

static inline bool __test_and_change_bit(long nr, volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);
	__change_bit(nr, addr);
	return old;
}

/* Index of the lowest set bit of @word, which must not be 0. */
static inline unsigned long __ffs(unsigned long word)
{
	return (unsigned long)__builtin_ctzl(word);
}
/* 1-based index of the highest set bit of @x; 0 if @x is 0. */
static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}
/* How many bits of @w are set. */
static inline unsigned long hweight_long(unsigned long w)
{
	return (unsigned long)__builtin_popcountl(w);
}

#endif /* _LINUX_BITOPS_H */
