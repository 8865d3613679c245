// SPDX-License-Identifier: GPL-2.0-only
// kernel/sched/completion.c: complete(), wait_for_completion() (Linux v5.9), userspace version
/*
 * A completion counts "done" events.  A waiter that finds none queues itself
 * on the completion and sleeps through schedule(), so a workqueue worker
 * waiting here counts as sleeping.  complete() hands out one event and wakes
 * one waiter; complete_all() makes the count infinite and wakes everybody.
 */
#include <limits.h>

#include <linux/completion.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/sched.h>

/** @brief A task sleeping on a completion; lives on the waiter's stack. */
struct completion_waiter {
	struct list_head node;    /**< on completion::waiters; empty once woken */
	struct task_struct *task; /**< the sleeper */
};

/**
 * @brief Make @p x not done, with nobody waiting.
 * @param x the completion
 *
 * Context: nobody uses @p x yet.
 */
void init_completion(struct completion *x)
{
	x->done = 0;
	raw_spin_lock_init(&x->lock);
	INIT_LIST_HEAD(&x->waiters);
}
EXPORT_SYMBOL(init_completion);

/**
 * @brief Wake the first waiter and take it off the list.
 * @param x the completion, lock held
 *
 * Context: x->lock held.  Waking under the lock keeps the waiter's on-stack
 * node valid: the waiter cannot return before it has taken the lock again.
 */
static void wake_one_locked(struct completion *x)
{
	struct completion_waiter *w;

	if (list_empty(&x->waiters))
		return;
	w = list_first_entry(&x->waiters, struct completion_waiter, node);
	list_del_init(&w->node);
	wake_up_process(w->task);
}

// [completion:complete]
/**
 * @brief Signal one event: one waiter (or the next to come) goes on.
 * @param x the completion
 *
 * Context: any; does not sleep.
 */
void complete(struct completion *x)
{
	raw_spin_lock(&x->lock);
	if (x->done != UINT_MAX)
		WRITE_ONCE(x->done, x->done + 1); /* completion_done() reads it unlocked */
	wake_one_locked(x);
	raw_spin_unlock(&x->lock);
}
EXPORT_SYMBOL(complete);
// [completion:complete-end]

/**
 * @brief Signal for good: every waiter, present and future, goes on.
 * @param x the completion
 *
 * Context: any; does not sleep.
 */
void complete_all(struct completion *x)
{
	raw_spin_lock(&x->lock);
	WRITE_ONCE(x->done, UINT_MAX);
	while (!list_empty(&x->waiters))
		wake_one_locked(x);
	raw_spin_unlock(&x->lock);
}
EXPORT_SYMBOL(complete_all);

// [completion:wait]
/**
 * @brief Sleep until @p x has an event or @p timeout runs out, and take the event.
 * @param x the completion
 * @param timeout jiffies, or MAX_SCHEDULE_TIMEOUT
 * @param state TASK_UNINTERRUPTIBLE, or TASK_INTERRUPTIBLE/TASK_KILLABLE for
 *	  the forms a signal could end (cmwq has no signals: they sleep the same)
 *
 * Context: process context; sleeps in @p state through schedule().
 * @return 0 on timeout, otherwise the jiffies left (at least 1)
 */
static long wait_for_common(struct completion *x, long timeout, int state)
{
	struct completion_waiter wait = { { &wait.node, &wait.node }, current };

	raw_spin_lock(&x->lock);
	while (!x->done && timeout) {
		if (list_empty(&wait.node))
			list_add_tail(&wait.node, &x->waiters);
		/* The state is set while the lock is held: complete() cannot slip in between. */
		set_current_state(state);
		raw_spin_unlock(&x->lock);
		timeout = schedule_timeout(timeout);
		raw_spin_lock(&x->lock);
	}
	__set_current_state(TASK_RUNNING);
	if (!list_empty(&wait.node))
		list_del(&wait.node);
	if (!x->done) {
		raw_spin_unlock(&x->lock);
		return 0;
	}
	if (x->done != UINT_MAX)
		WRITE_ONCE(x->done, x->done - 1);
	raw_spin_unlock(&x->lock);
	return timeout ? timeout : 1;
}
// [completion:wait-end]

/**
 * @brief Sleep until @p x is completed, then consume one event.
 * @param x the completion
 *
 * Context: process context; sleeps.
 */
void wait_for_completion(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion);

/**
 * @brief As wait_for_completion(), for at most @p timeout jiffies.
 * @param x the completion
 * @param timeout jiffies
 *
 * Context: process context; sleeps.
 * @return 0 on timeout, otherwise the jiffies left (at least 1)
 */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	if (timeout > (unsigned long)MAX_SCHEDULE_TIMEOUT)
		timeout = MAX_SCHEDULE_TIMEOUT;
	return (unsigned long)wait_for_common(x, (long)timeout, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion_timeout);

/**
 * @brief Consume an event of @p x if there is one, without sleeping.
 * @param x the completion
 *
 * Context: any.
 * @return true if an event was consumed
 */
bool try_wait_for_completion(struct completion *x)
{
	bool ret = true;

	if (!READ_ONCE(x->done))
		return false;
	raw_spin_lock(&x->lock);
	if (!x->done)
		ret = false;
	else if (x->done != UINT_MAX)
		WRITE_ONCE(x->done, x->done - 1);
	raw_spin_unlock(&x->lock);
	return ret;
}
EXPORT_SYMBOL(try_wait_for_completion);

/**
 * @brief Does @p x have an event nobody consumed?
 * @param x the completion
 *
 * Context: any.  Taking the lock once waits for a complete() still inside it,
 * so the caller may free @p x once this says true and nobody else waits.
 * @return true if a wait would not sleep
 */
bool completion_done(struct completion *x)
{
	if (!READ_ONCE(x->done))
		return false;
	raw_spin_lock(&x->lock);
	raw_spin_unlock(&x->lock);
	return true;
}
EXPORT_SYMBOL(completion_done);

/**
 * @brief As wait_for_completion(), in TASK_INTERRUPTIBLE.
 * @param x the completion
 *
 * Context: process context; sleeps.  A signal would end the wait with
 * -ERESTARTSYS; cmwq has no signals.
 * @return 0
 */
int wait_for_completion_interruptible(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);
	return 0;
}
EXPORT_SYMBOL(wait_for_completion_interruptible);

/**
 * @brief As wait_for_completion_timeout(), in TASK_INTERRUPTIBLE.
 * @param x the completion
 * @param timeout jiffies
 *
 * Context: process context; sleeps.
 * @return 0 on timeout, otherwise the jiffies left (at least 1); never -ERESTARTSYS
 */
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_common(x, (long)timeout, TASK_INTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion_interruptible_timeout);

/**
 * @brief As wait_for_completion(), in TASK_KILLABLE.
 * @param x the completion
 *
 * Context: process context; sleeps.
 * @return 0 (a fatal signal would give -ERESTARTSYS)
 */
int wait_for_completion_killable(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE);
	return 0;
}
EXPORT_SYMBOL(wait_for_completion_killable);

/**
 * @brief As wait_for_completion_timeout(), in TASK_KILLABLE.
 * @param x the completion
 * @param timeout jiffies
 *
 * Context: process context; sleeps.
 * @return 0 on timeout, otherwise the jiffies left (at least 1)
 */
long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_common(x, (long)timeout, TASK_KILLABLE);
}
EXPORT_SYMBOL(wait_for_completion_killable_timeout);
