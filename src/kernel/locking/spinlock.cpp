// SPDX-License-Identifier: GPL-2.0-only
// kernel/locking/spinlock.c: raw_spin_lock(), raw_spin_unlock() (Linux v5.9), userspace version
/*
 * A raw spinlock is the backend's lock word plus its owner.  The owner is
 * what lets lockdep_assert_held() say exactly whether the caller holds it.
 */
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <arch/arch.h>

/**
 * @brief Make @p lock free, of class @p name (raw_spin_lock_init() passes the init site's text).
 * @param lock the lock
 * @param name its class for the lock-order recorder, or NULL to leave it out
 *
 * Context: nobody uses @p lock yet.
 */
void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name)
{
	lock->locked = 0;
	lock->owner = NULL;
	lock->name = name;
}
EXPORT_SYMBOL(__raw_spin_lock_init);

// [locking:raw_spin_lock]
/**
 * @brief Take @p lock, waiting (never through schedule()) while somebody holds it.
 * @param lock the lock
 *
 * Context: any.  Not recursive.
 */
void raw_spin_lock(raw_spinlock_t *lock)
{
	struct task_struct *me = current;

	arch_spin_lock(&lock->locked);
	WRITE_ONCE(lock->owner, me);
	lock_order_acquire(lock, lock->name, false);
}
EXPORT_SYMBOL(raw_spin_lock);

/**
 * @brief Release @p lock.
 * @param lock the lock, held by the caller
 *
 * Context: the holder.
 */
void raw_spin_unlock(raw_spinlock_t *lock)
{
	lock_order_release(lock);
	WRITE_ONCE(lock->owner, (struct task_struct *)NULL);
	arch_spin_unlock(&lock->locked);
}
EXPORT_SYMBOL(raw_spin_unlock);
// [locking:raw_spin_lock-end]

/**
 * @brief Take @p lock if it is free.
 * @param lock the lock
 *
 * Context: any.
 * @return true if the caller now holds it
 */
bool raw_spin_trylock(raw_spinlock_t *lock)
{
	struct task_struct *me = current;

	if (!arch_spin_trylock(&lock->locked))
		return false;
	WRITE_ONCE(lock->owner, me);
	lock_order_acquire(lock, lock->name, true);
	return true;
}
EXPORT_SYMBOL(raw_spin_trylock);
