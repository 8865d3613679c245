// SPDX-License-Identifier: GPL-2.0-only
// kernel/locking/spinlock.c: raw_spin_lock(), raw_spin_unlock() (Linux v5.9), userspace version
/*
 * A raw spinlock is the backend's lock word plus its owner.  The owner is
 * what lets lockdep_assert_held() say exactly whether the caller holds it.
 */
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <arch/arch.h>

/**
 * @brief Make @p lock free.
 * @param lock the lock
 *
 * Context: nobody uses @p lock yet.
 */
void raw_spin_lock_init(raw_spinlock_t *lock)
{
	lock->locked = 0;
	lock->owner = NULL;
}

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
}

/**
 * @brief Release @p lock.
 * @param lock the lock, held by the caller
 *
 * Context: the holder.
 */
void raw_spin_unlock(raw_spinlock_t *lock)
{
	WRITE_ONCE(lock->owner, (struct task_struct *)NULL);
	arch_spin_unlock(&lock->locked);
}
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
	return true;
}
