// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: worker_attach_to_pool() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Make @p worker one of @p pool's workers.
 * @param worker a new (or rescuing) worker
 * @param pool the pool to join
 *
 * The worker takes the pool's CPU affinity.  If the pool is not tied to its
 * CPU (DISASSOCIATED), the worker is marked UNBOUND and so is never counted
 * for concurrency management.  wq_pool_attach_mutex keeps this consistent
 * with CPU hotplug flipping DISASSOCIATED.
 *
 * Context: may sleep; takes wq_pool_attach_mutex.
 */
void worker_attach_to_pool(struct worker *worker, struct worker_pool *pool)
{
	mutex_lock(&wq_pool_attach_mutex);

	set_cpus_allowed_ptr(worker->task, pool->attrs->cpumask);

	if (pool->flags & POOL_DISASSOCIATED)
		worker->flags |= WORKER_UNBOUND;

	list_add_tail(&worker->node, &pool->workers);
	worker->pool = pool;

	mutex_unlock(&wq_pool_attach_mutex);
}
