/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/rcuwait.h: one task waiting for a condition (cmwq substrate) */
#ifndef _LINUX_RCUWAIT_H
#define _LINUX_RCUWAIT_H

#include <linux/compiler.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>

/**
 * @brief A slot for at most one waiting task.
 *
 * The waiter publishes itself, then checks its condition in a sleeping
 * state; the waker changes what the condition reads, then wakes whoever is
 * in the slot.  Either the waiter sees the change or the waker sees the
 * waiter: no wake-up is lost.
 */
struct rcuwait {
	struct task_struct *task; /**< the waiting task, or NULL */
};

/** An empty rcuwait, for a static definition. */
#define __RCUWAIT_INITIALIZER(name) { .task = NULL }

/** @brief Empty @p w. */
static inline void rcuwait_init(struct rcuwait *w)
{
	w->task = NULL;
}

/**
 * @brief Wake the task waiting on @p w, if there is one.
 * @return 1 if a task was woken
 */
static inline int rcuwait_wake_up(struct rcuwait *w)
{
	struct task_struct *task;
	int ret = 0;

	smp_mb(); /* the caller's change to the condition, before the slot is read */
	rcu_read_lock();
	task = __atomic_load_n(&w->task, __ATOMIC_ACQUIRE);
	if (task)
		ret = wake_up_process(task);
	rcu_read_unlock();
	return ret;
}

/**
 * Sleep in @p state until @p condition holds, woken by rcuwait_wake_up(@p w).
 * One waiter at a time.
 */
#define rcuwait_wait_event(w, condition, state)                                                  \
	({                                                                                         \
		__atomic_store_n(&(w)->task, current, __ATOMIC_RELEASE);                         \
		for (;;) {                                                                         \
			set_current_state(state);                                                  \
			if (condition)                                                             \
				break;                                                             \
			schedule();                                                                \
		}                                                                                  \
		__atomic_store_n(&(w)->task, (struct task_struct *)NULL, __ATOMIC_RELEASE);      \
		__set_current_state(TASK_RUNNING);                                                 \
		0;                                                                                 \
	})

#endif
