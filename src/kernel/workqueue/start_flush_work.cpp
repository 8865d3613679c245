// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: start_flush_work() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Find where @p work is and put a barrier behind it.
 * @param work the work to flush
 * @param barr the barrier to insert
 * @param from_cancel true when called by a cancel (the item is off queue then)
 *
 * The item's data names its pool.  Under that pool's lock: if the item is
 * queued there, the barrier goes behind it; if a worker there runs it, the
 * barrier goes to that worker; otherwise the item is idle and there is
 * nothing to wait for.
 *
 * Context: may sleep (the caller will wait); takes rcu_read_lock() and pool->lock.
 * @return true if a barrier was inserted and the caller must wait for it
 */
bool start_flush_work(struct work_struct *work, struct wq_barrier *barr, bool from_cancel)
{
	struct worker *worker = NULL;
	struct worker_pool *pool;
	struct pool_workqueue *pwq;

	(void)from_cancel;
	might_sleep();

	rcu_read_lock();
	pool = get_work_pool(work);
	if (!pool) {
		rcu_read_unlock();
		return false;
	}

	raw_spin_lock_irq(&pool->lock);
	// [start_flush_work:find]
	/* a pwq in the data proves "queued here" only if it belongs to the pool we locked */
	pwq = get_work_pwq(work);
	if (pwq) {
		if (unlikely(pwq->pool != pool))
			goto already_gone;
	} else {
		worker = find_worker_executing_work(pool, work);
		if (!worker)
			goto already_gone;
		pwq = worker->current_pwq;
	}
	// [start_flush_work:find-end]

	check_flush_dependency(pwq->wq, work);

	insert_wq_barrier(pwq, barr, work, worker);
	raw_spin_unlock_irq(&pool->lock);
	rcu_read_unlock();
	return true;
already_gone:
	raw_spin_unlock_irq(&pool->lock);
	rcu_read_unlock();
	return false;
}
