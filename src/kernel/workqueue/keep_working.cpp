// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: keep_working() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Should the running worker take another item?
 * @param pool the pool
 *
 * Yes while there is work and the caller is the only one running: the
 * concurrency goal is one running worker per CPU, no more.
 *
 * Context: pool->lock held.
 * @return true if the worklist is not empty and nr_running <= 1
 */
bool keep_working(struct worker_pool *pool)
{
	return !list_empty(&pool->worklist) && atomic_read(&pool->nr_running) <= 1;
}
