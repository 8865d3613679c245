// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: rcu_free_pwq() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief RCU callback: free a released unbound pwq once no reader can see it.
 * @param rcu the pwq's rcu_head
 *
 * __queue_work() may have picked the pwq from numa_pwq_tbl[] under
 * rcu_read_lock() just before it was replaced; it finds refcnt 0 under the
 * pool lock and retries, so the memory must stay until the grace period ends.
 *
 * Context: the RCU callback task.
 */
void rcu_free_pwq(struct rcu_head *rcu)
{
	kmem_cache_free(pwq_cache, container_of(rcu, struct pool_workqueue, rcu));
}
