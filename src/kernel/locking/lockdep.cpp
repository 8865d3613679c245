// SPDX-License-Identifier: GPL-2.0-only
// kernel/locking/lockdep.c: lockdep_assert_held() (Linux v5.9), userspace version
/*
 * The kernel's lockdep tracks every lock class and every order in which locks
 * are taken.  cmwq keeps one of its services, the one workqueue.c leans on:
 * a function can state which lock its caller must hold, and a caller that
 * does not hold it gets a warning that names the place.
 */
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

// [locking:lockdep]
/**
 * @brief WARN unless the caller holds the raw spinlock @p lock.
 * @param lock the lock
 * @param file where the assertion is
 * @param line its line
 * @param func its function
 *
 * Context: any.
 */
void __lockdep_assert_held_spin(const struct raw_spinlock *lock, const char *file, int line,
				const char *func)
{
	if (unlikely(READ_ONCE(lock->owner) != current))
		__warn_printk(file, line, func, "lockdep_assert_held: raw_spinlock not held by %s",
			      current->comm);
}

/**
 * @brief WARN unless the caller owns the mutex @p lock.
 * @param lock the mutex
 * @param file where the assertion is
 * @param line its line
 * @param func its function
 *
 * Context: any.
 */
void __lockdep_assert_held_mutex(const struct mutex *lock, const char *file, int line,
				 const char *func)
{
	if (unlikely(READ_ONCE(lock->owner) != current))
		__warn_printk(file, line, func, "lockdep_assert_held: mutex not held by %s",
			      current->comm);
}
EXPORT_SYMBOL_GPL(__lockdep_assert_held_spin);
EXPORT_SYMBOL_GPL(__lockdep_assert_held_mutex);
// [locking:lockdep-end]
