// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: queue_rcu_work() (Linux v5.9)

#include <linux/export.h>
#include <linux/rcupdate.h>
#include "workqueue_internal.h"

/**
 * @brief Queue @p rwork on @p wq once an RCU grace period has passed.
 * @param wq the workqueue
 * @param rwork the RCU work item (INIT_RCU_WORK() done)
 *
 * Whoever sets PENDING owns the item, as in queue_work_on(); the owner
 * hands it to call_rcu() instead of to __queue_work(), and
 * rcu_work_rcufn() queues it after the grace period.  A second call while
 * it is pending does nothing: the item will run, but possibly before a
 * full grace period has passed since that second call.
 *
 * Context: any; does not sleep.
 * @return true if this call queued it (a full grace period comes first),
 * false if it was already pending
 */
bool queue_rcu_work(struct workqueue_struct *wq, struct rcu_work *rwork)
{
	struct work_struct *work = &rwork->work;

	// [queue_rcu_work:pending]
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
		rwork->wq = wq;
		call_rcu(&rwork->rcu, rcu_work_rcufn);
		return true;
	}
	// [queue_rcu_work:pending-end]

	return false;
}
EXPORT_SYMBOL(queue_rcu_work);
