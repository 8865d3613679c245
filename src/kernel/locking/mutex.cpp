// SPDX-License-Identifier: GPL-2.0-only
// kernel/locking/mutex.c: mutex_lock(), mutex_unlock() (Linux v5.9), userspace version
/*
 * The kernel's mutex first tries to grab the owner field with one atomic
 * operation; only when that fails does it queue and sleep.  cmwq keeps that
 * shape and leaves out optimistic spinning and hand-off: a woken waiter
 * simply tries again, and may lose to a newcomer.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <arch/arch.h>

/** @brief A task sleeping on a mutex; lives on the waiter's stack. */
struct mutex_waiter {
	struct list_head list;    /**< on mutex::wait_list */
	struct task_struct *task; /**< the sleeper */
};

/**
 * @brief Make @p lock free, with nobody waiting, of class @p name (mutex_init() passes the init site's text).
 * @param lock the mutex
 * @param name its class for the lock-order recorder
 *
 * Context: nobody uses @p lock yet.  The wait_lock inside gets no class: it
 * is held only within mutex_lock() and mutex_unlock(), around no other lock.
 */
void __mutex_init(struct mutex *lock, const char *name)
{
	lock->owner = NULL;
	lock->nr_waiters = 0;
	__raw_spin_lock_init(&lock->wait_lock, NULL);
	INIT_LIST_HEAD(&lock->wait_list);
	lock->name = name;
}
EXPORT_SYMBOL(__mutex_init);

/**
 * @brief Claim @p lock for the current task if nobody owns it.
 * @param lock the mutex
 *
 * Context: any.  The compare-and-swap is a full barrier.
 * @return true if the caller now owns it
 */
static bool __mutex_trylock(struct mutex *lock)
{
	struct task_struct *expected = NULL;

	arch_sched_point();
	return __atomic_compare_exchange_n(&lock->owner, &expected, current, false,
					   __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
}

// [locking:mutex_lock]
/**
 * @brief Take @p lock, sleeping through schedule() while another task owns it.
 * @param lock the mutex
 *
 * Context: process context; may sleep, so no spinlock may be held.  Not recursive.
 */
void mutex_lock(struct mutex *lock)
{
	struct mutex_waiter waiter;

	WARN_ON_ONCE(READ_ONCE(lock->owner) == current);
	if (__mutex_trylock(lock)) {
		lock_order_acquire(lock, lock->name, false);
		return;
	}

	waiter.task = current;
	raw_spin_lock(&lock->wait_lock);
	list_add_tail(&waiter.list, &lock->wait_list);
	/* Count ourselves before the next try: an unlock after it must see us. */
	__atomic_add_fetch(&lock->nr_waiters, 1, __ATOMIC_SEQ_CST);
	for (;;) {
		if (__mutex_trylock(lock))
			break;
		set_current_state(TASK_UNINTERRUPTIBLE);
		raw_spin_unlock(&lock->wait_lock);
		schedule();
		raw_spin_lock(&lock->wait_lock);
	}
	__set_current_state(TASK_RUNNING);
	list_del(&waiter.list);
	__atomic_sub_fetch(&lock->nr_waiters, 1, __ATOMIC_SEQ_CST);
	raw_spin_unlock(&lock->wait_lock);
	lock_order_acquire(lock, lock->name, false);
}
EXPORT_SYMBOL(mutex_lock);
// [locking:mutex_lock-end]

// [locking:mutex_unlock]
/**
 * @brief Release @p lock and wake the first waiter, if any.
 * @param lock the mutex, owned by the caller
 *
 * Context: the owner; does not sleep.  Clearing the owner and reading
 * nr_waiters are both sequentially consistent, so either a waiter's next try
 * finds the mutex free or this sees the waiter and wakes it.
 */
void mutex_unlock(struct mutex *lock)
{
	WARN_ON_ONCE(READ_ONCE(lock->owner) != current);
	lock_order_release(lock);
	__atomic_store_n(&lock->owner, (struct task_struct *)NULL, __ATOMIC_SEQ_CST);
	if (!__atomic_load_n(&lock->nr_waiters, __ATOMIC_SEQ_CST))
		return;

	raw_spin_lock(&lock->wait_lock);
	if (!list_empty(&lock->wait_list)) {
		struct mutex_waiter *w =
			list_first_entry(&lock->wait_list, struct mutex_waiter, list);

		wake_up_process(w->task);
	}
	raw_spin_unlock(&lock->wait_lock);
}
EXPORT_SYMBOL(mutex_unlock);
// [locking:mutex_unlock-end]

/**
 * @brief Take @p lock if nobody owns it, without sleeping.
 * @param lock the mutex
 *
 * Context: process context.
 * @return 1 if taken, 0 if not
 */
int mutex_trylock(struct mutex *lock)
{
	if (!__mutex_trylock(lock))
		return 0;
	lock_order_acquire(lock, lock->name, true);
	return 1;
}
EXPORT_SYMBOL(mutex_trylock);

/**
 * @brief Does any task own @p lock?
 * @param lock the mutex
 *
 * Context: any; the answer may be stale at once.
 * @return true if owned
 */
bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}
EXPORT_SYMBOL(mutex_is_locked);
