// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: need_more_worker() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Is there work in @p pool and nobody running to do it?
 * @param pool the pool
 *
 * The question a non-running context asks before waking a worker.
 *
 * Context: pool->lock held.
 * @return true if the worklist is not empty and nr_running is zero
 */
bool need_more_worker(struct worker_pool *pool)
{
	return !list_empty(&pool->worklist) && __need_more_worker(pool);
}
