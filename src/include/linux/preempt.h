/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/preempt.h: which context the caller runs in (cmwq substrate) */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>

/*
 * The kernel reads the context from the preempt count: a hard interrupt, a
 * softirq (where timer callbacks run), or a task.  cmwq has no interrupts;
 * its timer callbacks run in the task "ktimers", which stands in for the
 * timer softirq (src/kernel/time/timer.cpp), so "in interrupt" means "in
 * ktimers".  RCU callbacks run in the task "rcu_gp", like the kernel's
 * offloaded (rcu_nocbs) callbacks, which run in a kthread too.
 */

CMWQ_BEGIN_DECLS
/** @brief True in the timer task, cmwq's timer softirq. */
bool in_serving_softirq(void);
CMWQ_END_DECLS
/** True while serving a softirq. */
#define in_softirq() in_serving_softirq()
/** True in interrupt context: here, only in a timer callback. */
#define in_interrupt() in_serving_softirq()

#endif
