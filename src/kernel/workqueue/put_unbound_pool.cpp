// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: put_unbound_pool() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Drop a reference on an unbound pool; the last one destroys it.
 * @param pool an unbound pool, from get_unbound_pool() (or one that failed
 *             half-way through it: every field init_worker_pool() set is enough)
 *
 * The last reference takes the pool out of worker_pool_idr and
 * unbound_pool_hash, waits until no worker manages it, becomes its manager
 * for good, tells every idle worker to die, waits until the last one has
 * detached, stops the timers and frees the pool after an RCU grace period
 * (rcu_free_pool()).
 *
 * Context: wq_pool_mutex held; may sleep.
 */
void put_unbound_pool(struct worker_pool *pool)
{
	DECLARE_COMPLETION_ONSTACK(detach_completion);
	struct worker *worker;

	lockdep_assert_held(&wq_pool_mutex);

	if (--pool->refcnt)
		return;

	// [put_unbound_pool:sanity]
	/* only an unbound pool with nothing left to run can go */
	if (WARN_ON(!(pool->cpu < 0)) || WARN_ON(!list_empty(&pool->worklist)))
		return;
	// [put_unbound_pool:sanity-end]

	// [put_unbound_pool:unhash]
	/* no new user can find it now */
	if (pool->id >= 0)
		idr_remove(&worker_pool_idr, pool->id);
	hash_del(&pool->hash_node);
	// [put_unbound_pool:unhash-end]

	// [put_unbound_pool:last-manager]
	/*
	 * Become the manager, and stay it: no worker of the pool can then
	 * start creating workers (and attach them) behind our back.  The
	 * condition returns with pool->lock held.
	 */
	rcuwait_wait_event(&manager_wait, wq_manager_inactive(pool), TASK_UNINTERRUPTIBLE);
	pool->flags |= POOL_MANAGER_ACTIVE;

	while ((worker = first_idle_worker(pool)))
		destroy_worker(worker);
	WARN_ON(pool->nr_workers || pool->nr_idle);
	raw_spin_unlock_irq(&pool->lock);
	// [put_unbound_pool:last-manager-end]

	// [put_unbound_pool:detach]
	/* the dying workers detach themselves; the last one completes this */
	mutex_lock(&wq_pool_attach_mutex);
	if (!list_empty(&pool->workers))
		pool->detach_completion = &detach_completion;
	mutex_unlock(&wq_pool_attach_mutex);

	if (pool->detach_completion)
		wait_for_completion(pool->detach_completion);
	// [put_unbound_pool:detach-end]

	del_timer_sync(&pool->idle_timer);
	del_timer_sync(&pool->mayday_timer);

	/* get_work_pool() may still be reading it under RCU */
	call_rcu(&pool->rcu, rcu_free_pool);
}
