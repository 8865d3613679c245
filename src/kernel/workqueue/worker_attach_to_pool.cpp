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
	// [lab:attach_detach:attach]
	// [worker_attach_to_pool:affinity]
	mutex_lock(&wq_pool_attach_mutex);

	/* the pool's CPUs (in the kernel, CPU hotplug re-applies them under this mutex) */
	set_cpus_allowed_ptr(worker->task, pool->attrs->cpumask);
	// [worker_attach_to_pool:affinity-end]

	// [worker_attach_to_pool:unbound]
	/* the mutex keeps DISASSOCIATED from flipping while we look at it */
	if (pool->flags & POOL_DISASSOCIATED)
		worker->flags |= WORKER_UNBOUND;
	// [worker_attach_to_pool:unbound-end]

	// [worker_attach_to_pool:link]
	list_add_tail(&worker->node, &pool->workers);
	worker->pool = pool;

	mutex_unlock(&wq_pool_attach_mutex);
	// [worker_attach_to_pool:link-end]
	// [lab:attach_detach:attach-end]
}
