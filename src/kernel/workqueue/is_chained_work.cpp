// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: is_chained_work() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Is the caller a work item of @p wq queueing more work on it?
 * @param wq the workqueue being queued on
 *
 * While a workqueue drains, only its own work items may add to it: they are
 * part of what is being drained.
 *
 * Context: any.
 * @return true if the caller is a worker running an item of @p wq
 */
bool is_chained_work(struct workqueue_struct *wq)
{
	struct worker *worker = current_wq_worker();

	return worker && worker->current_pwq && worker->current_pwq->wq == wq;
}
