// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wake_up_worker() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Wake the first idle worker of @p pool, if there is one.
 * @param pool the pool
 *
 * Context: pool->lock held.
 */
void wake_up_worker(struct worker_pool *pool)
{
	struct worker *worker = first_idle_worker(pool);

	if (likely(worker))
		wake_up_process(worker->task);
}
