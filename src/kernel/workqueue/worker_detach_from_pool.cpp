// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: worker_detach_from_pool() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Remove @p worker from its pool's workers.
 * @param worker the worker, which is leaving
 *
 * If it was the last one and someone destroying the pool waits for that,
 * wake them.
 *
 * Context: may sleep; takes wq_pool_attach_mutex.
 */
void worker_detach_from_pool(struct worker *worker)
{
	// [lab:attach_detach:detach]
	struct worker_pool *pool = worker->pool;
	struct completion *detach_completion = NULL;

	mutex_lock(&wq_pool_attach_mutex);

	list_del(&worker->node);
	worker->pool = NULL;

	if (list_empty(&pool->workers))
		detach_completion = pool->detach_completion;
	mutex_unlock(&wq_pool_attach_mutex);

	/* detached: nobody else looks at these flags any more */
	worker->flags &= ~(WORKER_UNBOUND | WORKER_REBOUND);

	if (detach_completion)
		complete(detach_completion);
	// [lab:attach_detach:detach-end]
}
