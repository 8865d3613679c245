// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: worker_leave_idle() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Take @p worker off its pool's idle list.
 * @param worker the worker, woken to look for work
 *
 * Context: pool->lock held; called by the worker itself.
 */
void worker_leave_idle(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	if (WARN_ON_ONCE(!(worker->flags & WORKER_IDLE)))
		return;
	worker_clr_flags(worker, WORKER_IDLE);
	WRITE_ONCE(pool->nr_idle, pool->nr_idle - 1);
	list_del_init(&worker->entry);
	trace_workqueue_worker_woken(worker); /* cmwq's event: woken and off the idle list */
}
