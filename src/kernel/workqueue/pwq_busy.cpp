// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: pwq_busy() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Does @p pwq still have works, or references a finished workqueue should not have?
 * @param pwq the pool_workqueue
 *
 * Context: pool->lock held.
 * @return true if it is busy
 */
bool pwq_busy(struct pool_workqueue *pwq)
{
	int i;

	for (i = 0; i < WORK_NR_COLORS; i++)
		if (pwq->nr_in_flight[i])
			return true;

	/* a reference beyond the base one belongs to a queued work or barrier */
	if ((pwq != pwq->wq->dfl_pwq) && (pwq->refcnt > 1))
		return true;
	if (pwq->nr_active || !list_empty(&pwq->delayed_works))
		return true;

	return false;
}
