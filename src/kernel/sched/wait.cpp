// SPDX-License-Identifier: GPL-2.0-only
// kernel/sched/wait.c: __wake_up(), prepare_to_wait(), finish_wait() (Linux v5.9), userspace version
/*
 * The kernel's wait queues as the workqueue's cancel uses them.  A sleeper
 * queues an entry and sets its task state under the queue's lock, then
 * sleeps in schedule() (so a workqueue worker sleeping here is seen by
 * concurrency management); a waker walks the entries under the same lock and
 * calls each one's function with its key, stopping once it has woken the
 * number of exclusive sleepers it was asked for.
 */
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/wait.h>

/**
 * @brief Make @p wq_head an empty wait queue.
 * @param wq_head the wait queue
 *
 * Context: nobody uses @p wq_head yet.
 */
void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}
EXPORT_SYMBOL(init_waitqueue_head);

/**
 * @brief Queue @p wq_entry, non-exclusive, at the head of @p wq_head.
 * @param wq_head the wait queue
 * @param wq_entry the entry, not queued
 *
 * Context: any; takes wq_head->lock.
 */
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(add_wait_queue);

/**
 * @brief Queue @p wq_entry, exclusive, at the tail of @p wq_head.
 * @param wq_head the wait queue
 * @param wq_entry the entry, not queued
 *
 * Context: any; takes wq_head->lock.
 */
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add_tail(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(add_wait_queue_exclusive);

/**
 * @brief Take @p wq_entry off @p wq_head.
 * @param wq_head the wait queue
 * @param wq_entry a queued entry
 *
 * Context: any; takes wq_head->lock.
 */
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(remove_wait_queue);

// [wait:wake_up]
/**
 * @brief Call each entry's wake function with @p key until @p nr exclusive ones woke.
 * @param wq_head the wait queue
 * @param mode the task states to wake (TASK_NORMAL)
 * @param nr how many exclusive sleepers to wake; 0 for all
 * @param key passed to each wake function (the workqueue's cancel passes the work item)
 *
 * Non-exclusive entries sit at the head and are all called; an exclusive
 * entry whose function returns nonzero counts against @p nr.  The walk is
 * safe against a function that takes its own entry off the list.
 *
 * Context: any; takes wq_head->lock, does not sleep.
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key)
{
	struct wait_queue_entry *curr, *next;
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int wq_flags = curr->flags;
		int ret = curr->func(curr, mode, 0, key);

		if (ret < 0)
			break;
		if (ret && (wq_flags & WQ_FLAG_EXCLUSIVE) && !--nr)
			break;
	}
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(__wake_up);
// [wait:wake_up-end]

/**
 * @brief The usual wake function: wake the entry's task.
 * @param wq_entry the entry (priv is the task)
 * @param mode the states to wake (cmwq wakes a sleeping task whatever its state)
 * @param flags unused
 * @param key unused
 *
 * Context: wq_head->lock held, from __wake_up().
 * @return 1 if the task was sleeping and is now runnable, 0 if it was running
 */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key)
{
	(void)mode;
	(void)flags;
	(void)key;
	return wake_up_process((struct task_struct *)wq_entry->priv);
}
EXPORT_SYMBOL(default_wake_function);

/**
 * @brief Wake the entry's task and take the entry off its queue.
 * @param wq_entry the entry
 * @param mode the states to wake
 * @param sync unused
 * @param key passed on
 *
 * Context: wq_head->lock held, from __wake_up().
 * @return what default_wake_function() returned
 */
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int sync, void *key)
{
	int ret = default_wake_function(wq_entry, mode, sync, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}
EXPORT_SYMBOL(autoremove_wake_function);

/**
 * @brief Queue @p wq_entry (non-exclusive) unless it is queued, and set the task's state.
 * @param wq_head the wait queue
 * @param wq_entry the sleeper's entry
 * @param state TASK_UNINTERRUPTIBLE or TASK_INTERRUPTIBLE
 *
 * The state is set under the lock: a waker that comes after the caller
 * tests its condition finds the entry and wakes the task.
 *
 * Context: process context.
 */
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(prepare_to_wait);

// [wait:prepare_exclusive]
/**
 * @brief As prepare_to_wait(), as an exclusive sleeper at the tail.
 * @param wq_head the wait queue
 * @param wq_entry the sleeper's entry
 * @param state TASK_UNINTERRUPTIBLE or TASK_INTERRUPTIBLE
 *
 * Context: process context.
 */
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			       int state)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add_tail(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(prepare_to_wait_exclusive);
// [wait:prepare_exclusive-end]

/**
 * @brief Be running again and take @p wq_entry off @p wq_head if a waker did not.
 * @param wq_head the wait queue
 * @param wq_entry the sleeper's entry
 *
 * The kernel looks at the entry without the lock first (list_empty_careful())
 * and skips the lock when a waker already removed it; cmwq always takes the
 * lock, which costs a little and leaves no unlocked read to reason about.
 *
 * Context: process context.
 */
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq_head->lock, flags);
	if (!list_empty(&wq_entry->entry))
		list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(finish_wait);
