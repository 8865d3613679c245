// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: init_worker_pool() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Initialise an empty pool: no CPU, no id, no workers yet.
 * @param pool zeroed memory for the pool
 *
 * A new pool is DISASSOCIATED: not tied to a CPU until workqueue_init()
 * brings its CPU's pools online.  Its idle timer culls extra idle workers;
 * its mayday timer calls rescuers when worker creation stalls.
 *
 * Context: may sleep.
 * @return 0, or -ENOMEM
 */
int init_worker_pool(struct worker_pool *pool)
{
	raw_spin_lock_init(&pool->lock);
	pool->id = -1;
	pool->cpu = -1;
	pool->node = NUMA_NO_NODE;
	pool->flags |= POOL_DISASSOCIATED;
	pool->watchdog_ts = jiffies;
	INIT_LIST_HEAD(&pool->worklist);
	INIT_LIST_HEAD(&pool->idle_list);
	hash_init(pool->busy_hash);

	timer_setup(&pool->idle_timer, idle_worker_timeout, TIMER_DEFERRABLE);
	timer_setup(&pool->mayday_timer, pool_mayday_timeout, 0);

	INIT_LIST_HEAD(&pool->workers);

	ida_init(&pool->worker_ida);
	INIT_HLIST_NODE(&pool->hash_node);
	pool->refcnt = 1;

	/* attributes are needed before the pool can make workers */
	pool->attrs = alloc_workqueue_attrs();
	if (!pool->attrs)
		return -ENOMEM;
	return 0;
}
