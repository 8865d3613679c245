// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: worker_clr_flags() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Clear @p flags on @p worker, joining nr_running if it leaves NOT_RUNNING.
 * @param worker the worker; must be the caller
 * @param flags WORKER_* flags to clear
 *
 * NOT_RUNNING is a mask of several flags: the worker is counted again only
 * when the last of them is gone.
 *
 * Context: pool->lock held; called by the worker itself.
 */
void worker_clr_flags(struct worker *worker, unsigned int flags)
{
	struct worker_pool *pool = worker->pool;
	unsigned int oflags = worker->flags;

	WARN_ON_ONCE(worker->task != current);

	WRITE_ONCE(worker->flags, worker->flags & ~flags);

	if ((flags & WORKER_NOT_RUNNING) && (oflags & WORKER_NOT_RUNNING))
		if (!(worker->flags & WORKER_NOT_RUNNING))
			atomic_inc(&pool->nr_running);
}
