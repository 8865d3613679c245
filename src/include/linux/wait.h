/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * include/linux/wait.h: wait queues (Linux v5.9), userspace version (cmwq substrate)
 *
 * A wait queue is a locked list of entries, one per sleeping task.  Each
 * entry carries the function a waker calls on it; the default one wakes the
 * entry's task, a custom one may first check the key the waker passes (the
 * workqueue's cancel does: it wakes only the cancellers of one work item).
 * A sleeper queues its entry and sets its state under the queue's lock
 * (prepare_to_wait*()), tests its condition, calls schedule(), and takes its
 * entry off again (finish_wait()).  Sleeping goes through schedule(), so a
 * workqueue worker that sleeps here is seen as sleeping by concurrency
 * management, on both backends.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>

CMWQ_BEGIN_DECLS

typedef struct wait_queue_entry wait_queue_entry_t;

/** @brief What a waker calls on each entry; nonzero if it woke the entry's task. */
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode, int flags,
				 void *key);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE 0x01 /* a waker wakes at most nr of these */

/** @brief One sleeper on a wait queue. */
struct wait_queue_entry {
	unsigned int flags;     /**< WQ_FLAG_* */
	void *priv;             /**< the sleeping task (the kernel: "private", a C++ keyword) */
	wait_queue_func_t func; /**< called by the waker */
	struct list_head entry; /**< on wait_queue_head::head; empty when not queued */
};

/** @brief A wait queue: the sleepers, under a lock. */
struct wait_queue_head {
	spinlock_t lock;       /**< protects head */
	struct list_head head; /**< the entries, exclusive ones at the tail */
};
typedef struct wait_queue_head wait_queue_head_t;

/** Static initialiser of wait queue @p name. */
#define __WAIT_QUEUE_HEAD_INITIALIZER(name)                                                        \
	{                                                                                          \
		.lock = __RAW_SPIN_LOCK_UNLOCKED(name.lock),                                       \
		.head = { &(name).head, &(name).head },                                            \
	}
/** Define and initialise wait queue @p name. */
#define DECLARE_WAIT_QUEUE_HEAD(name)                                                              \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq_head);

/** @brief Make @p wq_entry an entry that wakes task @p p. */
static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry, struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->priv = p;
	wq_entry->func = default_wake_function;
}

/** @brief Make @p wq_entry an entry whose waker calls @p func (no task recorded). */
static inline void init_waitqueue_func_entry(struct wait_queue_entry *wq_entry,
					     wait_queue_func_t func)
{
	wq_entry->flags = 0;
	wq_entry->priv = NULL;
	wq_entry->func = func;
}

/**
 * @brief Is anybody queued on @p wq_head?  Read without the lock.
 *
 * A waker that tests this after changing the condition needs a full barrier
 * between the two, paired with the sleeper's set_current_state().
 */
static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	return READ_ONCE(wq_head->head.next) != &wq_head->head;
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key);
/** Wake one exclusive sleeper (and every non-exclusive one). */
#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
/** Wake @p nr exclusive sleepers (and every non-exclusive one). */
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, NULL)
/** Wake every sleeper. */
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)

void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			       int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int sync, void *key);

/** Define an entry @p name for the current task, woken through @p function. */
#define DEFINE_WAIT_FUNC(name, function)                                                           \
	struct wait_queue_entry name = {                                                           \
		.flags = 0,                                                                        \
		.priv = current,                                                                   \
		.func = function,                                                                  \
		.entry = { &(name).entry, &(name).entry },                                         \
	}
/** Define an entry @p name for the current task that leaves the queue when woken. */
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

/** Initialise @p wait as DEFINE_WAIT() would. */
#define init_wait(wait)                                                                            \
	do {                                                                                       \
		(wait)->priv = current;                                                            \
		(wait)->func = autoremove_wake_function;                                           \
		INIT_LIST_HEAD(&(wait)->entry);                                                    \
		(wait)->flags = 0;                                                                 \
	} while (0)

/*
 * wait_event() and its forms: sleep until @condition, a C expression, is
 * true.  Each turn queues the entry and sets the task's state before it
 * tests the condition, so a waker that makes it true and then calls
 * wake_up() cannot be missed between the test and schedule().  The
 * condition is evaluated again after every wake-up; a wake-up with the
 * condition still false puts the task back to sleep.  The kernel's macros
 * (v5.9 include/linux/wait.h) are built on prepare_to_wait_event(); these
 * are built on prepare_to_wait(), which does the same for a task that gets
 * no signals, and cmwq's tasks get none.
 */

/* One sleep loop: until @condition, @cmd (a sleep) between tests.  A GNU statement expression. */
#define __cmwq_wait_event(wq_head, condition, state, ret, cmd)                                     \
	({                                                                                         \
		long __ret = (ret);                                                                \
		DEFINE_WAIT(__wait);                                                               \
		for (;;) {                                                                         \
			prepare_to_wait(&(wq_head), &__wait, (state));                             \
			if (condition)                                                             \
				break;                                                             \
			cmd;                                                                       \
		}                                                                                  \
		finish_wait(&(wq_head), &__wait);                                                  \
		__ret;                                                                             \
	})

/** Sleep (uninterruptibly) until @p condition is true. */
#define wait_event(wq_head, condition)                                                             \
	do {                                                                                       \
		might_sleep();                                                                     \
		if (condition)                                                                     \
			break;                                                                     \
		(void)__cmwq_wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, schedule());  \
	} while (0)

/**
 * Sleep until @p condition is true; 0 when it is.  In the kernel a signal
 * ends the sleep early with -ERESTARTSYS; no signal reaches a cmwq task,
 * so here it always returns 0.
 */
#define wait_event_interruptible(wq_head, condition)                                               \
	({                                                                                         \
		int __iret = 0;                                                                    \
		might_sleep();                                                                     \
		if (!(condition))                                                                  \
			(void)__cmwq_wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0,         \
						schedule());                                       \
		__iret;                                                                            \
	})

/*
 * The timed forms' loop: @__ret holds the jiffies left.  It stops when the
 * condition is true (returning at least 1, so that "true at the last
 * jiffy" is not read as a timeout) or when no time is left (returning 0).
 */
#define __cmwq_wait_event_timeout(wq_head, condition, state, timeout, sleep)                       \
	({                                                                                         \
		long __tret = (long)(timeout);                                                     \
		DEFINE_WAIT(__wait);                                                               \
		for (;;) {                                                                         \
			prepare_to_wait(&(wq_head), &__wait, (state));                             \
			if (condition) {                                                           \
				if (!__tret)                                                       \
					__tret = 1;                                                \
				break;                                                             \
			}                                                                          \
			if (!__tret)                                                               \
				break;                                                             \
			__tret = sleep(__tret);                                                    \
		}                                                                                  \
		finish_wait(&(wq_head), &__wait);                                                  \
		__tret;                                                                            \
	})

/* The timed forms: the fast path, then the loop, in task state @state. */
#define __cmwq_wait_event_timed(wq_head, condition, state, timeout)                                \
	({                                                                                         \
		long __wret = (long)(timeout);                                                     \
		might_sleep();                                                                     \
		if (condition) {                                                                   \
			if (!__wret)                                                               \
				__wret = 1;                                                        \
		} else {                                                                           \
			__wret = __cmwq_wait_event_timeout(wq_head, condition, state, __wret,      \
							   schedule_timeout);                      \
		}                                                                                  \
		__wret;                                                                            \
	})

/**
 * Sleep until @p condition is true or @p timeout jiffies have passed.
 * Returns 0 if the time ran out with the condition false, otherwise the
 * jiffies that were left (at least 1).
 */
#define wait_event_timeout(wq_head, condition, timeout)                                            \
	__cmwq_wait_event_timed(wq_head, condition, TASK_UNINTERRUPTIBLE, timeout)

/** As wait_event_timeout(), sleeping interruptibly (no signal comes: the same result). */
#define wait_event_interruptible_timeout(wq_head, condition, timeout)                              \
	__cmwq_wait_event_timed(wq_head, condition, TASK_INTERRUPTIBLE, timeout)

CMWQ_END_DECLS

#endif /* _LINUX_WAIT_H */
