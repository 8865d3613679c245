// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: too_many_workers() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Are there more idle workers than the pool should keep?
 * @param pool the pool
 *
 * Two idle workers are always kept; beyond that, one idle worker for every
 * MAX_IDLE_WORKERS_RATIO busy ones.  The manager counts as idle.
 *
 * Context: pool->lock held.
 * @return true if some idle workers may be destroyed
 */
bool too_many_workers(struct worker_pool *pool)
{
	bool managing = pool->flags & POOL_MANAGER_ACTIVE;
	int nr_idle = pool->nr_idle + managing;
	int nr_busy = pool->nr_workers - nr_idle;

	return nr_idle > 2 && (nr_idle - 2) * MAX_IDLE_WORKERS_RATIO >= nr_busy;
}
