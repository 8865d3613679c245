// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: worker_pool_assign_id() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Give @p pool an id, so that an idle work item can remember it in a few bits.
 * @param pool the pool to number
 *
 * Context: takes nothing; the caller holds wq_pool_mutex.
 * @return 0 on success, or the negative error from idr_alloc()
 */
int worker_pool_assign_id(struct worker_pool *pool)
{
	int ret;

	lockdep_assert_held(&wq_pool_mutex);

	/* Ids must fit in work->data's off-queue pool field, and POOL_NONE is reserved. */
	ret = idr_alloc(&worker_pool_idr, pool, 0, WORK_OFFQ_POOL_NONE, GFP_KERNEL);
	if (ret >= 0) {
		pool->id = ret;
		return 0;
	}
	return ret;
}
