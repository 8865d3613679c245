// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: pwq_activate_delayed_work() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Move a work held back by max_active onto its pool's worklist.
 * @param work a work on its pwq's delayed list
 *
 * Works linked behind it (a flush barrier) move with it.
 *
 * Context: pool->lock held.
 */
void pwq_activate_delayed_work(struct work_struct *work)
{
	struct pool_workqueue *pwq = get_work_pwq(work);

	trace_workqueue_activate_work(work);
	if (list_empty(&pwq->pool->worklist))
		pwq->pool->watchdog_ts = jiffies;
	move_linked_works(work, &pwq->pool->worklist, NULL);
	__clear_bit(WORK_STRUCT_DELAYED_BIT, work_data_bits(work));
	pwq->nr_active++;
}
