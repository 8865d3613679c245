/* SPDX-License-Identifier: GPL-2.0-only */
/* kernel/sched/sched.h: what the scheduler shares with the substrate (cmwq substrate) */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/sched.h>

/** @brief The next task id: 1, 2, 3 ... in creation order. */
int alloc_pid(void);

/** @brief Take an ending task off the RCU reader list (kernel/rcu/update.cpp). */
void rcu_task_exit(struct task_struct *t);

#endif
