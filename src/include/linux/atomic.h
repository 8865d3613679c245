/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/atomic.h: atomic_t and atomic_long_t operations (cmwq substrate) */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <asm/sched_point.h> /* arch_sched_point(): the backend's, src/arch/arch.h */

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (long)(i) }

/* Plain reads and writes are relaxed; read-modify-writes are full barriers, as in the kernel. */
static inline int atomic_read(const atomic_t *v) { return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); }
static inline void atomic_set(atomic_t *v, int i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); }
static inline void atomic_inc(atomic_t *v) { arch_sched_point(); __atomic_fetch_add(&v->counter, 1, __ATOMIC_SEQ_CST); }
static inline void atomic_dec(atomic_t *v) { arch_sched_point(); __atomic_fetch_sub(&v->counter, 1, __ATOMIC_SEQ_CST); }
static inline int atomic_inc_return(atomic_t *v) { arch_sched_point(); return __atomic_add_fetch(&v->counter, 1, __ATOMIC_SEQ_CST); }
static inline int atomic_dec_return(atomic_t *v) { arch_sched_point(); return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST); }
static inline bool atomic_dec_and_test(atomic_t *v) { return atomic_dec_return(v) == 0; }

static inline long atomic_long_read(const atomic_long_t *v) { return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); }
static inline void atomic_long_set(atomic_long_t *v, long i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); }
static inline long atomic_long_inc_return(atomic_long_t *v) { arch_sched_point(); return __atomic_add_fetch(&v->counter, 1, __ATOMIC_SEQ_CST); }
static inline long atomic_long_cmpxchg(atomic_long_t *v, long old, long n)
{
	arch_sched_point();
	__atomic_compare_exchange_n(&v->counter, &old, n, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return old;
}

#endif /* _LINUX_ATOMIC_H */
