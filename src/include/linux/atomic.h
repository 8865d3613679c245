/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/atomic.h: atomic_t, atomic64_t and atomic_long_t operations (cmwq substrate) */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <asm/sched_point.h> /* arch_sched_point(): the backend's, src/arch/arch.h */

/*
 * The kernel's atomic API (Documentation/atomic_t.txt), over the compiler's
 * __atomic builtins.  Ordering: atomic_read() and atomic_set() are relaxed,
 * as the kernel's are.  Every read-modify-write here is fully ordered, the
 * ones that return a value (as the kernel's are) and the ones that do not
 * (atomic_inc(), atomic_add(), ...: unordered in the kernel, which is why it
 * has smp_mb__after_atomic(); here that is only a compiler barrier).  So code
 * correct against the kernel's weaker rules is correct here; code that
 * forgets a barrier the kernel needs is not caught.  Each read-modify-write
 * is a scheduling point of the backend (the sim may switch tasks there).
 *
 * One macro writes each family three times: atomic_*() on atomic_t (int),
 * atomic64_*() on atomic64_t (s64) and atomic_long_*() on atomic_long_t.
 */

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i)                                                                           \
	{                                                                                          \
		(s64)(i)                                                                           \
	}
#define ATOMIC_LONG_INIT(i) { (long)(i) }

#define __CMWQ_RMW(v, op, i)                                                                       \
	(arch_sched_point(), __atomic_##op(&(v)->counter, (i), __ATOMIC_SEQ_CST))

#define __CMWQ_ATOMIC_OPS(pfx, atype, T)                                                           \
	static inline T pfx##_read(const atype *v)                                                 \
	{                                                                                          \
		return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);                             \
	}                                                                                          \
	static inline void pfx##_set(atype *v, T i)                                                \
	{                                                                                          \
		__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);                                \
	}                                                                                          \
	/* release/acquire forms of read and set */                                                \
	static inline T pfx##_read_acquire(const atype *v)                                         \
	{                                                                                          \
		return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE);                             \
	}                                                                                          \
	static inline void pfx##_set_release(atype *v, T i)                                        \
	{                                                                                          \
		__atomic_store_n(&v->counter, i, __ATOMIC_RELEASE);                                \
	}                                                                                          \
	/* no value returned */                                                                    \
	static inline void pfx##_add(T i, atype *v)                                                \
	{                                                                                          \
		(void)__CMWQ_RMW(v, fetch_add, i);                                                 \
	}                                                                                          \
	static inline void pfx##_sub(T i, atype *v)                                                \
	{                                                                                          \
		(void)__CMWQ_RMW(v, fetch_sub, i);                                                 \
	}                                                                                          \
	static inline void pfx##_inc(atype *v)                                                     \
	{                                                                                          \
		(void)__CMWQ_RMW(v, fetch_add, 1);                                                 \
	}                                                                                          \
	static inline void pfx##_dec(atype *v)                                                     \
	{                                                                                          \
		(void)__CMWQ_RMW(v, fetch_sub, 1);                                                 \
	}                                                                                          \
	static inline void pfx##_and(T i, atype *v)                                                \
	{                                                                                          \
		(void)__CMWQ_RMW(v, fetch_and, i);                                                 \
	}                                                                                          \
	static inline void pfx##_or(T i, atype *v)                                                 \
	{                                                                                          \
		(void)__CMWQ_RMW(v, fetch_or, i);                                                  \
	}                                                                                          \
	static inline void pfx##_xor(T i, atype *v)                                                \
	{                                                                                          \
		(void)__CMWQ_RMW(v, fetch_xor, i);                                                 \
	}                                                                                          \
	static inline void pfx##_andnot(T i, atype *v)                                             \
	{                                                                                          \
		(void)__CMWQ_RMW(v, fetch_and, ~i);                                                \
	}                                                                                          \
	/* the new value */                                                                        \
	static inline T pfx##_add_return(T i, atype *v)                                            \
	{                                                                                          \
		return __CMWQ_RMW(v, add_fetch, i);                                                \
	}                                                                                          \
	static inline T pfx##_sub_return(T i, atype *v)                                            \
	{                                                                                          \
		return __CMWQ_RMW(v, sub_fetch, i);                                                \
	}                                                                                          \
	static inline T pfx##_inc_return(atype *v)                                                 \
	{                                                                                          \
		return __CMWQ_RMW(v, add_fetch, 1);                                                \
	}                                                                                          \
	static inline T pfx##_dec_return(atype *v)                                                 \
	{                                                                                          \
		return __CMWQ_RMW(v, sub_fetch, 1);                                                \
	}                                                                                          \
	/* the old value */                                                                        \
	static inline T pfx##_fetch_add(T i, atype *v)                                             \
	{                                                                                          \
		return __CMWQ_RMW(v, fetch_add, i);                                                \
	}                                                                                          \
	static inline T pfx##_fetch_sub(T i, atype *v)                                             \
	{                                                                                          \
		return __CMWQ_RMW(v, fetch_sub, i);                                                \
	}                                                                                          \
	static inline T pfx##_fetch_inc(atype *v)                                                  \
	{                                                                                          \
		return __CMWQ_RMW(v, fetch_add, 1);                                                \
	}                                                                                          \
	static inline T pfx##_fetch_dec(atype *v)                                                  \
	{                                                                                          \
		return __CMWQ_RMW(v, fetch_sub, 1);                                                \
	}                                                                                          \
	static inline T pfx##_fetch_and(T i, atype *v)                                             \
	{                                                                                          \
		return __CMWQ_RMW(v, fetch_and, i);                                                \
	}                                                                                          \
	static inline T pfx##_fetch_or(T i, atype *v)                                              \
	{                                                                                          \
		return __CMWQ_RMW(v, fetch_or, i);                                                 \
	}                                                                                          \
	static inline T pfx##_fetch_xor(T i, atype *v)                                             \
	{                                                                                          \
		return __CMWQ_RMW(v, fetch_xor, i);                                                \
	}                                                                                          \
	static inline T pfx##_fetch_andnot(T i, atype *v)                                          \
	{                                                                                          \
		return __CMWQ_RMW(v, fetch_and, ~i);                                               \
	}                                                                                          \
	/* exchange, compare-and-exchange (returns the old value) */                               \
	static inline T pfx##_xchg(atype *v, T n)                                                  \
	{                                                                                          \
		return __CMWQ_RMW(v, exchange_n, n);                                               \
	}                                                                                          \
	static inline T pfx##_cmpxchg(atype *v, T old, T n)                                        \
	{                                                                                          \
		arch_sched_point();                                                                \
		__atomic_compare_exchange_n(&v->counter, &old, n, false, __ATOMIC_SEQ_CST,         \
					    __ATOMIC_SEQ_CST);                                     \
		return old;                                                                        \
	}                                                                                          \
	/* true if *v was *old and is now n; otherwise *old is what *v was */                      \
	static inline bool pfx##_try_cmpxchg(atype *v, T *old, T n)                                \
	{                                                                                          \
		arch_sched_point();                                                                \
		return __atomic_compare_exchange_n(&v->counter, old, n, false, __ATOMIC_SEQ_CST,   \
						   __ATOMIC_SEQ_CST);                              \
	}                                                                                          \
	/* tests on the new value */                                                               \
	static inline bool pfx##_sub_and_test(T i, atype *v)                                       \
	{                                                                                          \
		return pfx##_sub_return(i, v) == 0;                                                \
	}                                                                                          \
	static inline bool pfx##_dec_and_test(atype *v)                                            \
	{                                                                                          \
		return pfx##_dec_return(v) == 0;                                                   \
	}                                                                                          \
	static inline bool pfx##_inc_and_test(atype *v)                                            \
	{                                                                                          \
		return pfx##_inc_return(v) == 0;                                                   \
	}                                                                                          \
	static inline bool pfx##_add_negative(T i, atype *v)                                       \
	{                                                                                          \
		return pfx##_add_return(i, v) < 0;                                                 \
	}                                                                                          \
	/* add @a unless *v is @u; the old value */                                                \
	static inline T pfx##_fetch_add_unless(atype *v, T a, T u)                                 \
	{                                                                                          \
		T c = pfx##_read(v);                                                               \
		do {                                                                               \
			if (c == u)                                                                \
				break;                                                             \
		} while (!pfx##_try_cmpxchg(v, &c, c + a));                                        \
		return c;                                                                          \
	}                                                                                          \
	/* true if it added */                                                                     \
	static inline bool pfx##_add_unless(atype *v, T a, T u)                                    \
	{                                                                                          \
		return pfx##_fetch_add_unless(v, a, u) != u;                                       \
	}                                                                                          \
	static inline bool pfx##_inc_not_zero(atype *v)                                            \
	{                                                                                          \
		return pfx##_add_unless(v, 1, 0);                                                  \
	}                                                                                          \
	/* decrement unless that makes it negative; the old value minus 1 either way */            \
	static inline T pfx##_dec_if_positive(atype *v)                                            \
	{                                                                                          \
		T c = pfx##_read(v);                                                               \
		do {                                                                               \
			if (c - 1 < 0)                                                             \
				break;                                                             \
		} while (!pfx##_try_cmpxchg(v, &c, c - 1));                                        \
		return c - 1;                                                                      \
	}

__CMWQ_ATOMIC_OPS(atomic, atomic_t, int)
__CMWQ_ATOMIC_OPS(atomic64, atomic64_t, s64)
__CMWQ_ATOMIC_OPS(atomic_long, atomic_long_t, long)

#endif /* _LINUX_ATOMIC_H */
