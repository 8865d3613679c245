// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: first_idle_worker() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The worker that went idle most recently: the one whose cache is warmest.
 * @param pool the pool
 *
 * Context: pool->lock held.
 * @return the head of pool->idle_list, or NULL if no worker is idle
 */
struct worker *first_idle_worker(struct worker_pool *pool)
{
	if (unlikely(list_empty(&pool->idle_list)))
		return NULL;

	return list_first_entry(&pool->idle_list, struct worker, entry);
}
