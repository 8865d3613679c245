/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/completion.h: wait for something to be done (cmwq substrate) */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/types.h>
#include <linux/spinlock.h>

CMWQ_BEGIN_DECLS

/** @brief A count of "done" events that waiters sleep on. */
struct completion {
	unsigned int done;         /**< completions not yet consumed (UINT_MAX: complete_all) */
	raw_spinlock_t lock;       /**< protects done and waiters */
	struct list_head waiters;  /**< sleeping tasks */
};

#define COMPLETION_INITIALIZER(work) { 0, __RAW_SPIN_LOCK_UNLOCKED(work.lock), { &(work).waiters, &(work).waiters } }
#define COMPLETION_INITIALIZER_ONSTACK(work) COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)

void init_completion(struct completion *x);
static inline void reinit_completion(struct completion *x) { x->done = 0; }
void complete(struct completion *x);
void complete_all(struct completion *x);
/** @brief Sleep (uninterruptibly, through schedule()) until @p x is completed. */
void wait_for_completion(struct completion *x);
/** @brief As wait_for_completion(), for at most @p timeout jiffies. @return jiffies left (at least 1), or 0 on timeout. */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
/** @brief As wait_for_completion(), in TASK_INTERRUPTIBLE (cmwq has no signals). @return 0 */
int wait_for_completion_interruptible(struct completion *x);
/** @brief As wait_for_completion_timeout(), in TASK_INTERRUPTIBLE. @return 0 on timeout, else jiffies left */
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
/** @brief As wait_for_completion(), in TASK_KILLABLE. @return 0 */
int wait_for_completion_killable(struct completion *x);
/** @brief As wait_for_completion_timeout(), in TASK_KILLABLE. @return 0 on timeout, else jiffies left */
long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

CMWQ_END_DECLS

#endif
