// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: __need_more_worker() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Is nobody in @p pool running right now?
 * @param pool the pool
 *
 * Context: pool->lock held.
 * @return true if pool->nr_running is zero
 */
bool __need_more_worker(struct worker_pool *pool)
{
	return !atomic_read(&pool->nr_running);
}
