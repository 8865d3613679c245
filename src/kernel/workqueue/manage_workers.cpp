// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: manage_workers() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Become the pool's manager, if nobody is, and create workers as needed.
 * @param worker the worker volunteering
 *
 * There is no manager thread: a worker that finds work but no idle spare
 * takes the role for a while.  POOL_MANAGER_ACTIVE makes it exclusive; a
 * worker that finds it set simply goes on processing, since the current
 * manager will provide the spare.
 *
 * Context: pool->lock held on entry and exit; may drop it and sleep.
 * @return false if someone else is managing; true if this worker managed
 *         (the lock was dropped, so the caller must check the pool again)
 */
bool manage_workers(struct worker *worker)
{
	// [lab:manage_workers]
	struct worker_pool *pool = worker->pool;

	if (pool->flags & POOL_MANAGER_ACTIVE)
		return false;

	pool->flags |= POOL_MANAGER_ACTIVE;
	pool->manager = worker;

	maybe_create_worker(pool);

	pool->manager = NULL;
	pool->flags &= ~POOL_MANAGER_ACTIVE;
	/* put_unbound_pool() may be waiting for the manager to leave */
	rcuwait_wake_up(&manager_wait);
	return true;
	// [lab:manage_workers-end]
}
