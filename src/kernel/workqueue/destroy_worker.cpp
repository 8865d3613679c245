// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: destroy_worker() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Tell an idle @p worker to exit.
 * @param worker an idle worker of its pool
 *
 * It leaves the idle list and the pool's counts now; the kthread notices
 * WORKER_DIE when it wakes, detaches and frees itself.
 *
 * Context: pool->lock held.
 */
void destroy_worker(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	lockdep_assert_held(&pool->lock);

	if (WARN_ON(worker->current_work) || WARN_ON(!list_empty(&worker->scheduled)) ||
	    WARN_ON(!(worker->flags & WORKER_IDLE)))
		return;

	pool->nr_workers--;
	WRITE_ONCE(pool->nr_idle, pool->nr_idle - 1);

	list_del_init(&worker->entry);
	WRITE_ONCE(worker->flags, worker->flags | WORKER_DIE);
	wake_up_process(worker->task);
}
