// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: rcu_free_pool() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief RCU callback: free an unbound pool once no reader can see it.
 * @param rcu the pool's rcu_head
 *
 * get_work_pool() reads a work's last pool under rcu_read_lock() with no
 * reference, so put_unbound_pool() frees the pool only after a grace period.
 *
 * Context: the RCU callback task.
 */
void rcu_free_pool(struct rcu_head *rcu)
{
	struct worker_pool *pool = container_of(rcu, struct worker_pool, rcu);

	ida_destroy(&pool->worker_ida);
	free_workqueue_attrs(pool->attrs);
	kfree(pool);
}
