// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: worker_set_flags() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Set @p flags on @p worker, leaving nr_running if it enters NOT_RUNNING.
 * @param worker the worker; must be the caller
 * @param flags WORKER_* flags to set
 *
 * Context: pool->lock held; called by the worker itself.
 */
void worker_set_flags(struct worker *worker, unsigned int flags)
{
	struct worker_pool *pool = worker->pool;

	WARN_ON_ONCE(worker->task != current);

	/* Entering NOT_RUNNING from a counted state: stop counting. */
	if ((flags & WORKER_NOT_RUNNING) && !(worker->flags & WORKER_NOT_RUNNING))
		atomic_dec(&pool->nr_running);

	WRITE_ONCE(worker->flags, worker->flags | flags);
}
