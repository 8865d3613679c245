// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wq_manager_inactive() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The condition put_unbound_pool() waits for: no worker is managing @p pool.
 * @param pool the pool
 *
 * Takes pool->lock and, when it returns true, keeps it: the caller then
 * becomes the pool's last manager before anyone else can.
 *
 * Context: takes pool->lock (irqs off); on true, returns with it held.
 * @return true (lock held) if no manager is active, false (lock released) otherwise
 */
bool wq_manager_inactive(struct worker_pool *pool)
{
	raw_spin_lock_irq(&pool->lock);

	if (pool->flags & POOL_MANAGER_ACTIVE) {
		raw_spin_unlock_irq(&pool->lock);
		return false;
	}
	return true;
}
