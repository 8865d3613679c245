// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: worker_enter_idle() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Put @p worker on its pool's idle list.
 * @param worker the worker, which has nothing left to do
 *
 * The idle list is a stack: the worker that idled last is woken first, and
 * the one that idled longest is the first culled.  If the pool now has too
 * many idle workers, the idle timer is armed to cull them later.
 *
 * Context: pool->lock held.
 */
void worker_enter_idle(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	if (WARN_ON_ONCE(worker->flags & WORKER_IDLE) ||
	    WARN_ON_ONCE(!list_empty(&worker->entry) && (worker->hentry.next || worker->hentry.pprev)))
		return;

	/* plain update: the caller may be create_worker(), not the worker itself */
	WRITE_ONCE(worker->flags, worker->flags | WORKER_IDLE);
	WRITE_ONCE(pool->nr_idle, pool->nr_idle + 1);
	worker->last_active = jiffies;

	list_add(&worker->entry, &pool->idle_list);
	trace_workqueue_worker_idle(worker); /* cmwq's event: counted idle, on the list */

	if (too_many_workers(pool) && !timer_pending(&pool->idle_timer))
		mod_timer(&pool->idle_timer, jiffies + READ_ONCE(wq_idle_worker_timeout));

	/* Everyone idle yet somebody counted as running: the accounting is broken. */
	WARN_ON_ONCE(!(pool->flags & POOL_DISASSOCIATED) && pool->nr_workers == pool->nr_idle &&
		     atomic_read(&pool->nr_running));
}
