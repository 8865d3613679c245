// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: need_to_create_worker() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Is a worker needed and no idle one there to wake?
 * @param pool the pool
 *
 * Context: pool->lock held.
 * @return true if need_more_worker() and not may_start_working()
 */
bool need_to_create_worker(struct worker_pool *pool)
{
	return need_more_worker(pool) && !may_start_working(pool);
}
