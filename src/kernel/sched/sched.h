/* SPDX-License-Identifier: GPL-2.0-only */
/* kernel/sched/sched.h: what the scheduler shares with the substrate (cmwq substrate) */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/sched.h>

/** @brief The next task id: 1, 2, 3 ... in creation order. */
int alloc_pid(void);

#endif
