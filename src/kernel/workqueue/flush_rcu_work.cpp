// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: flush_rcu_work() (Linux v5.9)

#include <linux/export.h>
#include <linux/rcupdate.h>
#include "workqueue_internal.h"

/**
 * @brief Wait until the last queue_rcu_work() of @p rwork has finished running.
 * @param rwork the RCU work item
 *
 * While PENDING is set the item may still be waiting for its grace period,
 * on no workqueue yet, where flush_work() cannot see it.  rcu_barrier()
 * waits until every RCU callback queued so far has run, rcu_work_rcufn()
 * included; the item is then on its workqueue and flush_work() can wait
 * for it.
 *
 * Context: process context; sleeps.
 * @return true if it waited for the item to run, false if the item was idle
 */
bool flush_rcu_work(struct rcu_work *rwork)
{
	// [flush_rcu_work:barrier]
	if (test_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&rwork->work))) {
		rcu_barrier();
		flush_work(&rwork->work);
		return true;
	}
	// [flush_rcu_work:barrier-end]
	return flush_work(&rwork->work);
}
EXPORT_SYMBOL(flush_rcu_work);
