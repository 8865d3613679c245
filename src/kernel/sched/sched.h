/* SPDX-License-Identifier: GPL-2.0-only */
/* kernel/sched/sched.h: what the scheduler shares with the substrate (cmwq substrate) */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/sched.h>

/** @brief The next task id: 1, 2, 3 ... in creation order. */
int alloc_pid(void);

/** @brief Put a new task on the task list (its pid and comm set). */
void task_list_add(struct task_struct *t);

/** @brief Take an ending task off the task list, before its thread is gone. */
void task_list_del(struct task_struct *t);

/** @brief Take an ending task off the RCU reader list (kernel/rcu/update.cpp). */
void rcu_task_exit(struct task_struct *t);

#endif
