/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/lockdep.h: lock-held assertions (cmwq substrate) */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/compiler.h>

struct raw_spinlock;
struct mutex;

/*
 * lockdep_assert_held(lock): WARN unless the caller holds @lock.  Every lock
 * in cmwq records its owner, so this check is exact (and cheap: one compare).
 * The kernel reaches any lock through its dep_map; here the two kinds of lock
 * have one function each, chosen by the lock's type: _Generic in C, an
 * overload in C++ (outside the C-linkage block).
 */
CMWQ_BEGIN_DECLS
void __lockdep_assert_held_spin(const struct raw_spinlock *lock, const char *file, int line,
				const char *func);
void __lockdep_assert_held_mutex(const struct mutex *lock, const char *file, int line,
				 const char *func);
CMWQ_END_DECLS
#ifdef __cplusplus
static inline void __lockdep_assert_held(const struct raw_spinlock *lock, const char *file,
					 int line, const char *func)
{
	__lockdep_assert_held_spin(lock, file, line, func);
}
static inline void __lockdep_assert_held(const struct mutex *lock, const char *file, int line,
					 const char *func)
{
	__lockdep_assert_held_mutex(lock, file, line, func);
}
#else
#define __lockdep_assert_held(l, file, line, func)                                                 \
	_Generic((l), struct raw_spinlock *: __lockdep_assert_held_spin,                          \
		 const struct raw_spinlock *: __lockdep_assert_held_spin,                         \
		 struct mutex *: __lockdep_assert_held_mutex,                                     \
		 const struct mutex *: __lockdep_assert_held_mutex)((l), (file), (line), (func))
#endif
#define lockdep_assert_held(l) __lockdep_assert_held((l), __FILE__, __LINE__, __func__)

/* Interrupts do not exist in userspace: nothing to assert. */
#define lockdep_assert_irqs_disabled() do { } while (0)

/*
 * The lock-order recorder (kernel/locking/lock_order.cpp): the part of lockdep
 * that learns the order of lock classes from what really runs.  While it is
 * on, every lock taken while the task holds others adds the edges
 * (held class -> taken class) to one table; a cycle in that graph is an
 * inversion.  Off, each lock and unlock pays one relaxed load.
 */

/** How many locks one task can hold at once and still be recorded. */
#define LOCK_ORDER_MAX_HELD 16

/** @brief One learned edge: class @c from was held when class @c to was taken. */
struct lock_order_edge {
	const char *from;    /**< the class held (its init or DEFINE text) */
	const char *to;      /**< the class taken while @c from was held */
	unsigned long count; /**< how many times the pair was seen */
};

CMWQ_BEGIN_DECLS
extern int __lock_order_on;

void lock_order_start(void);
void lock_order_stop(void);
int lock_order_edges(struct lock_order_edge *out, int max);
int lock_order_classes(const char **out, int max);
int lock_order_find_cycle(const char **cycle, int max);
unsigned long lock_order_dropped(void);
void __lock_order_acquire(const void *lock, const char *cls, bool trylock);
void __lock_order_release(const void *lock);
CMWQ_END_DECLS

/** @brief Lock @p lock of class @p cls was just taken (trylock: no edge, as in lockdep). */
static inline void lock_order_acquire(const void *lock, const char *cls, bool trylock)
{
	if (__builtin_expect(__atomic_load_n(&__lock_order_on, __ATOMIC_RELAXED), 0))
		__lock_order_acquire(lock, cls, trylock);
}

/** @brief Lock @p lock is about to be released. */
static inline void lock_order_release(const void *lock)
{
	if (__builtin_expect(__atomic_load_n(&__lock_order_on, __ATOMIC_RELAXED), 0))
		__lock_order_release(lock);
}

#endif
