// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: pwq_unbound_release_workfn() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Release an unbound pwq whose last reference is gone (queued by put_pwq()).
 * @param work the pwq's unbound_release_work
 *
 * Unlinks the pwq from its workqueue (if it was linked), drops its pool (put_unbound_pool()),
 * and frees the pwq after a grace period.  If it was the workqueue's last
 * pwq, the workqueue was destroyed and waits only for this: free it too.
 *
 * Context: a system_wq worker; takes wq->mutex, then wq_pool_mutex; may sleep.
 */
void pwq_unbound_release_workfn(struct work_struct *work)
{
	struct pool_workqueue *pwq = container_of(work, struct pool_workqueue, unbound_release_work);
	struct workqueue_struct *wq = pwq->wq;
	struct worker_pool *pool = pwq->pool;
	bool is_last = false;

	// [pwq_unbound_release_workfn:unlink]
	/*
	 * A pwq that was never linked (apply_wqattrs_prepare() failed half-way)
	 * holds nothing of @wq, which alloc_workqueue() may have freed already:
	 * touch @wq only for a linked pwq.  v5.9 does not check (a use after free).
	 */
	if (!list_empty(&pwq->pwqs_node)) {
		if (WARN_ON_ONCE(!(READ_ONCE(wq->flags) & WQ_UNBOUND)))
			return;

		mutex_lock(&wq->mutex);
		list_del_rcu(&pwq->pwqs_node);
		is_last = list_empty(&wq->pwqs);
		mutex_unlock(&wq->mutex);
	}
	// [pwq_unbound_release_workfn:unlink-end]

	mutex_lock(&wq_pool_mutex);
	put_unbound_pool(pool);
	mutex_unlock(&wq_pool_mutex);

	call_rcu(&pwq->rcu, rcu_free_pwq);

	// [pwq_unbound_release_workfn:last]
	/* the last pwq of a destroyed workqueue: nobody can reach the workqueue now */
	if (is_last)
		call_rcu(&wq->rcu, rcu_free_wq);
	// [pwq_unbound_release_workfn:last-end]
}
