/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/mutex.h: sleeping locks (cmwq substrate) */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/spinlock.h>

CMWQ_BEGIN_DECLS

/**
 * @brief A sleeping lock: a waiter blocks through schedule().
 *
 * So a work item that waits for a mutex counts as sleeping for concurrency
 * management, and the pool may start another worker, as in the kernel.
 */
struct mutex {
	struct task_struct *owner;  /**< the holder, or NULL */
	int nr_waiters;             /**< tasks queued on wait_list (read by unlock) */
	raw_spinlock_t wait_lock;   /**< protects wait_list */
	struct list_head wait_list; /**< sleeping waiters, in arrival order */
	const char *name;           /**< lock class for the lock-order recorder: the text at the init or DEFINE site */
};

/* wait_lock has no class (NULL): it is the mutex's own insides, held around no other lock. */
#define __MUTEX_INITIALIZER(name) { NULL, 0, { 0, NULL, NULL }, { &(name).wait_list, &(name).wait_list }, #name }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

void __mutex_init(struct mutex *lock, const char *name);
/* The class is the init site's text, as lockdep names it: mutex_init(&wq->mutex) is "&wq->mutex". */
#define mutex_init(lock) __mutex_init((lock), #lock)
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

CMWQ_END_DECLS

/*
 * Without signals, a sleep that a signal could end ends only when the lock
 * is taken: these forms always take it and return 0.
 */
static inline int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock(lock);
	return 0;
}
static inline int mutex_lock_killable(struct mutex *lock)
{
	mutex_lock(lock);
	return 0;
}
/* Lockdep's nesting annotation: the subclass is not recorded. */
#define mutex_lock_nested(lock, subclass) mutex_lock(lock)
/* The kernel's debug build poisons the mutex; here there is nothing to undo. */
static inline void mutex_destroy(struct mutex *lock)
{
	(void)lock;
}

CMWQ_BEGIN_DECLS

CMWQ_END_DECLS

#endif
