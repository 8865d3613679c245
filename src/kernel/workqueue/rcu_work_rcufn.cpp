// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: rcu_work_rcufn() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The RCU callback of queue_rcu_work(): the grace period is over, queue the work.
 * @param rcu the rcu_head inside a struct rcu_work
 *
 * queue_rcu_work() set PENDING and recorded the workqueue; this finishes
 * what queue_work_on() would have done at once, on no CPU in particular.
 * Interrupts are off around __queue_work(), as it requires (in cmwq the
 * calls mark the place: there are no interrupts to turn off).
 *
 * Context: the RCU callback task "rcu_gp" (the kernel: RCU's softirq or
 * callback kthread); may not sleep.
 */
void rcu_work_rcufn(struct rcu_head *rcu)
{
	struct rcu_work *rwork = container_of(rcu, struct rcu_work, rcu);

	local_irq_disable();
	__queue_work(WORK_CPU_UNBOUND, rwork->wq, &rwork->work);
	local_irq_enable();
}
