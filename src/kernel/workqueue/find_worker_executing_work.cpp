// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: find_worker_executing_work() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Which worker of @p pool is running @p work right now, if any?
 * @param pool the pool to look in
 * @param work the work item
 *
 * The busy hash is keyed by the work item's address.  An address alone is
 * not proof: the item may have been freed and its memory reused for another
 * work item while the old one still runs.  So the function must match too.
 * Two different items with the same function at a recycled address are
 * taken as the same one; that only costs a little needless ordering.
 *
 * Context: pool->lock held.
 * @return the worker, or NULL
 */
struct worker *find_worker_executing_work(struct worker_pool *pool, struct work_struct *work)
{
	struct worker *worker;

	hash_for_each_possible(pool->busy_hash, worker, hentry, (unsigned long)work)
		if (worker->current_work == work && worker->current_func == work->func)
			return worker;

	return NULL;
}
