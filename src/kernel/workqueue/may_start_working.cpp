// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: may_start_working() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Is there an idle spare, so that the caller may start on work?
 * @param pool the pool
 *
 * A worker about to run items makes sure another one waits idle: if its
 * item blocks, that spare takes over.
 *
 * Context: pool->lock held.
 * @return true if pool->nr_idle is non-zero
 */
bool may_start_working(struct worker_pool *pool)
{
	return pool->nr_idle;
}
